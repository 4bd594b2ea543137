import { useEffect, useState } from "react";

/** The app's state lives in the URL (path + query), so every view is a shareable link. */
export interface Location {
  path: string;
  params: URLSearchParams;
}

const read = (): Location => ({ path: window.location.pathname, params: new URLSearchParams(window.location.search) });

export function useLocation(): Location {
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const on = () => setLoc(read());
    window.addEventListener("popstate", on);
    window.addEventListener("chokepoint:navigate", on);
    return () => {
      window.removeEventListener("popstate", on);
      window.removeEventListener("chokepoint:navigate", on);
    };
  }, []);
  return loc;
}

/** Go to a path with query parameters (pushes history; `replace` for in-page tweaks). */
export function navigate(path: string, params: Record<string, string | undefined> = {}, replace = false): void {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, v);
  const url = `${path}${q.size ? `?${q}` : ""}`;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  window.dispatchEvent(new Event("chokepoint:navigate"));
}

/** Change some query parameters of the current page. */
export function setParams(changes: Record<string, string | undefined>, replace = true): void {
  const cur = Object.fromEntries(new URLSearchParams(window.location.search));
  navigate(window.location.pathname, { ...cur, ...changes }, replace);
}

/** The href of a link within the app. */
export function href(path: string, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, v);
  return `${path}${q.size ? `?${q}` : ""}`;
}
