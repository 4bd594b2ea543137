import { ChokepointError } from "../domain/error.ts";
import type { SourceRef, Stage } from "../domain/vocabulary.ts";
import { productionSuppliers } from "../analytics/supply-mix.ts";
import { importsAtOtherStage, otherStageWarnings } from "../analytics/other-stage-imports.ts";
import { importSelection, nearestYear } from "../analytics/sourcing/engine.ts";
import { datasetInfo, hasTradeCodes, productionYears } from "../store/queries/exposure.ts";
import { resolveMaterial, resolveStage } from "../store/queries/materials.ts";
import { endUses, substitutionIndex, type EndUseRow } from "../store/queries/market.ts";
import type { Store } from "../store/store.ts";
import type { TradeFact } from "../store/queries/trade-facts.ts";
import { mergeCoverage, type Coverage } from "../domain/coverage.ts";
import type { Consumer, Market } from "./market.ts";
import { DEMAND_SHARES } from "./params.ts";

/** Who the model follows: ISO3 codes, each with its demand-share group (EU27 members → "EU27"). */
export interface ConsumerUniverse {
  countries: string[];
  groupOf: (iso3: string) => string;
}

/** What value added at risk needs: EU end uses and the substitution index. */
export interface EndUse {
  rows: EndUseRow[];
  si: number | null;
  source: SourceRef;
}

/** The year with data closest to the one asked for, preferring earlier years. */
export function pickYear(years: readonly number[], want: number): number | undefined {
  return nearestYear(years, want);
}

/**
 * Assemble a market from the store: world production by country (USGS, or the EU study's
 * shares), each consumer's origin mix from its imports by partner (trade), EU end uses.
 * Imports from partners that do not produce the material are traced back to origin by world
 * production shares (they are re-exports); consumers of a group without any trade data
 * become one consumer sourcing like the world (basis `world-mix`).
 *
 * @example
 * const { market } = await loadMarket(store, "gallium", "processing", 2023, universe, {});
 */
