import { createHash } from "node:crypto";
import type { Store } from "../../store/store.ts";
import { ensureMonitorTables, feedState, saveFeedState, saveItems, seenItems, type StoredItem } from "../../store/queries/monitor.ts";
import type { MonitorEvent } from "../../domain/monitor-event.ts";
import { fetchFeed } from "./fetch.ts";
import { parseFeed } from "./parse.ts";

/** What one poll of a feed did. */
export interface PollResult {
  feed: string;
  notModified: boolean;
  items: number;
  newItems: number;
  events: (MonitorEvent & { link: string | null })[];
}

/** Dedupe key of an item: its guid, else its link, else its title. @example itemHash({ guid: "1", link: null, title: "" }) */
export function itemHash(it: { guid: string | null; link: string | null; title: string }): string {
  return createHash("sha256").update(it.guid ?? it.link ?? it.title).digest("hex").slice(0, 32);
}

/**
 * Poll a feed once: conditional GET, parse, skip items seen before, extract events from the new
 * ones (title + text) and store items and events.
 *
 * @example const r = await pollFeed(store, "https://example.org/feed.xml", extract);
 */
export async function pollFeed(store: Store, feed: string, extract: (text: string) => MonitorEvent[]): Promise<PollResult> {
  await ensureMonitorTables(store);
  const prev = await feedState(store, feed);
  const res = await fetchFeed(feed, { etag: prev?.etag ?? null, lastModified: prev?.last_modified ?? null });
  if (res.status === 304 || res.body === null) return { feed, notModified: true, items: 0, newItems: 0, events: [] };
  const items = parseFeed(res.body, feed);
  const hashes = items.map(itemHash);
  const seen = await seenItems(store, hashes);
  const fresh: StoredItem[] = [];
  items.forEach((it, i) => {
    if (seen.has(hashes[i]) || fresh.some((f) => f.hash === hashes[i])) return;
    const text = [it.title, it.published ?? "", it.text].filter(Boolean).join("\n");
    fresh.push({ hash: hashes[i], feed, guid: it.guid, link: it.link, title: it.title, published: it.published, events: extract(text) });
  });
  await saveItems(store, fresh);
  await saveFeedState(store, feed, res.etag, res.lastModified, items.length);
  return { feed, notModified: false, items: items.length, newItems: fresh.length, events: fresh.flatMap((f) => f.events.map((e) => ({ ...e, link: f.link }))) };
}

/** "15m", "1h", "30s" → milliseconds. @example parseInterval("15m") // 900000 */
export function parseInterval(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)$/i.exec(s.trim());
  if (!m) return NaN;
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[m[2].toLowerCase() as "s" | "m" | "h"];
}
