import type { Store } from "../store.ts";
import { ensureBaciSchema } from "./baci-tables.ts";

/** One BACI flow summed over the asked codes: exporter → importer (ISO3), USD, tonnes (null when BACI has none). */
export interface BaciFlow {
  exporter: string;
  importer: string;
  usd: number;
  tonnes: number | null;
  /** USD of the rows that carry a quantity (for unit values: usdWithQty / tonnes). */
  usdWithQty: number;
}

/** Years loaded in BACI that hold rows for any of these HS6 codes, newest first, with the release. */
export async function baciYearsFor(store: Store, hs6: readonly number[]): Promise<{ year: number; release: string | null; withQuantity: boolean }[]> {
  if (!hs6.length) return [];
  await ensureBaciSchema(store);
  return store.all(
    `SELECT t.year::INTEGER AS year, any_value(l.release) AS release, bool_or(t.quantity_t IS NOT NULL) AS "withQuantity"
       FROM baci_trade t LEFT JOIN baci_loads l ON l.year = t.year
      WHERE list_contains(string_split($1, ',')::INTEGER[], t.hs6)
      GROUP BY t.year ORDER BY t.year DESC`,
    [hs6.join(",")],
  );
}

/**
 * Every flow of a year for a set of HS6 codes, summed over the codes, with ISO3 country codes
 * (BACI's numeric codes through `baci_countries`, its "Other Asia, nes" S19 read as TWN as in the sourcing engine;
 * a code without a country row keeps its number).
 * @example await baciFlows(store, [850511], 2024) // [{ exporter: "CHN", importer: "DEU", usd: …, tonnes: … }, …]
 */
export async function baciFlows(store: Store, hs6: readonly number[], year: number): Promise<BaciFlow[]> {
  if (!hs6.length) return [];
  await ensureBaciSchema(store);
  return store.all<BaciFlow>(
    `WITH iso AS (SELECT code, CASE WHEN iso3 = 'S19' THEN 'TWN' ELSE iso3 END AS iso3 FROM baci_countries)
     SELECT coalesce(e.iso3, t.exporter::VARCHAR) AS exporter, coalesce(i.iso3, t.importer::VARCHAR) AS importer,
            sum(t.value_kusd) * 1000 AS usd,
            CASE WHEN bool_or(t.quantity_t IS NOT NULL) THEN sum(t.quantity_t) END AS tonnes,
            coalesce(sum(CASE WHEN t.quantity_t IS NOT NULL THEN t.value_kusd END), 0) * 1000 AS "usdWithQty"
       FROM baci_trade t
       LEFT JOIN iso e ON e.code = t.exporter
       LEFT JOIN iso i ON i.code = t.importer
      WHERE t.year = $2 AND list_contains(string_split($1, ',')::INTEGER[], t.hs6)
      GROUP BY 1, 2`,
    [hs6.join(","), year],
  );
}

/**
 * Which of these HS6 codes have BACI rows in a year (a shipped subset may lack some of a material's codes).
 * @example await baciCodesIn(store, [250410, 250490], 2024) // [250490]
 */
export async function baciCodesIn(store: Store, hs6: readonly number[], year: number): Promise<number[]> {
  if (!hs6.length) return [];
  await ensureBaciSchema(store);
  const rows = await store.all<{ hs6: number }>(
    `SELECT DISTINCT hs6::INTEGER AS hs6 FROM baci_trade WHERE year = $2 AND list_contains(string_split($1, ',')::INTEGER[], hs6) ORDER BY 1`,
    [hs6.join(","), year],
  );
  return rows.map((r) => r.hs6);
}
