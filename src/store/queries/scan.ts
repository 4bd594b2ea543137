import { listValue } from "@duckdb/node-api";
import type { Store } from "../store.ts";
import { baciTable, baciTablesPresent, refreshBaciView } from "./baci-tables.ts";

/** One HS6 product's aggregates for a bloc (values in thousands of USD, as BACI stores them). */
export interface ScanAggregate {
  hs6: string;
  description: string | null;
  /** Imports of the bloc's members from outside the bloc. */
  extKusd: number;
  /** Trade between members (a bloc's domestic supply). */
  intraKusd: number;
  /** Everything the bloc's members export (to anyone, members included). */
  blocExportsKusd: number;
  /** World exports: every flow of the product. */
  worldKusd: number;
  suppliers: number;
  /** Σ extᵢ² over suppliers: HHI = extSq / ext². */
  extSq: number;
  worldSq: number;
  topCode: number;
  topIso3: string | null;
  topKusd: number;
  /** The top extra-bloc supplier's exports of the product to the whole world. */
  topWorldKusd: number;
}

/**
 * Aggregate one BACI year for every HS6 product the bloc imports from outside. Only the rows bound
 * for the bloc are aggregated here (per product and exporter); world exports come from the
 * per-(product, exporter) table the load built (`baci_world_<year>`, key `hs6 * 1000 + exporter`).
 * Ties for the top supplier go to the lower country code so results are reproducible.
 *
 * @example
 * const rows = await scanAggregates(store, 2022, ["DEU", "FRA", "JPN"]);
 */
export async function scanAggregates(store: Store, year: number, members: readonly string[]): Promise<ScanAggregate[]> {
  const world = baciTable("world", year);
  return store.all<ScanAggregate>(
    `WITH bloc AS (SELECT code FROM baci_countries WHERE list_contains($members, iso3)),
     -- The exporter's membership is decided after aggregating (cheaper than per row).
     bp AS (
       SELECT *, exporter IN (SELECT code FROM bloc) AS x_in FROM (
         SELECT hs6, exporter, sum(value_kusd) AS v FROM ${baciTable("trade", year)}
         WHERE importer IN (SELECT code FROM bloc) GROUP BY hs6, exporter)),
     k0 AS (
       SELECT hs6, sum(v) FILTER (NOT x_in) AS ext, coalesce(sum(v) FILTER (x_in), 0) AS intra,
              count(*) FILTER (NOT x_in AND v > 0) AS suppliers, sum(v * v) FILTER (NOT x_in) AS ext_sq,
              max(v) FILTER (NOT x_in) AS top_v
       FROM bp GROUP BY hs6 HAVING sum(v) FILTER (NOT x_in) > 0),
     -- The top supplier: the largest, ties to the lower code (a join on the maximum is cheaper than
     -- arg_max over a (value, -code) struct).
     top AS (SELECT bp.hs6, min(bp.exporter) AS top FROM bp JOIN k0 ON bp.hs6 = k0.hs6 AND bp.v = k0.top_v WHERE NOT bp.x_in GROUP BY bp.hs6),
     wp AS (SELECT (key // 1000)::INTEGER AS hs6, sum(value_kusd) AS world, sum(value_kusd * value_kusd) AS world_sq,
                   coalesce(sum(value_kusd) FILTER ((key % 1000) IN (SELECT code FROM bloc)), 0) AS bloc_exports
            FROM ${world} GROUP BY 1),
     k AS (
       SELECT k0.*, top.top, tw.value_kusd AS top_world, wp.world, wp.world_sq, wp.bloc_exports
       FROM k0 JOIN top USING (hs6) JOIN wp USING (hs6) JOIN ${world} tw ON tw.key = k0.hs6 * 1000 + top.top)
     SELECT lpad(k.hs6::VARCHAR, 6, '0') AS hs6, p.description, k.ext AS "extKusd", k.intra AS "intraKusd",
            k.bloc_exports AS "blocExportsKusd", k.world AS "worldKusd", k.suppliers::DOUBLE AS suppliers,
            k.ext_sq AS "extSq", k.world_sq AS "worldSq", k.top::DOUBLE AS "topCode", c.iso3 AS "topIso3",
            k.top_v AS "topKusd", k.top_world AS "topWorldKusd"
     FROM k
     LEFT JOIN baci_countries c ON c.code = k.top
     LEFT JOIN baci_products p ON p.code = lpad(k.hs6::VARCHAR, 6, '0')
       AND p.classification = (SELECT classification FROM baci_loads WHERE year = $year)
     ORDER BY k.ext DESC, k.hs6`,
    { year, members: memberList(members) },
  );
}

