import type { Stage } from "../../domain/vocabulary.ts";
import type { Store } from "../store.ts";
import { withResiduals } from "./residual-reporters.ts";

/**
 * How a bilateral record came to be (DESIGN "Trade facts"): the reporter's own declaration, a
 * partner's declaration read the other way, or CEPII's reconciliation of both (BACI).
 */
export type TradeKind = "reported" | "mirror" | "reconciled";

/** One partner's supply to one importer of the bloc, per dataset and year, from table `trade` or BACI. */
export interface TradeFact {
  year: number;
  reporter: string;
  partner: string;
  dataset: string;
  kind: TradeKind;
  classification: string;
  /** value in `currency`, null where the dataset has quantities only */
  value: number | null;
  currency: string | null;
  /** units of `currency` per USD in that year (ECB annual average), null if unknown */
  per_usd: number | null;
  /** quantity in `qty_unit` (kg converted to t), null where not reported */
  quantity: number | null;
  qty_unit: string | null;
  /** whether any code behind the row is a basket (broader than the material) */
  basket: boolean;
  /** the codes behind the row, e.g. "811292" */
  codes: string;
  /** what a basket code mixes (the catalogue's caveat), null when none */
  caveat: string | null;
}

/** Material codes for a stage ('' stage = every stage), narrowed to an HS/CN prefix. */
const CODES = `SELECT code, classification, coalesce(basket, false) AS basket, caveat FROM material_codes
  WHERE material = $1 AND (stage = $2 OR stage IS NULL OR stage = '') AND starts_with(code, $4)`;

/**
 * Every year's imports (flow M, annual) of a material by the given reporters, by reporter, partner
 * and dataset: reported rows from table `trade` and CEPII BACI's reconciled rows (importer's view:
 * reporter = importer, partner = exporter; thousands of USD → USD; BACI's "Other Asia, nes" S19 =
 * TWN). BACI rows match a material's HS6 codes exactly and its HS4 codes by heading, each BACI row
 * once. `reporters` are validated ISO3 codes.
 *
 * @example await importFacts(store, "permanent-magnets", "processing", ["JPN"]) // PHL, CHN… in 2022 and 2024, two datasets
 */
export async function importFacts(store: Store, material: string, stage: Stage, reporters: readonly string[], hs = ""): Promise<TradeFact[]> {
  const key = `import-facts ${material} ${stage} ${reporters.join(",")} ${hs}`;
  // overview and assess ask for the same mixes material after material: read each once per store state.
  const rows = await store.memo(key, () => readImportFacts(store, material, stage, reporters, hs));
  return rows.map((r) => ({ ...r }));
}

