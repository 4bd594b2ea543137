import type { Store } from "../store.ts";
import { listMaterials } from "./materials.ts";
import { restrictionsInForce, today } from "./restrictions.ts";
import { USGS_SERIES_ALL } from "./exposure.ts";
import { ensureBaciSchema } from "./baci-tables.ts";

/**
 * Batched reads for the planner: everything `plan` needs for every material in a handful of
 * queries (the per-material path through `exposure` issued ~10 queries per material, which was
 * ~95 % of a plan's time). Each function reads a whole table slice once; the planner indexes it.
 */

/** Trade aggregated by code, origin, importer and year, from rows that carry both value and mass. */
export interface UnitValueRow {
  code: string;
  classification: string;
  origin: string;
  importer: string;
  year: number;
  usd: number;
  tonnes: number;
  datasets: string;
}

/**
 * Unit values' ingredients for every catalogue code: USD and tonnes summed by (code, origin,
 * importer, year) over trade rows that report a value and a mass quantity (kg or t) in the same row.
 * Exports (flow X) count for the reporter as origin and the partner as importer; imports (flow M)
 * the other way round. Values not in USD are converted at the ECB annual average (`fx_rates`).
 * @example const rows = await unitValueRows(store); // [{ code: "811292", origin: "CHN", importer: "JPN", … }]
 */
export async function unitValueRows(store: Store): Promise<UnitValueRow[]> {
  return store.all<UnitValueRow>(
    `WITH c AS (SELECT DISTINCT code, classification FROM material_codes),
     t AS (
       SELECT t.product AS code, t.classification,
              CASE WHEN t.flow = 'X' THEN t.reporter ELSE t.partner END AS origin,
              CASE WHEN t.flow = 'X' THEN t.partner ELSE t.reporter END AS importer,
              t.year, t.dataset,
              CASE WHEN t.currency = 'USD' THEN t.value ELSE t.value / fx.per_usd END AS usd,
              CASE lower(t.qty_unit) WHEN 'kg' THEN t.quantity / 1000 WHEN 't' THEN t.quantity WHEN 'tons' THEN t.quantity
                   WHEN 'tonnes' THEN t.quantity ELSE NULL END AS tonnes
       FROM trade t JOIN c ON c.code = t.product AND c.classification = t.classification
       LEFT JOIN fx_rates fx ON fx.year = t.year AND fx.currency = t.currency
       WHERE t.quantity > 0 AND t.value > 0 AND t.flow IN ('X', 'M'))
     SELECT code, classification, origin, importer, year, sum(usd)::DOUBLE AS usd, sum(tonnes)::DOUBLE AS tonnes,
            string_agg(DISTINCT dataset, ',' ORDER BY dataset) AS datasets
     FROM t WHERE tonnes > 0 AND usd IS NOT NULL AND origin IS NOT NULL AND importer IS NOT NULL
     GROUP BY ALL HAVING sum(tonnes) > 0
     ORDER BY code, classification, origin, importer, year`,
  );
}

/** CEPII BACI flows with a quantity, by HS6 code, exporter, importer and year (ISO3; BACI's S19 = TWN). */
export interface BaciUnitValueRow {
  hs6: string;
  origin: string;
  importer: string;
  year: number;
  usd: number;
  tonnes: number;
  release: string | null;
}

/**
 * Unit values' ingredients from CEPII BACI for every HS6 code the catalogue names (exactly, or
 * under an HS4 heading): USD (thousands × 1000) and tonnes of the rows that carry a quantity,
 * summed by (hs6, exporter, importer, year). Rows without a quantity (all of BACI 2022 as shipped)
 * are left out. Each BACI row appears once, whatever the number of catalogue codes above it.
 * @example const rows = await baciUnitValueRows(store); // [{ hs6: "250490", origin: "CHN", importer: "DEU", year: 2024, … }]
 */
export async function baciUnitValueRows(store: Store): Promise<BaciUnitValueRow[]> {
  await ensureBaciSchema(store);
  return store.all<BaciUnitValueRow>(
    `WITH c AS (SELECT DISTINCT code, classification FROM material_codes WHERE classification IN ('HS6', 'HS4')),
     p AS (SELECT DISTINCT b.code::INTEGER AS hs6, b.code FROM baci_products b
           JOIN c ON (c.classification = 'HS6' AND c.code = b.code) OR (c.classification = 'HS4' AND c.code = left(b.code, 4))),
     iso AS (SELECT code, CASE WHEN iso3 = 'S19' THEN 'TWN' ELSE iso3 END AS iso3 FROM baci_countries)
     SELECT p.code AS hs6, e.iso3 AS origin, i.iso3 AS importer, t.year::INTEGER AS year,
            sum(t.value_kusd * 1000)::DOUBLE AS usd, sum(t.quantity_t)::DOUBLE AS tonnes, any_value(l.release) AS release
     FROM baci_trade t JOIN p ON p.hs6 = t.hs6
     JOIN iso e ON e.code = t.exporter JOIN iso i ON i.code = t.importer
     LEFT JOIN baci_loads l ON l.year = t.year
     WHERE t.quantity_t > 0 AND t.value_kusd > 0 AND e.iso3 IS NOT NULL AND i.iso3 IS NOT NULL
     GROUP BY ALL ORDER BY hs6, origin, importer, year`,
  );
}

/** USGS production of every (material, stage) series: newest edition per year, by country. */
export interface ProductionAllRow {
  material: string;
  stage: string;
  year: number;
  iso3: string | null;
  label: string;
  is_aggregate: boolean;
  value_t: number;
  is_estimate: boolean;
  edition: string;
  /** USGS's description of the series, e.g. "Mine production, contained cobalt" */
  type: string;
}


