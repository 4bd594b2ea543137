import { ChokepointError } from "../domain/error.ts";
import type { Bloc } from "../domain/blocs.ts";
import { resolveBloc } from "../store/queries/blocs.ts";
import type { Basis, SourceRef, Stage } from "../domain/vocabulary.ts";
import { BASES } from "../domain/vocabulary.ts";
import { closest } from "../domain/suggest.ts";
import { listCountries, wgiEstimates } from "../store/queries/countries.ts";
import { resolveMaterial, resolveStage, type Material } from "../store/queries/materials.ts";
import type { Store } from "../store/store.ts";
import { governanceWeightedHhi, hhi, wgiScale } from "./concentration.ts";
import { productionSuppliers, sourcingSuppliers, type SupplyMix } from "./supply-mix.ts";
import { studyImportReliance } from "../store/queries/exposure.ts";
import { restrictionsInForce, today } from "../store/queries/restrictions.ts";
import { wgiEdition } from "../domain/wgi-edition.ts";

/** The CRM Act's cap on any single third country (Regulation (EU) 2024/1252, Art. 5(1)(b)). */
export const CRMA_MAX_SHARE = 0.65;

export interface ExposureQuery {
  material: string;
  stage?: string;
  /** A bloc spec, or the `Bloc` the CLI/API resolved at the edge (`blocsFrom(store).resolve`). */
  bloc: string | Bloc;
  year?: number;
  basis: Basis | string;
  /** sourcing only: restrict to trade codes starting with this HS/CN prefix (e.g. "2846"). */
  hs?: string;
}

export interface Supplier {
  country: string;
  name?: string;
  share: number;
  inBloc: boolean;
  amount: number;
  unit: string;
  aggregate?: boolean;
  restricted?: boolean;
}

export interface Exposure {
  material: string;
  stage: Stage;
  /** The bloc's id (`EU27`, `KOR,EU27`); its members in `blocMembers`. */
  bloc: string;
  blocMembers: string[];
  year: number;
  basis: Basis;
  suppliers: Supplier[];
  hhi: number;
  hhi10000: number;
  top: { country: string; share: number } | null;
  governanceWeightedHhi: number;
  crma: { limit: number; breached: boolean; country: string | null; share: number | null };
  blocShare: number;
  restrictedShare: number;
  restrictions: { country: string; material: string; measure: string; startDate: string | null; source: string }[];
  importReliance: { value: number; source: SourceRef } | null;
  total: { amount: number; unit: string };
  sources: SourceRef[];
  coverage: {
    /** true only when the records behind the mix are known to be whole (DESIGN "coverage") */
    complete: boolean;
    /** truncated sources, basket codes and what they mix, mixed sources, members without records */
    warnings: string[];
    years: number[];
    notes: string[];
    missing: string[];
    wgiYear: number | null;
  };
}

/**
 * Who supplies a bloc with a material at a stage, and how concentrated that supply is.
 *
 * - `production`: world production by country (USGS MCS tonnes; the EU 2023 study's global
 *   shares where USGS has no series for the stage), the bloc's own share marked `inBloc`.
 * - `sourcing`: the bloc's imports by partner (values in USD; EUR converted at the ECB annual
 *   average). Intra-EU trade is internal-market circulation and left out; in ALLIANCE, EU↔Japan
 *   flows are kept and marked `inBloc`.
 *
 * @example
 * const e = await exposure(store, { material: "gallium", stage: "processing", bloc: "ALLIANCE", year: 2023, basis: "production" });
 * e.top // { country: "CHN", share: 0.984 }
 */
export async function exposure(store: Store, q: ExposureQuery): Promise<Exposure> {
  if (!(BASES as readonly string[]).includes(q.basis)) {
    throw new ChokepointError("invalid_input", `unknown basis '${q.basis}' (did you mean: ${closest(String(q.basis), BASES).join(", ")}?)`);
  }
  const basis = q.basis as Basis;
  const material = await resolveMaterial(store, q.material);
  let stage = resolveStage(material, q.stage);
  const bloc = await resolveBloc(store, q.bloc);
  const hs = validHs(q.hs);
  const supply = (s: Stage) =>
    basis === "production" ? productionSuppliers(store, material, s, bloc, q.year) : sourcingSuppliers(store, material, s, bloc, q.year, hs);
  let mix: SupplyMix;
  try {
    mix = await supply(stage);
  } catch (e) {
    // Without an explicit --stage, fall back to another stage that has data, and say so.
    const other = material.stages.find((s) => s !== stage) as Stage | undefined;
    if (q.stage !== undefined || !other || !(e instanceof ChokepointError) || e.code !== "no_data") throw e;
    mix = await supply(other);
    mix.notes.unshift(`no ${basis} data at the ${stage} stage: showing ${other}`);
    stage = other;
  }
  return indicators(store, material, stage, bloc, basis, mix);
}