async function readImportFacts(store: Store, material: string, stage: Stage, members: readonly string[], hs: string): Promise<TradeFact[]> {
  // EI's "Other EU" LNG row (reporter XEU) belongs to any bloc that holds every EU member.
  const { reporters } = await withResiduals(store, members);
  return store.all<TradeFact>(
    `WITH c AS (${CODES}),
     r AS (SELECT unnest(string_split($3, ',')) AS iso3),
     reported AS (
       SELECT t.year, t.reporter, t.partner, t.dataset, coalesce(any_value(dc.kind), 'reported') AS kind, any_value(t.classification) AS classification,
              sum(t.value)::DOUBLE AS value, any_value(t.currency) AS currency,
              CASE WHEN any_value(t.currency) = 'USD' THEN 1.0 ELSE any_value(fx.per_usd) END AS per_usd,
              sum(CASE WHEN t.qty_unit = 'kg' THEN t.quantity / 1000 ELSE t.quantity END)::DOUBLE AS quantity,
              any_value(CASE WHEN t.qty_unit = 'kg' THEN 't' ELSE t.qty_unit END) AS qty_unit,
              bool_or(c.basket) AS basket, string_agg(DISTINCT t.product, '+' ORDER BY t.product) AS codes,
              any_value(CASE WHEN c.basket THEN c.caveat END) AS caveat
       FROM trade t JOIN c ON c.code = t.product AND c.classification = t.classification
       LEFT JOIN fx_rates fx ON fx.year = t.year AND fx.currency = t.currency
       LEFT JOIN dataset_coverage dc ON dc.dataset = t.dataset
       WHERE t.flow = 'M' AND t.month = 0 AND t.reporter IN (SELECT iso3 FROM r) AND t.partner <> t.reporter
       GROUP BY t.year, t.reporter, t.partner, t.dataset),
     bc AS (
       SELECT p.code::INTEGER AS hs6, any_value(p.code) AS code, bool_or(c.basket) AS basket,
              any_value(CASE WHEN c.basket THEN c.caveat END) AS caveat FROM baci_products p
       JOIN c ON (c.classification = 'HS6' AND c.code = p.code) OR (c.classification = 'HS4' AND c.code = left(p.code, 4))
       GROUP BY p.code),
     iso AS (SELECT code, CASE WHEN iso3 = 'S19' THEN 'TWN' ELSE iso3 END AS iso3 FROM baci_countries),
     baci AS (
       SELECT b.year::INTEGER AS year, ci.iso3 AS reporter, ce.iso3 AS partner, coalesce(l.dataset, 'baci') AS dataset,
              'reconciled' AS kind, 'HS6' AS classification, sum(b.value_kusd * 1000)::DOUBLE AS value, 'USD' AS currency,
              1.0 AS per_usd, sum(b.quantity_t)::DOUBLE AS quantity, CASE WHEN count(b.quantity_t) > 0 THEN 't' END AS qty_unit,
              bool_or(bc.basket) AS basket, string_agg(DISTINCT bc.code, '+' ORDER BY bc.code) AS codes,
              any_value(bc.caveat) AS caveat
       FROM baci_trade b JOIN bc ON bc.hs6 = b.hs6
       JOIN iso ci ON ci.code = b.importer JOIN iso ce ON ce.code = b.exporter
       LEFT JOIN baci_loads l ON l.year = b.year
       WHERE ci.iso3 IN (SELECT iso3 FROM r) AND ce.iso3 <> ci.iso3
       GROUP BY b.year, ci.iso3, ce.iso3, l.dataset)
     SELECT * FROM reported UNION ALL SELECT * FROM baci
     ORDER BY year DESC, reporter, dataset, partner`,
    [material, stage, reporters.join(","), hs],
  );
}

/** A reporter's own World total for the material's codes in one dataset and year (Comtrade's World row). */
export interface TradeTotal {
  year: number;
  reporter: string;
  dataset: string;
  value: number | null;
  quantity: number | null;
}

/** The World rows (table `trade_totals`) behind a material's codes, summed per dataset, reporter and year. */
export async function importTotals(store: Store, material: string, stage: Stage, reporters: readonly string[], hs = ""): Promise<TradeTotal[]> {
  const rows = await store.memo(`import-totals ${material} ${stage} ${reporters.join(",")} ${hs}`, () => readImportTotals(store, material, stage, reporters, hs));
  return rows.map((r) => ({ ...r }));
}

async function readImportTotals(store: Store, material: string, stage: Stage, members: readonly string[], hs: string): Promise<TradeTotal[]> {
  const { reporters } = await withResiduals(store, members);
  return store.all<TradeTotal>(
    `WITH c AS (${CODES})
     SELECT t.year, t.reporter, t.dataset, sum(t.value)::DOUBLE AS value, sum(t.quantity)::DOUBLE AS quantity
     FROM trade_totals t JOIN c ON c.code = t.product AND c.classification = t.classification
     WHERE t.flow = 'M' AND t.month = 0 AND list_contains(string_split($3, ','), t.reporter)
     GROUP BY t.year, t.reporter, t.dataset`,
    [material, stage, reporters.join(","), hs],
  );
}

/** What a dataset says of its own completeness (`coverage` in its dataset.json), by id. */
export async function declaredCoverage(store: Store): Promise<Map<string, { complete: boolean; note: string | null }>> {
  const rows = await store.memo("dataset-coverage", () =>
    store.all<{ dataset: string; complete: boolean; note: string | null }>("SELECT dataset, complete, note FROM dataset_coverage"),
  );
  return new Map(rows.map((r) => [r.dataset, { complete: r.complete, note: r.note }]));
}
