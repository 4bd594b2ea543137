import { useEffect, useState } from "react";

/** An API error as the server sends it: `{ code, path, message }`. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly problems: { code: string; path: (string | number)[]; message: string; value?: unknown }[] = []) {
    super(message);
  }
}

/** GETs in flight by path: components asking the same question at once (the material page's year trends) share one request. */
const inFlight = new Map<string, Promise<unknown>>();

/** Catalogues that do not change while a page is open: answered once per page load. */
const CATALOGUES = new Set(["/api/materials", "/api/blocs", "/api/countries"]);
const kept = new Map<string, Promise<unknown>>();

/** Answers asked for before a page needed them (see `prefetch`), kept a short while for the page to pick up. */
const prefetched = new Map<string, Promise<unknown>>();

/**
 * Start a GET now so that the page's own `api(path)` a moment later gets its answer without a round
 * trip (pages prefetch while their code loads). Kept 15 s.
 * @example prefetch("/api/materials")
 */
export function prefetch<T>(path: string): Promise<T> {
  let p = prefetched.get(path) as Promise<T> | undefined;
  if (!p) {
    p = request<T>(path);
    prefetched.set(path, p);
    const forget = () => setTimeout(() => prefetched.get(path) === p && prefetched.delete(path), 15_000);
    p.then(forget, () => prefetched.delete(path));
  }
  return p;
}

/** GET or POST JSON against the chokepoint API; errors become ApiError with the server's message. */
export function api<T>(path: string, body?: unknown): Promise<T> {
  if (body !== undefined) return request<T>(path, body);
  if (CATALOGUES.has(path)) {
    let k = kept.get(path) as Promise<T> | undefined;
    if (!k) {
      k = request<T>(path);
      kept.set(path, k);
      k.catch(() => kept.delete(path));
    }
    return k;
  }
  const early = prefetched.get(path) as Promise<T> | undefined;
  if (early) return early;
  let p = inFlight.get(path) as Promise<T> | undefined;
  if (!p) {
    p = request<T>(path);
    inFlight.set(path, p);
    const drop = () => inFlight.get(path) === p && inFlight.delete(path);
    p.then(drop, drop);
  }
  return p;
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
