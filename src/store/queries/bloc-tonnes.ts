import type { Store } from "../store.ts";

/** A bloc's trade across its border in one year for some HS6 codes, from CEPII BACI (tonnes and value). */
export interface BlocTonnes {
  year: number;
  /** imports from outside the bloc, tonnes (BACI rows with a quantity) */
  imports_t: number;
  exports_t: number;
  /** value of the rows behind them and of rows without a quantity (thousand USD) */
  imports_kusd: number;
  imports_kusd_no_qty: number;
  exports_kusd: number;
  exports_kusd_no_qty: number;
  rows: number;
  dataset: string | null;
}

/**
 * Extra-bloc imports and exports in tonnes for HS6 codes and one BACI year (importer/exporter by
 * BACI's country codes, S19 = TWN); flows between members are left out. `members` are ISO3 codes.
 *
 * @example await blocTonnes(store, ["810820"], ["JPN"], 2024) // { imports_t: …, exports_t: …, … }
 */
export async function blocTonnes(store: Store, hs6: readonly string[], members: readonly string[], year: number): Promise<BlocTonnes> {
  const r = await store.one<BlocTonnes>(
    `WITH iso AS (SELECT code, CASE WHEN iso3 = 'S19' THEN 'TWN' ELSE iso3 END AS iso3 FROM baci_countries),
     m AS (SELECT unnest(string_split($2, ',')) AS iso3),
     f AS (
       SELECT b.value_kusd AS v, b.quantity_t AS q, ci.iso3 IN (SELECT iso3 FROM m) AS imp, ce.iso3 IN (SELECT iso3 FROM m) AS exp
       FROM baci_trade b JOIN iso ci ON ci.code = b.importer JOIN iso ce ON ce.code = b.exporter
       WHERE b.year = $3 AND list_contains(string_split($1, ','), lpad(b.hs6::VARCHAR, 6, '0')))
     SELECT $3::INTEGER AS year,
       coalesce(sum(q) FILTER (imp AND NOT exp), 0)::DOUBLE AS imports_t,
       coalesce(sum(q) FILTER (exp AND NOT imp), 0)::DOUBLE AS exports_t,
       coalesce(sum(v) FILTER (imp AND NOT exp AND q IS NOT NULL), 0)::DOUBLE AS imports_kusd,
       coalesce(sum(v) FILTER (imp AND NOT exp AND q IS NULL), 0)::DOUBLE AS imports_kusd_no_qty,
       coalesce(sum(v) FILTER (exp AND NOT imp AND q IS NOT NULL), 0)::DOUBLE AS exports_kusd,
       coalesce(sum(v) FILTER (exp AND NOT imp AND q IS NULL), 0)::DOUBLE AS exports_kusd_no_qty,
       count(*) FILTER (imp <> exp)::DOUBLE AS rows,
       (SELECT any_value(dataset) FROM baci_loads WHERE year = $3) AS dataset
     FROM f`,
    [hs6.join(","), members.join(","), year],
  );
  return r!;
}