export async function loadMarket(
  store: Store,
  materialId: string,
  stageIn: string | undefined,
  year: number,
  universe: ConsumerUniverse,
  demandShares: Record<string, [number, number]>,
): Promise<{ market: Market; endUse: EndUse | null; coverage: Coverage }> {
  const m = await resolveMaterial(store, materialId);
  const stage: Stage = resolveStage(m, stageIn);
  const pyears = await productionYears(store, m.id, stage);
  const world = { id: "WORLD", members: [] };
  const mix = await productionSuppliers(store, m, stage, world, pyears.length ? pickYear(pyears, year) : undefined);
  if (mix.total <= 0) throw new ChokepointError("no_data", `no world production for ${m.id} (${stage})`);
  const suppliers = mix.rows.map((r) => r.country);
  const production = Float64Array.from(mix.rows, (r) => r.amount / mix.total);
  const index = new Map(suppliers.map((s, i) => [s, i]));
  const notes = [...mix.notes.filter((n) => !n.includes("WORLD")), ...mix.missing];
  const sources: SourceRef[] = [...mix.sources];

  let codesOf = m.id;
  if (!(await hasTradeCodes(store, m.id, stage)) && m.parent && (await hasTradeCodes(store, m.parent, stage))) {
    codesOf = m.parent;
    notes.push(`no trade code isolates ${m.id}: importers' origin mix from the codes of its group '${m.parent}'`);
  }
  // The one supply-mix engine: per importer one source by precedence (complete reported, BACI, mirror, …), one year.
  const picked = await importSelection(store, { codesOf, stage, members: universe.countries, near: year });
  const sel = picked?.selection;
  const tyear = sel?.year;
  const amount = (r: TradeFact) => (sel!.measure === "value" ? (r.value ?? 0) / (r.per_usd ?? 1) : (r.quantity ?? 0));
  const rows = (sel?.rows ?? []).map((r) => ({ reporter: r.reporter, partner: r.partner, value: amount(r), dataset: r.dataset }));
  if (tyear !== undefined && tyear !== year) notes.push(`trade for ${year} not loaded: importers' mix from ${tyear}`);
  const byReporter = new Map<string, Float64Array>();
  const totals = new Map<string, number>();
  let traced = 0, all = 0;
  for (const r of rows) {
    if (!(r.value > 0)) continue;
    const v = byReporter.get(r.reporter) ?? new Float64Array(suppliers.length);
    byReporter.set(r.reporter, v);
    totals.set(r.reporter, (totals.get(r.reporter) ?? 0) + r.value);
    all += r.value;
    const s = index.get(r.partner);
    if (s !== undefined) v[s] += r.value;
    else {
      traced += r.value;
      for (let k = 0; k < suppliers.length; k++) v[k] += r.value * production[k];
    }
  }
  if (all > 0) notes.push(`${((100 * traced) / all).toFixed(1)} % of import value came from non-producers and was traced to origin by world production shares`);
  const groupTotals = new Map<string, number>();
  for (const [c, v] of totals) groupTotals.set(universe.groupOf(c), (groupTotals.get(universe.groupOf(c)) ?? 0) + v);

  const consumers: Consumer[] = [];
  for (const c of [...byReporter.keys()].sort()) {
    const v = byReporter.get(c)!, tot = totals.get(c)!;
    const g = universe.groupOf(c);
    consumers.push({ id: c, group: g, weight: tot / groupTotals.get(g)!, sourcing: v.map((x) => x / tot), basis: "trade" });
  }
  const groups = [...new Set(universe.countries.map(universe.groupOf))].sort();
  const worldMix: string[] = [];
  for (const g of groups) {
    if (groupTotals.has(g)) continue;
    consumers.push({ id: g, group: g, weight: 1, sourcing: production.slice(), basis: "world-mix" });
    notes.push(`no import data for ${g}: assumed to source like the world`);
    worldMix.push(g);
  }
  // A group without imports at this stage: what its imports at the other stage rest on (e.g. a truncated source).
  const elsewhere: string[] = [];
  for (const g of worldMix) {
    const members = universe.countries.filter((c) => universe.groupOf(c) === g);
    elsewhere.push(...otherStageWarnings(g, stage, await importsAtOtherStage(store, m.id, stage, { id: g, members })));
  }
  const shares: Record<string, [number, number]> = {};
  for (const g of groups) shares[g] = demandShares[g] ?? DEMAND_SHARES[g] ?? DEMAND_SHARES.OTHER;
  if (tyear !== undefined) {
    const ids = [...new Set(rows.map((r) => r.dataset))];
    for (const d of await datasetInfo(store, ids)) sources.push({ dataset: d.title ?? d.id, edition: d.edition ?? "", year: tyear });
  }

  let endUse: EndUse | null = null;
  if (m.eu_study_name) {
    const eu = await endUses(store, m.eu_study_name);
    if (eu.length) {
      endUse = { rows: eu, si: await substitutionIndex(store, m.eu_study_name), source: { dataset: "Study on the Critical Raw Materials for the EU 2023", edition: "2023", year: 2023 } };
    }
  }
  const market: Market = {
    material: m.id, stage, year: mix.year, suppliers, production,
    worldTonnes: mix.unit === "t" ? mix.total : null, consumers, demandShares: shares, sources, notes,
  };
  const coverage = mergeCoverage([
    { label: "world production", coverage: mix.coverage },
    { label: `importers' mix ${tyear ?? ""}`.trim(), coverage: sel?.coverage ?? { complete: false, warnings: ["no import data for any importer"] } },
    { coverage: { complete: worldMix.length === 0, warnings: [...worldMix.map((g) => `no import data for ${g}: assumed to source like the world`), ...elsewhere] } },
  ]);
  return { market, endUse, coverage };
}
