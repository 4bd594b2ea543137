import { exposure, type Exposure } from "../analytics/exposure.ts";
import { assess } from "../analytics/criticality/assess.ts";
import { ChokepointError } from "../domain/error.ts";
import { plan, type PlanReport } from "../plan/plan.ts";
import { simulate, type SimulationResult } from "../simulate/index.ts";
import type { Scenario } from "../simulate/scenario.ts";
import type { Store } from "../store/store.ts";
import type { Bloc } from "../domain/blocs.ts";
import { resolveBloc } from "../store/queries/blocs.ts";
import { listMaterials } from "../store/queries/materials.ts";
import { criticalitySummary, type CriticalitySummary } from "../analytics/criticality/bloc-summary.ts";
import type { AssessStatus } from "../analytics/criticality/thresholds.ts";
import { mergeCoverage, type Coverage } from "../domain/coverage.ts";
import type { Stage } from "../domain/vocabulary.ts";

/** One EU-method verdict shown in a brief: the material itself, or the study's groups under it (rare-earths → lree, hree). */
export interface BriefCriticality {
  material: string;
  name: string;
  sr: number | null;
  srRange?: [number, number];
  ei: number | null;
  critical: boolean | null;
  status: AssessStatus;
  statusReason?: string;
  strategic: boolean;
  bloc: string;
  /** the bloc sourcing mix behind the SR (tradeCoverage) and whether the material could be assessed */
  coverage: Coverage;
}

export interface BriefData {
  material: string;
  bloc: string;
  members: string[];
  date: string;
  production: Exposure;
  sourcing: Exposure | null;
  /** empty when neither the material nor a study group under it is in the EU 2023 study */
  criticality: BriefCriticality[];
  /** the bloc's whole assessment in one line: "N critical, M not assessable (why)" and the unassessed list */
  blocCriticality: CriticalitySummary | null;
  simulation: SimulationResult | null;
  plan: PlanReport | null;
  notes: string[];
  /** each figure block's coverage, labelled as the brief prints it */
  coverageParts: { label: string; coverage: Coverage }[];
  /** every part together: complete only when each figure's data is */
  coverage: Coverage;
}

const noData = (e: unknown) => e instanceof ChokepointError && ["no_data", "unknown_material", "infeasible", "not_implemented"].includes(e.code);

/**
 * Gather what a briefing shows for one material and bloc: world production and the bloc's
 * imports, the EU-method criticality (with the bloc's summary line), the recommended plan and, given
 * a scenario, its result; each with its coverage. Parts without data become notes, not failures.
 *
 * @example const data = await briefData(store, { material: "gallium", bloc: blocs.resolve("ALLIANCE") });
 */
export async function briefData(store: Store, q: { material: string; bloc: string | Bloc; scenario?: Scenario; runs?: number; date?: string }): Promise<BriefData> {
  const notes: string[] = [];
  const bloc = await resolveBloc(store, q.bloc);
  const production = await exposure(store, { material: q.material, bloc, basis: "production" });
  const sourcing = await briefSourcing(store, q.material, production.stage, bloc, notes);
  const criticality = await briefCriticality(store, q.material, bloc, notes);
  const blocCriticality = (await criticalitySummary(store, bloc)).result;
  const planned = await plan(store, { material: q.material, stage: production.stage, bloc }).catch((e) => {
    if (!noData(e)) throw e;
    notes.push(`No diversification plan: ${(e as Error).message}`);
    return null;
  });
  const simulation = q.scenario ? await simulate(store, q.scenario, { runs: q.runs }) : null;
  const coverageParts = [
    { label: "world production", coverage: production.coverage },
    { label: `${bloc.id} imports`, coverage: sourcing?.coverage ?? { complete: false, warnings: [`no ${bloc.id} import data`] } },
    ...criticality.map((c) => ({ label: `criticality ${c.material}`, coverage: c.coverage })),
    ...(simulation ? [{ label: "scenario", coverage: simulation.coverage }] : []),
    ...(planned ? [{ label: "plan", coverage: planned.coverage }] : []),
  ];
  return {
    material: production.material, bloc: bloc.id, members: bloc.members, date: q.date ?? new Date().toISOString().slice(0, 10),
    production, sourcing, criticality, blocCriticality, simulation, plan: planned, notes, coverageParts, coverage: mergeCoverage(coverageParts),
  };
}

/** The bloc's imports at the production stage, else at the stage that has them (said in a note). */
async function briefSourcing(store: Store, material: string, stage: Stage, bloc: Bloc, notes: string[]): Promise<Exposure | null> {
  const ask = (s?: Stage) => exposure(store, { material, stage: s, bloc, basis: "sourcing" });
  try {
    return await ask(stage);
  } catch (e) {
    if (!noData(e)) throw e;
    const other = await ask().catch((e2) => {
      if (!noData(e2)) throw e2;
      return null;
    });
    if (other && other.stage !== stage) {
      notes.push(`No ${bloc.id} import data at the ${stage} stage: imports are shown at the ${other.stage} stage`);
      return other;
    }
    notes.push(`No import data for ${bloc.id}: ${(e as Error).message}`);
    return null;
  }
}

