import { readFileSync } from "node:fs";
import { ChokepointError } from "../../domain/error.ts";

/** What a conditional fetch returned: 304 (nothing new) or the body with its new validators. */
export interface FetchResult {
  status: number;
  body: string | null;
  etag: string | null;
  lastModified: string | null;
}

/**
 * Fetch a feed with a conditional GET (If-None-Match / If-Modified-Since); a local path is read directly.
 * @example await fetchFeed("https://example.org/feed.xml", { etag: '"abc"', lastModified: null })
 */
export async function fetchFeed(source: string, prev: { etag: string | null; lastModified: string | null }): Promise<FetchResult> {
  if (!/^https?:\/\//i.test(source)) {
    try {
      return { status: 200, body: readFileSync(source, "utf8"), etag: null, lastModified: null };
    } catch (e) {
      throw new ChokepointError("io_error", `cannot read feed file ${source}: ${(e as Error).message}`);
    }
  }
  const headers: Record<string, string> = { "user-agent": "chokepoint-monitor/0.1", accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5" };
  if (prev.etag) headers["if-none-match"] = prev.etag;
  if (prev.lastModified) headers["if-modified-since"] = prev.lastModified;
  let res: Response;
  try {
    res = await fetch(source, { headers, signal: AbortSignal.timeout(30_000) });
  } catch (e) {
    throw new ChokepointError("io_error", `cannot fetch ${source}: ${(e as Error).message}`);
  }
  if (res.status === 304) return { status: 304, body: null, etag: prev.etag, lastModified: prev.lastModified };
  if (!res.ok) throw new ChokepointError("io_error", `fetching ${source}: HTTP ${res.status}`);
  return { status: res.status, body: await res.text(), etag: res.headers.get("etag"), lastModified: res.headers.get("last-modified") };
}
