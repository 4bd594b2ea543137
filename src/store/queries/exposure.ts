import type { Stage } from "../../domain/vocabulary.ts";
import type { Store } from "../store.ts";
import { withResiduals } from "./residual-reporters.ts";

/** A country's (or aggregate's) production of a material at a stage, in tonnes. */
export interface ProductionRow {
  iso3: string | null;
  label: string;
  is_aggregate: boolean;
  value_t: number;
  is_estimate: boolean;
  edition: string;
  dataset: string;
  title: string | null;
}

/**
 * Every USGS production row that measures a catalogue material at a stage (through `usgs_series`),
 * world totals excluded: the one selection rule behind production shares, here and in the planner.
 */
export const USGS_SERIES_ALL = `
  SELECT s.material, s.stage, p.* FROM usgs_production p
  JOIN usgs_series s ON s.usgs_code = p.usgs_code AND p.type LIKE s.type_pattern
  WHERE p.measure = 'production' AND p.value_t IS NOT NULL AND p.country_label NOT ILIKE 'world total%'`;

const SERIES = `SELECT * FROM (${USGS_SERIES_ALL}) WHERE material = $1 AND stage = $2`;

/** Years with USGS production data for a material and stage, newest first. */
export async function productionYears(store: Store, material: string, stage: Stage): Promise<number[]> {
  // One grouped read for every series, memoised: loops over materials (overview, sweeps) ask per pair.
  const all = await store.memo("usgs-years", async () => {
    const rows = await store.all<{ material: string; stage: string; years: number[] }>(
      `SELECT material, stage, list(DISTINCT year ORDER BY year DESC) AS years FROM (${USGS_SERIES_ALL}) GROUP BY material, stage`,
    );
    return new Map(rows.map((r) => [`${r.material}|${r.stage}`, r.years]));
  });
  return [...(all.get(`${material}|${stage}`) ?? [])];
}

/**
 * World production by country for one year from the newest USGS edition that reports it
 * (later editions revise earlier years). "Other countries" rows come back as aggregates.
 */
export async function productionByCountry(store: Store, material: string, stage: Stage, year: number): Promise<ProductionRow[]> {
  return store.all<ProductionRow>(
    `WITH p AS (${SERIES} AND year = $3),
     e AS (SELECT max(edition) AS edition FROM p)
     SELECT p.iso3, any_value(p.country_label) AS label, bool_or(p.is_aggregate) AS is_aggregate,
            sum(p.value_t)::DOUBLE AS value_t, bool_or(p.is_estimate) AS is_estimate,
            any_value(p.edition) AS edition, any_value(p.dataset) AS dataset, any_value(d.title) AS title
     FROM p JOIN e USING (edition) LEFT JOIN datasets d ON d.id = p.dataset
     GROUP BY p.iso3, CASE WHEN p.iso3 IS NULL THEN p.country_label END
     HAVING sum(p.value_t) > 0
     ORDER BY value_t DESC`,
    [material, stage, year],
  );
}

/** The EU 2023 study's global supply shares for a material and stage (fallback where USGS lacks the stage). */
export async function studySupplyShares(
  store: Store,
  studyName: string,
  stage: Stage,
  scope: "global" | "eu",
): Promise<{ iso3: string | null; label: string; share: number; t: number | null }[]> {
  return store.all(
    `SELECT iso3, country_label AS label, share, t FROM eu_supply_shares
     WHERE material_name = $1 AND stage = $2 AND scope = $3 AND share > 0 ORDER BY share DESC`,
    [studyName, stage, scope],
  );
}

/** Trade codes of a material for a stage (codes without a stage count for every stage). */
const CODES = `SELECT code, classification, coalesce(basket, false) AS basket FROM material_codes WHERE material = $1 AND (stage = $2 OR stage IS NULL OR stage = '')
  AND starts_with(code, $HS)`;

/** Bind the optional HS prefix filter ('' matches every code). */
const codes = (n: number) => CODES.replace("$HS", `$${n}`);

