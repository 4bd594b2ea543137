import { ChokepointError } from "../domain/error.ts";
import type { SourceRef } from "../domain/vocabulary.ts";
import type { Coverage } from "../analytics/sourcing/select.ts";
import { exposure, type Supplier as ExposureSupplier } from "../analytics/exposure.ts";
import type { Store } from "../store/store.ts";
import type { PlanContext } from "./inputs.ts";
import type { PlanProblem } from "./problem.ts";
import { expectedShortfall } from "./solve-plan.ts";

/** The bloc's sourcing today, at the plan's stage and in the plan's measure (shares of tonnes). */
export interface CurrentMix {
  stage: string;
  year: number;
  /** what the shares count: "value" (USD, as the engine combined the records) or "quantity" (t) */
  measure: "value" | "quantity";
  suppliers: { country: string; share: number; inBloc: boolean }[];
  /** Today against the plan, country by country, in the same measure (the plan's shares by value at its prices when today's are by value). */
  versusPlan: { measure: "value" | "quantity"; rows: { country: string; today: number; plan: number }[] } | null;
  cost: number;
  risk: { expectedShortfall: number; governanceRisk: number };
  /** one sentence: what "today" is, at which stage, in which measure, and how it compares with the plan */
  basis: string;
  source: SourceRef[];
  coverage: Coverage;
}

const round = (x: number, d = 6) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * "Today" on the plan's basis: the bloc's sourcing mix from the one sourcing engine (`exposure`
 * basis "sourcing": importFacts → source selection) at the plan's stage, priced and risk-rated like
 * the plan (its shares applied to planned demand), with its coverage. `versusPlan` is filled by
 * `compareWithPlan` once the plan is solved.
 * Null (with a note) when the bloc has no import records at that stage.
 * @example (await currentMix(store, 2024, ctx, problem, notes))?.basis // "the bloc's 2024 imports at the extraction stage …"
 */
export async function currentMix(store: Store, year: number | undefined, ctx: PlanContext, p: PlanProblem, notes: string[]): Promise<CurrentMix | null> {
  let src;
  try {
    src = await exposure(store, { material: ctx.material, stage: ctx.stage, bloc: { id: ctx.bloc, members: ctx.blocMembers }, year, basis: "sourcing" });
  } catch (e) {
    if (e instanceof ChokepointError && e.code === "no_data") {
      notes.push(`no current sourcing mix at the ${ctx.stage} stage: ${e.message}`);
      return null;
    }
    throw e;
  }
  const rows: ExposureSupplier[] = src.suppliers.filter((s) => s.share > 0);
  const measure = src.total.unit === "t" ? "quantity" : "value";
  const d = p.partners.reduce((t, q) => t + q.demand, 0);
  const sups = rows.map((s) => ({ ...ctx.risk(s.country), country: s.country }));
  const vols = rows.map((s) => s.share * d);
  const es = expectedShortfall(vols, 0, sups.map((s) => ({ ...s, available: 0, trusted: false, newCapacityMax: 0, capexPerTonne: 0 })), p.params.disruptionMonths);
  const cost = vols.reduce((t, v, i) => t + v * sups[i].unitCost, 0) + (p.params.risk === "shortfall" ? p.params.voll * es : 0);
  return {
    stage: src.stage,
    year: src.year,
    measure,
    suppliers: rows.map((s) => ({ country: s.country, share: round(s.share), inBloc: s.inBloc })).sort((a, b) => b.share - a.share),
    versusPlan: null,
    cost: round(cost, 3),
    risk: { expectedShortfall: round(es), governanceRisk: round(vols.reduce((t, v, i) => t + v * sups[i].governance, 0) / d) },
    basis:
      `the bloc's ${src.year} imports at the ${src.stage} stage — the plan's stage — from the sourcing engine (${src.sources.filter((s) => !/Governance/.test(s.dataset)).map((s) => s.dataset).join("; ")}), ` +
      `shares by ${measure === "value" ? `${src.total.unit} value` : "tonnes"}; versusPlan compares them with the plan's shares ${measure === "value" ? "by value at the plan's prices" : "by tonnes"}. ` +
      `The plan buys the same stage's products in proportion to what it can get from world ${ctx.measure.toLowerCase()}; cost and risk apply today's shares to the planned demand, without a stockpile`,
    source: src.sources,
    coverage: { complete: src.coverage.complete, warnings: [...src.coverage.warnings] },
  };
}

/**
 * Today's shares beside the plan's, country by country, in today's measure: by value the plan's
 * volumes are weighted by the price each supplier was planned at.
 * @example compareWithPlan(current, [{ country: "CHN", volume: 2, price: 500 }, { country: "MOZ", volume: 1, price: 1000 }]).rows // CHN plan 0.5, MOZ plan 0.5
 */
export function compareWithPlan(current: CurrentMix, planned: readonly { country: string; volume: number; price: number }[]): NonNullable<CurrentMix["versusPlan"]> {
  const w = planned.map((s) => ({ country: s.country, amount: s.volume * (current.measure === "value" ? s.price : 1) }));
  const sum = new Map<string, number>();
  for (const x of w) sum.set(x.country, (sum.get(x.country) ?? 0) + x.amount);
  const total = [...sum.values()].reduce((a, b) => a + b, 0);
  const today = new Map(current.suppliers.map((s) => [s.country, s.share]));
  const countries = [...new Set([...today.keys(), ...sum.keys()])];
  const rows = countries
    .map((c) => ({ country: c, today: today.get(c) ?? 0, plan: round(total > 0 ? (sum.get(c) ?? 0) / total : 0) }))
    .sort((a, b) => Math.max(b.today, b.plan) - Math.max(a.today, a.plan));
  return { measure: current.measure, rows };
}
