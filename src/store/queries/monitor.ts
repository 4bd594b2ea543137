import { listValue } from "@duckdb/node-api";
import type { GazetteerRows } from "../../domain/gazetteer-rows.ts";
import type { Store } from "../store.ts";

/**
 * Catalogue rows the event extractor's gazetteer is generated from.
 * @example const rows = await gazetteerRows(store); rows.countries.length // 249
 */
export async function gazetteerRows(store: Store): Promise<GazetteerRows> {
  const countries = await store.all<{ iso3: string; name: string }>("SELECT iso3, name FROM countries ORDER BY iso3");
  const aliases = await store.all<{ alias: string; iso3: string }>("SELECT alias, iso3 FROM country_aliases ORDER BY alias");
  const materials = await store.all<{ id: string; name: string; hs_codes: string[] | null; parent: string | null }>(
    "SELECT id, name, hs_codes, parent FROM materials ORDER BY id",
  );
  return { countries, aliases, materials };
}

/** One month of one exporter→importer product flow (HS6), with its dataset and edition. */
export interface MonthlyFlow {
  exporter: string;
  importer: string;
  product: string;
  year: number;
  month: number;
  value: number;
  dataset: string;
  edition: string;
}

/**
 * Monthly HS6 export flows from table `trade` (month > 0), optionally for one exporter.
 * Reported exports (flow X) are read as exporter = reporter; imports (flow M) as exporter = partner.
 * @example const rows = await monthlyFlows(store, "CHN");
 */
export async function monthlyFlows(store: Store, exporter?: string): Promise<MonthlyFlow[]> {
  return store.all<MonthlyFlow>(
    `SELECT CASE WHEN t.flow = 'X' THEN t.reporter ELSE t.partner END AS exporter,
            CASE WHEN t.flow = 'X' THEN t.partner ELSE t.reporter END AS importer,
            t.product, t.year, t.month, sum(t.value)::DOUBLE AS value, t.dataset, coalesce(d.edition, '') AS edition
       FROM trade t LEFT JOIN datasets d ON d.id = t.dataset
      WHERE t.month > 0 AND t.classification = 'HS6' AND t.value IS NOT NULL
        AND ($1::VARCHAR IS NULL OR (CASE WHEN t.flow = 'X' THEN t.reporter ELSE t.partner END) = $1)
      GROUP BY ALL ORDER BY exporter, importer, t.product, t.year, t.month`,
    [exporter ?? null],
  );
}

/**
 * Catalogue materials carried by each HS6 code (table `material_codes`).
 * @example (await hs6Materials(store)).get("811292") // ["gallium", "germanium", …]
 */
export async function hs6Materials(store: Store): Promise<Map<string, string[]>> {
  const rows = await store.all<{ code: string; material: string }>(
    "SELECT DISTINCT code, material FROM material_codes WHERE classification = 'HS6' ORDER BY code, material",
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.code, [...(out.get(r.code) ?? []), r.material]);
  return out;
}

/** Tables for feeds, feed items (dedupe by hash) and stored events; lists kept as JSON text. */
export const MONITOR_DDL = [
  `CREATE TABLE IF NOT EXISTS monitor_feeds (url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, checked_at TIMESTAMP, items DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS monitor_items (hash VARCHAR PRIMARY KEY, feed VARCHAR, guid VARCHAR, link VARCHAR, title VARCHAR, published VARCHAR, seen_at TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS monitor_events (item VARCHAR, feed VARCHAR, type VARCHAR, actor VARCHAR, targets VARCHAR, products VARCHAR,
     hs_codes VARCHAR, measure_date VARCHAR, rate DOUBLE, status VARCHAR, evidence VARCHAR, link VARCHAR, seen_at TIMESTAMP)`,
];

/** Create the monitoring tables in a database built before they existed. */
export async function ensureMonitorTables(store: Store): Promise<void> {
  // A read-only store (shared with a running server) was built with these tables (schema/extra.ts).
  if (store.readOnly) return;
  for (const sql of MONITOR_DDL) await store.run(sql);
}

/** The validators a feed last answered with (for a conditional GET). */
export async function feedState(store: Store, url: string): Promise<{ etag: string | null; last_modified: string | null } | undefined> {
  return store.one("SELECT etag, last_modified FROM monitor_feeds WHERE url = $1", [url]);
}

/** Record a feed's validators after a fetch. */
export async function saveFeedState(store: Store, url: string, etag: string | null, lastModified: string | null, items: number): Promise<void> {
  await store.run(
    `INSERT INTO monitor_feeds VALUES ($1, $2, $3, now(), $4)
     ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = now(), items = excluded.items`,
    [url, etag, lastModified, items],
  );
}

/** Item hashes already seen, out of the given ones. */
export async function seenItems(store: Store, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await store.all<{ hash: string }>("SELECT hash FROM monitor_items WHERE list_contains($1::VARCHAR[], hash)", [
    listValue(hashes),
  ]);
  return new Set(rows.map((r) => r.hash));
}

/** A feed item and the events read from it, stored together. */
export interface StoredItem {
  hash: string;
  feed: string;
  guid: string | null;
  link: string | null;
  title: string;
  published: string | null;
  events: import("../../domain/monitor-event.ts").MonitorEvent[];
}

/** Store new items and their events. */
export async function saveItems(store: Store, items: readonly StoredItem[]): Promise<void> {
  await store.transaction(async () => {
    for (const it of items) {
      await store.run("INSERT INTO monitor_items VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT DO NOTHING", [
        it.hash, it.feed, it.guid, it.link, it.title, it.published,
      ]);
      for (const e of it.events) {
        await store.run("INSERT INTO monitor_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())", [
          it.hash, it.feed, e.type, e.actor, JSON.stringify(e.targets), JSON.stringify(e.products), JSON.stringify(e.hsCodes),
          e.measureDate, e.rate, e.status, e.evidence, it.link,
        ]);
      }
    }
  });
}

/** Every stored event, newest first. */
export async function storedEvents(store: Store): Promise<(import("../../domain/monitor-event.ts").MonitorEvent & { link: string | null; feed: string })[]> {
  const rows = await store.all<Record<string, string | number | null>>(
    "SELECT * FROM monitor_events ORDER BY seen_at DESC, measure_date DESC NULLS LAST",
  );
  return rows.map((r) => ({
    type: r.type as never,
    actor: r.actor as string | null,
    targets: JSON.parse(String(r.targets)),
    products: JSON.parse(String(r.products)),
    hsCodes: JSON.parse(String(r.hs_codes)),
    measureDate: r.measure_date as string | null,
    rate: r.rate as number | null,
    status: r.status as never,
    evidence: String(r.evidence),
    link: r.link as string | null,
    feed: String(r.feed),
  }));
}