/** Trade codes of a material for a stage, as `CODES` selects them, from a memoised read of the table. */
async function tradeCodes(store: Store, material: string, stage: Stage, hs = ""): Promise<{ code: string; classification: string }[]> {
  const all = await store.memo("material-codes", () =>
    store.all<{ material: string; stage: string | null; code: string; classification: string }>(
      "SELECT material, stage, code, classification FROM material_codes ORDER BY classification, code",
    ),
  );
  return all
    .filter((r) => r.material === material && (r.stage === stage || !r.stage) && r.code.startsWith(hs))
    .map((r) => ({ code: r.code, classification: r.classification }));
}

/** Whether a material has its own trade codes (else callers may fall back to its group's). */
export async function hasTradeCodes(store: Store, material: string, stage: Stage, hs = ""): Promise<boolean> {
  return (await tradeCodes(store, material, stage, hs)).length > 0;
}

/**
 * What an empty sourcing search looked at: the material's trade codes for the stage, and for each
 * trade dataset in the store the reporters among `reporters` it has imports for (any product).
 * Used to say precisely why there is no mix instead of a bare "no data".
 */
export async function sourcingSearchScope(
  store: Store,
  material: string,
  stage: Stage,
  reporters: readonly string[],
  hs = "",
): Promise<{ codes: { code: string; classification: string }[]; datasets: { dataset: string; reporters: string[] }[] }> {
  const codeRows = await tradeCodes(store, material, stage, hs);
  const { reporters: withRes, residuals } = await withResiduals(store, reporters);
  const datasets = await store.memo(`trade-reporters:${withRes.join(",")}`, async () => {
    const rows = await store.all<{ dataset: string; reporters: string[] }>(
      `SELECT dataset, list(DISTINCT reporter ORDER BY reporter) AS reporters FROM trade
       WHERE flow = 'M' AND list_contains(string_split($1, ','), reporter) GROUP BY dataset ORDER BY dataset`,
      [withRes.join(",")],
    );
    // A residual row ("Other EU") speaks for every member of its group the dataset does not list.
    return rows.map((r) => {
      const extra = r.reporters.flatMap((x) => residuals.get(x as never) ?? []);
      return extra.length ? { ...r, reporters: [...new Set([...r.reporters, ...extra])].sort() } : r;
    });
  });
  return { codes: codeRows, datasets };
}

/** Provenance of a dataset id: title and edition from the datasets table. */
export async function datasetInfo(store: Store, ids: readonly string[]): Promise<{ id: string; title: string | null; edition: string | null; publisher: string | null }[]> {
  if (!ids.length) return [];
  return store.all(
    `SELECT id, title, edition, publisher FROM datasets WHERE list_contains(string_split($1, ','), id) ORDER BY id`,
    [ids.join(",")],
  );
}

/** The EU 2023 study's import reliance (0–1) for a material at a stage. */
export async function studyImportReliance(store: Store, studyName: string, stage: Stage): Promise<number | null> {
  const all = await store.memo("study-ir", async () => {
    const rows = await store.all<{ name: string; e: number | null; p: number | null }>(
      "SELECT material_name AS name, ir_extraction AS e, ir_processing AS p FROM eu_crm_inputs",
    );
    return new Map(rows.map((r) => [r.name, r]));
  });
  const r = all.get(studyName);
  return (stage === "extraction" ? r?.e : r?.p) ?? null;
}

/**
 * World supply by exporter from exporters' world totals (flow X to WLD; the EI Statistical Review's
 * "Total exports" of LNG): the production basis for materials without a USGS series.
 */
export async function worldExportsByPartner(
  store: Store,
  material: string,
  stage: Stage,
): Promise<{ year: number; partner: string; quantity: number; qty_unit: string; dataset: string }[]> {
  return store.all(
    `SELECT t.year, t.reporter AS partner, sum(t.quantity)::DOUBLE AS quantity, any_value(t.qty_unit) AS qty_unit,
            any_value(t.dataset) AS dataset
     FROM trade t JOIN (${codes(3)}) c ON c.code = t.product AND c.classification = t.classification
     WHERE t.classification = 'EI' AND t.flow = 'X' AND t.partner = 'WLD' AND t.month = 0 AND t.quantity > 0
     GROUP BY t.year, t.reporter ORDER BY t.year DESC, quantity DESC`,
    [material, stage, ""],
  );
}