/** Which file a BACI year came from (and how many of its rows are present), or undefined when not loaded. */
export async function baciLoad(
  store: Store,
  year: number,
): Promise<{ year: number; classification: string; release: string | null; dataset: string; rows: number; present: number } | undefined> {
  const load = await store.one<{ year: number; classification: string; release: string | null; dataset: string; rows: number }>(
    "SELECT year::INTEGER AS year, classification, release, dataset, rows FROM baci_loads WHERE year = $1",
    [year],
  );
  if (!load) return undefined;
  // `present` counts the rows actually there (0 without the year's tables): it differs from `rows`
  // only after a torn commit. A plain count is answered from statistics (~1 ms).
  const kinds = new Set((await baciTablesPresent(store)).filter((t) => t.year === year).map((t) => t.kind));
  let present = 0;
  if (kinds.has("trade") && kinds.has("world")) {
    present = (await store.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${baciTable("trade", year)}`))?.n ?? 0;
  }
  return { ...load, present };
}

/** Years of BACI trade in the store, newest first. */
export async function baciYears(store: Store): Promise<number[]> {
  const rows = await store.all<{ year: number }>("SELECT year::INTEGER AS year FROM baci_loads ORDER BY year DESC");
  return rows.map((r) => r.year);
}

/** Bloc members (ISO3) with no code in `baci_countries`, and trade codes with no ISO3 there. */
export async function baciCoverage(
  store: Store,
  year: number,
  members: readonly string[],
): Promise<{ missingMembers: string[]; unmappedCodes: number[] }> {
  const known = await store.all<{ iso3: string }>(
    "SELECT DISTINCT iso3 FROM baci_countries WHERE list_contains($1, iso3)",
    [memberList(members)],
  );
  const have = new Set(known.map((k) => k.iso3));
  // The codes a year uses were listed at load time (baci_loads.codes): no rescan of the trade rows.
  const unmapped = await store.all<{ code: number }>(
    `SELECT code::INTEGER AS code FROM (SELECT unnest(codes) AS code FROM baci_loads WHERE year = $1)
     WHERE code NOT IN (SELECT code FROM baci_countries) ORDER BY code`,
    [year],
  );
  return { missingMembers: members.filter((m) => !have.has(m)), unmappedCodes: unmapped.map((u) => u.code) };
}

/** Catalogue materials carried by HS6 codes (exact HS6 lines, and HS4 headings they fall under). */
export async function materialsByHs6(
  store: Store,
): Promise<Map<string, { material: string; stage: string; basket: boolean }[]>> {
  const rows = await store.all<{ material: string; stage: string; code: string; classification: string; basket: boolean }>(
    `SELECT material, stage, code, classification, coalesce(basket, false) AS basket FROM material_codes
     WHERE classification IN ('HS6', 'HS4') ORDER BY material, stage`,
  );
  const out = new Map<string, { material: string; stage: string; basket: boolean }[]>();
  for (const r of rows) {
    const list = out.get(r.code) ?? [];
    list.push({ material: r.material, stage: r.stage, basket: r.basket });
    out.set(r.code, list);
  }
  return out;
}

/** Members bound as one VARCHAR[] parameter, never spliced into SQL. */
function memberList(list: readonly string[]) {
  return listValue([...list]);
}

/**
 * Write rows to a Parquet file through a temporary table (DuckDB's COPY; the path is a bound
 * parameter). Column names and types come from code, never from users.
 *
 * @example await writeParquet(store, [{ name: "hs6", type: "VARCHAR" }], [["811292"]], "scan.parquet");
 */
export async function writeParquet(
  store: Store,
  columns: readonly { name: string; type: string }[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
  file: string,
): Promise<void> {
  const table = "scan_parquet_out";
  await store.run(`DROP TABLE IF EXISTS ${table}`);
  await store.run(`CREATE TEMP TABLE ${table} (${columns.map((c) => `"${c.name}" ${c.type === "INTEGER" ? "BIGINT" : c.type}`).join(", ")})`);
  try {
    const typed = rows.map((r) => r.map((v, i) => (columns[i].type === "INTEGER" && typeof v === "number" ? BigInt(Math.round(v)) : v)));
    await store.append(table, typed as never);
    await store.run(`COPY ${table} TO $1 (FORMAT parquet)`, [file]);
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

/**
 * Clear a BACI year left torn by an interrupted load (rows present ≠ rows recorded: DuckDB can
 * replay part of a WAL cut by a kill): its rows, its record, and the `loaded_files` entries of
 * trade files no year record points to, so that loading either file again is not skipped.
 *
 * @example await clearTornBaciYear(store, 2023);
 */
export async function clearTornBaciYear(store: Store, year: number): Promise<void> {
  await store.transaction(async () => {
    await store.run(`DROP TABLE IF EXISTS ${baciTable("trade", year)}`);
    await store.run(`DROP TABLE IF EXISTS ${baciTable("world", year)}`);
    await refreshBaciView(store);
    await store.run("DELETE FROM baci_loads WHERE year = $1", [year]);
    await store.run(
      `DELETE FROM loaded_files WHERE loader = 'baci'
         AND NOT regexp_matches(path, '^(country_codes_|product_codes_|readme)', 'i')
         AND path NOT IN (SELECT source_file FROM baci_loads)`,
    );
  });
}
