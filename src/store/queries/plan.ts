import type { Store } from "../store.ts";

/** Unit value of a material by country of origin: USD per tonne from trade records with quantities. */
export interface UnitValueRow {
  origin: string;
  year: number;
  usd: number;
  tonnes: number;
  datasets: string;
}

/**
 * Latest-year (≤ `year`) unit values by origin for a material's trade codes (its own, else the
 * group's): exports (flow X) count for the reporter, imports (flow M) for the partner. Only rows
 * with a mass quantity (kg or t) and a value convertible to USD are used.
 */
export async function unitValuesByOrigin(store: Store, materials: readonly string[], stage: string, year: number): Promise<UnitValueRow[]> {
  return store.all<UnitValueRow>(
    `WITH c AS (
       SELECT DISTINCT code, classification FROM material_codes
       WHERE list_contains(string_split($1, ','), material) AND (stage = $2 OR stage IS NULL OR stage = '')),
     t AS (
       SELECT CASE WHEN t.flow = 'X' THEN t.reporter ELSE t.partner END AS origin, t.year, t.dataset,
              CASE WHEN t.currency = 'USD' THEN t.value ELSE t.value / fx.per_usd END AS usd,
              CASE lower(t.qty_unit) WHEN 'kg' THEN t.quantity / 1000 WHEN 't' THEN t.quantity WHEN 'tons' THEN t.quantity
                   WHEN 'tonnes' THEN t.quantity ELSE NULL END AS tonnes
       FROM trade t JOIN c ON c.code = t.product AND c.classification = t.classification
       LEFT JOIN fx_rates fx ON fx.year = t.year AND fx.currency = t.currency
       WHERE t.year <= $3 AND t.quantity > 0 AND t.value > 0 AND t.flow IN ('X', 'M')),
     y AS (
       SELECT origin, year, sum(usd)::DOUBLE AS usd, sum(tonnes)::DOUBLE AS tonnes, string_agg(DISTINCT dataset, ',') AS datasets
       FROM t WHERE tonnes > 0 AND usd IS NOT NULL AND origin IS NOT NULL GROUP BY origin, year)
     SELECT * FROM y WHERE tonnes > 0
     QUALIFY row_number() OVER (PARTITION BY origin ORDER BY year DESC) = 1
     ORDER BY origin`,
    [materials.join(","), stage, year],
  );
}