/**
 * World production by country for every material, stage and year (the same selection as
 * `productionByCountry`, for all series at once), largest first within each year.
 * @example const rows = await productionAll(store);
 */
export async function productionAll(store: Store): Promise<ProductionAllRow[]> {
  return store.all<ProductionAllRow>(
    `WITH p AS (${USGS_SERIES_ALL}),
     e AS (SELECT material, stage, year, max(edition) AS edition FROM p GROUP BY ALL)
     SELECT p.material, p.stage, p.year, p.iso3, any_value(p.country_label) AS label, bool_or(p.is_aggregate) AS is_aggregate,
            sum(p.value_t)::DOUBLE AS value_t, bool_or(p.is_estimate) AS is_estimate, any_value(p.edition) AS edition, any_value(p.type) AS type
     FROM p JOIN e USING (material, stage, year, edition)
     GROUP BY p.material, p.stage, p.year, p.iso3, CASE WHEN p.iso3 IS NULL THEN p.country_label END
     HAVING sum(p.value_t) > 0
     ORDER BY p.material, p.stage, p.year DESC, value_t DESC, p.iso3`,
  );
}

/** Years with USGS production data per (material, stage), as in `productionYears`. */
export async function productionYearsAll(store: Store): Promise<{ material: string; stage: string; year: number }[]> {
  return store.all(`SELECT DISTINCT material, stage, year FROM (${USGS_SERIES_ALL}) ORDER BY material, stage, year DESC`);
}

/** The EU 2023 study's global supply shares for every material and stage. */
export async function studySharesAll(store: Store): Promise<{ material_name: string; stage: string; iso3: string | null; label: string; share: number }[]> {
  return store.all(
    `SELECT material_name, stage, iso3, country_label AS label, share FROM eu_supply_shares
     WHERE scope = 'global' AND share > 0 ORDER BY material_name, stage, share DESC`,
  );
}

/** Exporters' world totals (flow X to WLD, e.g. EI LNG "Total exports") for every material, as in `worldExportsByPartner`. */
export async function worldExportsAll(
  store: Store,
): Promise<{ material: string; stage: string; year: number; partner: string; quantity: number; qty_unit: string; dataset: string }[]> {
  return store.all(
    `SELECT c.material, c.stage, t.year, t.reporter AS partner, sum(t.quantity)::DOUBLE AS quantity,
            any_value(t.qty_unit) AS qty_unit, any_value(t.dataset) AS dataset
     FROM trade t JOIN material_codes c ON c.code = t.product AND c.classification = t.classification
     WHERE t.classification = 'EI' AND t.flow = 'X' AND t.partner = 'WLD' AND t.month = 0 AND t.quantity > 0
     GROUP BY c.material, c.stage, t.year, t.reporter ORDER BY c.material, c.stage, t.year DESC, quantity DESC`,
  );
}

/**
 * Countries with an export measure in force on `date` (default today), for every catalogue material:
 * the same answer as `restrictionsInForce(store, {date, material})` per material (measures on the
 * material, a group above it or a member below it), with the destinations the country's measures
 * name (null = at least one of them applies to every destination). The planner keeps a country only
 * for a bloc its measures reach, as exposure's `restrictedShare` does with `destination: bloc.members`.
 *
 * @example (await restrictionsAll(store, "2026-12-05")).find((r) => r.material === "gallium") // { country: "CHN", destinations: null, … }
 */
export async function restrictionsAll(store: Store, date: string = today()): Promise<{ country: string; material: string; destinations: string[] | null }[]> {
  const out: { country: string; material: string; destinations: string[] | null }[] = [];
  for (const m of await listMaterials(store)) {
    const byCountry = new Map<string, string[] | null>();
    for (const r of await restrictionsInForce(store, { date, material: m.id })) {
      const prev = byCountry.get(r.country);
      if (prev === null) continue;
      byCountry.set(r.country, r.destinations === null ? null : [...new Set([...(prev ?? []), ...r.destinations])].sort());
    }
    for (const country of [...byCountry.keys()].sort()) out.push({ country, material: m.id, destinations: byCountry.get(country) ?? null });
  }
  return out;
}

/**
 * The countries whose measures on record reach a bloc: measures on every destination, or naming a
 * member. An empty member list (no bloc) keeps every country.
 *
 * @example restrictingCountries([{ country: "CHN", destinations: ["JPN"] }], ["DEU", "FRA"]) // Set {}
 */
export function restrictingCountries(list: readonly { country: string; destinations: readonly string[] | null }[], members: readonly string[]): Set<string> {
  return new Set(list.filter((r) => !members.length || r.destinations === null || r.destinations.some((d) => members.includes(d))).map((r) => r.country));
}

/** WGI six-dimension estimates for every country and year that has all six. */
export async function wgiAll(store: Store): Promise<{ iso3: string; year: number; est: number[] }[]> {
  return store.all(
    `SELECT iso3, year, list(estimate ORDER BY indicator) AS est FROM wgi
     WHERE estimate IS NOT NULL GROUP BY iso3, year HAVING count(*) = 6 ORDER BY iso3, year`,
  );
}

/** The catalogue's trade codes, every material. */
export async function materialCodesAll(store: Store): Promise<{ material: string; stage: string | null; code: string; classification: string; basket: boolean }[]> {
  return store.all(`SELECT material, stage, code, classification, coalesce(basket, false) AS basket FROM material_codes ORDER BY material, code`);
}
