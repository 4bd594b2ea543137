import { exposure, type Exposure } from "../analytics/exposure.ts";
import { assess } from "../analytics/criticality/assess.ts";
import { ChokepointError } from "../domain/error.ts";
import { plan, type PlanReport } from "../plan/plan.ts";
import { simulate, type SimulationResult } from "../simulate/index.ts";
import type { Scenario } from "../simulate/scenario.ts";
import type { Store } from "../store/store.ts";
import type { Bloc } from "../domain/blocs.ts";
import { resolveBloc } from "../store/queries/blocs.ts";

export interface BriefData {
  material: string;
  bloc: string;
  members: string[];
  date: string;
  production: Exposure;
  sourcing: Exposure | null;
  criticality: { sr: number | null; ei: number | null; critical: boolean | null; strategic: boolean; bloc: string } | null;
  simulation: SimulationResult | null;
  plan: PlanReport | null;
  notes: string[];
}

const noData = (e: unknown) => e instanceof ChokepointError && ["no_data", "unknown_material", "infeasible", "not_implemented"].includes(e.code);

/**
 * Gather what a briefing shows for one material and bloc: world production and the bloc's
 * imports, the EU-method criticality, the recommended plan and, given a scenario, its result.
 * Parts without data become notes, not failures.
 *
 * @example const data = await briefData(store, { material: "gallium", bloc: "ALLIANCE" });
 */
export async function briefData(store: Store, q: { material: string; bloc: string | Bloc; scenario?: Scenario; runs?: number; date?: string }): Promise<BriefData> {
  const notes: string[] = [];
  const bloc = await resolveBloc(store, q.bloc);
  const production = await exposure(store, { material: q.material, bloc, basis: "production" });
  const sourcing = await exposure(store, { material: q.material, stage: production.stage, bloc, basis: "sourcing" }).catch((e) => {
    if (!noData(e)) throw e;
    notes.push(`No import data for ${bloc.id}: ${(e as Error).message}`);
    return null;
  });
  let criticality: BriefData["criticality"] = null;
  try {
    const m = (await assess(store, { bloc, material: q.material })).materials[0];
    if (m) criticality = { sr: m.sr, ei: m.ei, critical: m.critical, strategic: m.strategic, bloc: bloc.id };
  } catch (e) {
    if (!noData(e)) throw e;
    notes.push(`Not assessed by the EU 2023 criticality method: ${(e as Error).message}`);
  }
  const planned = await plan(store, { material: q.material, stage: production.stage, bloc: bloc.id }).catch((e) => {
    if (!noData(e)) throw e;
    notes.push(`No diversification plan: ${(e as Error).message}`);
    return null;
  });
  const simulation = q.scenario ? await simulate(store, q.scenario, { runs: q.runs }) : null;
  return { material: q.material, bloc: bloc.id, members: bloc.members, date: q.date ?? new Date().toISOString().slice(0, 10), production, sourcing, criticality, simulation, plan: planned, notes };
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
