import { useEffect, useState } from "react";

/** An API error as the server sends it: `{ code, path, message }`. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly problems: { code: string; path: (string | number)[]; message: string; value?: unknown }[] = []) {
    super(message);
  }
}

/** Catalogues that do not change while a page is open: answered once per page load. */
const CATALOGUES = new Set(["/api/materials", "/api/blocs", "/api/countries"]);

/**
 * GETs shared by path: components asking the same question at once share one request, and an answer is
 * kept after it arrives for `keepMs` (0: not at all; a prefetched answer 15 s for its page to pick up;
 * catalogues for the page's life). Failures are never kept.
 */
const shared = new Map<string, Promise<unknown>>();

function sharedGet<T>(path: string, keepMs: number): Promise<T> {
  let p = shared.get(path) as Promise<T> | undefined;
  if (!p) {
    const q = request<T>(path);
    shared.set(path, q);
    const drop = () => shared.get(path) === q && shared.delete(path);
    q.then(() => (keepMs === 0 ? drop() : Number.isFinite(keepMs) ? setTimeout(drop, keepMs) : undefined), drop);
    p = q;
  }
  return p;
}

/**
 * Start a GET now so that the page's own `api(path)` a moment later gets its answer without a round
 * trip (pages prefetch while their code loads). Kept 15 s.
 * @example prefetch("/api/materials")
 */
export const prefetch = <T>(path: string): Promise<T> => sharedGet<T>(path, 15_000);

/** GET or POST JSON against the chokepoint API; errors become ApiError with the server's message. */
export function api<T>(path: string, body?: unknown): Promise<T> {
  if (body !== undefined) return request<T>(path, body);
  return sharedGet<T>(path, CATALOGUES.has(path) ? Infinity : 0);
}

async function request<T>(path: string, body?: unknown): Promise<T> {
  const token = sessionStorage.getItem("chokepoint-token");
  const res = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({ code: "bad_response", message: `HTTP ${res.status}` }));
  if (!res.ok) throw new ApiError(res.status, json.code, json.message, json.problems ?? []);
  return json as T;
}

export type Loadable<T> = { state: "loading" } | { state: "error"; error: ApiError | Error } | { state: "ok"; data: T };

/** Fetch a GET endpoint whenever the path changes. */
export function useApi<T>(path: string | null): Loadable<T> {
  const [v, setV] = useState<Loadable<T>>({ state: "loading" });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setV({ state: "loading" });
    api<T>(path).then(
      (data) => live && setV({ state: "ok", data }),
      (error) => live && setV({ state: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return v;
}