async function indicators(store: Store, m: Material, stage: Stage, bloc: Bloc, basis: Basis, mix: SupplyMix): Promise<Exposure> {
  const countries = await listCountries(store);
  const names = new Map(countries.map((c) => [c.iso3, c.name]));
  const members = new Set(bloc.members);
  const restrictions = (await restrictionsInForce(store, { date: today(), destination: bloc.members, material: m.id })).flatMap((r) =>
    (r.materials.filter((x) => x === m.id || x === m.parent).length ? r.materials.filter((x) => x === m.id || x === m.parent) : r.materials.slice(0, 1)).map(
      (material) => ({ country: r.country, material, measure: r.measure, start_date: r.from, source: r.source }),
    ),
  );
  const restricting = new Set(restrictions.map((r) => r.country));
  const suppliers: Supplier[] = mix.rows
    .map((r) => ({
      country: r.country,
      share: round(r.amount / mix.total, 6),
      inBloc: members.has(r.country),
      ...(names.has(r.country) ? { name: names.get(r.country) } : {}),
      amount: r.amount,
      unit: mix.unit,
      ...(r.aggregate ? { aggregate: true } : {}),
      ...(restricting.has(r.country) ? { restricted: true } : {}),
    }))
    .sort((a, b) => b.share - a.share);
  const countryShares = suppliers.filter((s) => !s.aggregate);
  const h = hhi(countryShares.map((s) => s.share));
  const wgiByCountry = await wgiEstimates(store, mix.year);
  const g = governanceWeightedHhi(
    countryShares.map((s) => {
      const w = wgiByCountry.get(s.country);
      return { country: s.country, share: s.share, wgi: w ? wgiScale(w.estimates) : null };
    }),
  );
  const wgiYears = [...new Set(countryShares.map((s) => wgiByCountry.get(s.country)?.year).filter((y): y is number => !!y))];
  const third = countryShares.filter((s) => !s.inBloc);
  const topThird = third[0];
  const notes = [...mix.notes];
  if (g.missing.length) notes.push(`no WGI score for ${g.missing.join(", ")}: left out of the governance-weighted HHI`);
  if (suppliers.some((s) => s.aggregate)) notes.push("'Other countries' rows are shown but not counted in the HHI (their split is unknown)");
  let importReliance: Exposure["importReliance"] = null;
  if (bloc.id === "EU27" && m.eu_study_name) {
    const ir = await studyImportReliance(store, m.eu_study_name, stage);
    if (ir !== null) importReliance = { value: ir, source: { dataset: "Study on the Critical Raw Materials for the EU 2023", edition: "2023" } };
  }
  if (!importReliance) notes.push(`import reliance not available for ${bloc.id} (needs production and trade in the same units)`);
  // Key order follows the documented contract (issue #2); extra keys follow.
  return {
    material: m.id,
    stage,
    bloc: bloc.id,
    blocMembers: bloc.members,
    year: mix.year,
    basis,
    suppliers,
    hhi: round(h, 6),
    top: countryShares[0] ? { country: countryShares[0].country, share: countryShares[0].share } : null,
    governanceWeightedHhi: round(g.value, 6),
    crma: {
      limit: CRMA_MAX_SHARE,
      breached: !!topThird && topThird.share > CRMA_MAX_SHARE,
      country: topThird?.country ?? null,
      share: topThird?.share ?? null,
    },
    sources: [
      ...mix.sources,
      ...(wgiYears.length ? [{ dataset: "Worldwide Governance Indicators", edition: wgiEdition(Math.max(...wgiYears)), year: Math.max(...wgiYears) }] : []),
    ],
    coverage: {
      complete: mix.coverage.complete,
      warnings: [...mix.coverage.warnings],
      years: mix.years,
      notes,
      missing: mix.missing,
      wgiYear: wgiYears.length ? Math.max(...wgiYears) : null,
    },
    hhi10000: Math.round(h * 10000),
    blocShare: round(suppliers.filter((s) => s.inBloc).reduce((a, s) => a + s.share, 0), 6),
    restrictedShare: round(suppliers.filter((s) => s.restricted).reduce((a, s) => a + s.share, 0), 6),
    restrictions: restrictions.map((r) => ({ country: r.country, material: r.material, measure: r.measure, startDate: r.start_date, source: r.source })),
    importReliance,
    total: { amount: mix.total, unit: mix.unit },
  };
}

function validHs(hs: string | undefined): string {
  if (hs === undefined || hs === "") return "";
  if (!/^\d{2,10}$/.test(hs)) throw new ChokepointError("invalid_input", `invalid HS/CN code prefix '${hs}' (expected 2–10 digits, e.g. 2846)`);
  return hs;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