/** The EU-method verdict for the material, or for the study's groups under it when the study has no row for it. */
async function briefCriticality(store: Store, material: string, bloc: Bloc, notes: string[]): Promise<BriefCriticality[]> {
  const one = async (id: string): Promise<BriefCriticality | null> => {
    const m = (await assess(store, { bloc, material: id })).materials[0];
    if (!m) return null;
    const status: Coverage = m.status === "critical" || m.status === "not-critical" ? { complete: true, warnings: [] } : { complete: false, warnings: [`${m.status === "unassessed" ? "not assessable" : "undecided"}: ${m.statusReason ?? "inputs missing"}`] };
    return {
      material: m.material, name: m.name, sr: m.sr, ...(m.srRange ? { srRange: m.srRange } : {}), ei: m.ei, critical: m.critical, status: m.status,
      ...(m.statusReason ? { statusReason: m.statusReason } : {}), strategic: m.strategic, bloc: bloc.id,
      coverage: mergeCoverage([{ coverage: status }, ...(m.tradeCoverage ? [{ label: "sourcing", coverage: m.tradeCoverage }] : [])]),
    };
  };
  try {
    const r = await one(material);
    return r ? [r] : [];
  } catch (e) {
    if (!(e instanceof ChokepointError) || e.code !== "unknown_material") {
      if (!noData(e)) throw e;
      notes.push(`Not assessed by the EU 2023 criticality method: ${(e as Error).message}`);
      return [];
    }
  }
  const children = (await listMaterials(store)).filter((m) => m.parent === material).map((m) => m.id);
  const out: BriefCriticality[] = [];
  for (const id of children) {
    const r = await one(id).catch((e) => {
      if (!noData(e)) throw e;
      return null;
    });
    if (r) out.push(r);
  }
  if (out.length) notes.push(`The EU 2023 study assesses ${material} as ${out.map((c) => c.material).join(" and ")}: both are shown`);
  else notes.push(`Not assessed by the EU 2023 criticality method: no study row for ${material} or a group under it`);
  return out;
}

/**
 * Recommended actions, each derived from a figure in the brief (no advice without a number behind it).
 * @example actions(data) // ["Diversify away from CHN: 98.4 % of world supply …", …]
 */
export function actions(d: BriefData): string[] {
  const out: string[] = [];
  const p = d.production;
  const pc = (x: number) => `${(x * 100).toFixed(1)} %`;
  if (p.crma.breached && p.crma.country) out.push(`Diversify away from ${p.crma.country}: ${pc(p.crma.share!)} of world ${p.stage} supply, above the CRM Act's 65 % line for a single third country.`);
  if (d.sourcing?.crma.breached && d.sourcing.crma.country) out.push(`Spread ${d.bloc}'s imports: ${d.sourcing.crma.country} supplies ${pc(d.sourcing.crma.share!)} of them (${d.sourcing.year}).`);
  if (p.restrictedShare > 0.25) out.push(`Prepare for export controls: ${pc(p.restrictedShare)} of supply comes from countries with export restrictions on record.`);
  const t = d.simulation ? blocTargets(d) : [];
  for (const [k, v] of t) if (v.peakShortfall.p50 > 0.1) out.push(`Stockpile or pool stocks for ${k}: in the scenario the peak shortfall is ${pc(v.peakShortfall.p50)} of demand and stocks cover ${v.monthsCovered.p50.toFixed(1)} months (p50).`);
  if (d.plan) {
    const top = d.plan.plan.risk.topThirdCountry;
    out.push(`Adopt the least-cost plan: ${d.plan.plan.suppliers.slice(0, 4).map((s) => `${s.country} ${pc(s.share)}`).join(", ")}${top ? ` (largest third country ${top.country} ${pc(top.share)})` : ""}, stockpile ${d.plan.plan.stockpileDays.toFixed(0)} days.`);
  }
  if (!out.length) out.push("No benchmark breached on the loaded data: keep monitoring (chokepoint alerts).");
  return out;
}

/** The scenario's bloc-level targets (EU27, JPN, ALLIANCE, the brief's bloc), not every member state. */
export function blocTargets(d: BriefData): [string, SimulationResult["targets"][string]][] {
  const keep = new Set(["EU27", "JPN", "ALLIANCE", d.bloc]);
  return Object.entries(d.simulation?.targets ?? {}).filter(([k]) => keep.has(k));
}
