import { ChokepointError } from "../domain/error.ts";
import { crf, PLAN_DEFAULTS as D } from "./defaults.ts";
import type { PlanProblem, PlanSolution } from "./problem.ts";
import { solvePlan } from "./solve-plan.ts";

/** Whether the request as asked has a plan, and if not, the smallest change that gives one. */
export interface Feasibility {
  feasible: boolean;
  requested: { maxShare: number; minTrusted: number };
  /** Why the request as asked has no plan (the diagnosis), when it has none. */
  reason?: string;
  /** The limits the plan shown was solved under (differs from `requested` when infeasible). */
  plannedWith: { maxShare: number; minTrusted: number; demandShareMet: number };
  /** The smallest relaxation of the request's limits that has a plan. */
  change?: { field: "maxShare" | "minTrusted" | "demand"; from: number; to: number; meaning: string }[];
  /**
   * New capacity, inside the bloc or at trusted producers and beyond the named options, that would
   * make the request feasible as asked; costed with the generic expansion assumptions.
   */
  additionalCapacity?: { tonnesPerYear: number; annualCost: number | null; costUnit: string; meaning: string };
}

const value = (e: ChokepointError, code: string) => e.problems?.find((p) => p.code === code)?.value as number | undefined;

/**
 * Solve; when the request has no plan, answer with the smallest feasible change instead of an
 * error: relax the cap (and min-trusted) to the diagnosed smallest values, and if demand still
 * cannot be met, plan for the coverable share. Also sizes the new capacity that would make the
 * request feasible as asked. `unitCost` prices that capacity (null when costs are relative).
 * @example const { solution, feasibility, problem } = await solveOrRelax(p, 176826);
 */
export async function solveOrRelax(p: PlanProblem, unitCost: number | null, strict = false): Promise<{ problem: PlanProblem; solution: PlanSolution; feasibility: Feasibility }> {
  const requested = { maxShare: p.params.maxShare, minTrusted: p.params.minTrusted };
  try {
    const solution = await solvePlan(p);
    return { problem: p, solution, feasibility: { feasible: true, requested, plannedWith: { ...requested, demandShareMet: 1 } } };
  } catch (e) {
    if (strict || !(e instanceof ChokepointError) || e.code !== "infeasible") throw e;
    const m = value(e, "max_share");
    const t = value(e, "min_trusted");
    const coverable = value(e, "demand");
    const change: NonNullable<Feasibility["change"]> = [];
    let relaxed: PlanProblem = { ...p, params: { ...p.params } };
    if (m !== undefined) {
      relaxed.params.maxShare = m;
      change.push({ field: "maxShare", from: requested.maxShare, to: m, meaning: "smallest single-third-country cap that has a plan" });
    }
    if (m === undefined && t !== undefined) {
      relaxed.params.minTrusted = t;
      change.push({ field: "minTrusted", from: requested.minTrusted, to: t, meaning: "largest trusted share that has a plan" });
    }
    let solution: PlanSolution | undefined;
    let met = 1;
    try {
      solution = await solvePlan(relaxed);
    } catch (e2) {
      if (!(e2 instanceof ChokepointError) || e2.code !== "infeasible" || coverable === undefined || coverable <= 0) throw e;
      // Not even the relaxed limits meet all of demand: plan for the share that can be met.
      met = coverable;
      relaxed = { ...p, partners: p.partners.map((q) => ({ ...q, demand: q.demand * coverable })) };
      change.splice(0, change.length, { field: "demand", from: 1, to: coverable, meaning: "largest share of demand that can be met under the requested limits" });
      solution = await solvePlan(relaxed);
    }
    const demand = p.partners.reduce((s, q) => s + q.demand, 0);
    const missing = coverable === undefined ? 0 : (1 - coverable) * demand;
    const perTonne = unitCost === null ? null : D.capexFactor.value * unitCost * crf(0.08, 15) + unitCost;
    return {
      problem: relaxed,
      solution,
      feasibility: {
        feasible: false,
        requested,
        reason: e.message,
        plannedWith: { maxShare: relaxed.params.maxShare, minTrusted: relaxed.params.minTrusted, demandShareMet: met },
        change,
        ...(missing > 0
          ? {
              additionalCapacity: {
                tonnesPerYear: missing,
                annualCost: perTonne === null ? null : missing * perTonne,
                costUnit: unitCost === null ? "relative" : "USD/yr",
                meaning:
                  "new capacity inside the bloc or at trusted producers, beyond the named options, that would make the request feasible as asked; " +
                  "annual cost = capex (capexFactor × unit value per t/yr, annualised at 8 % over 15 years) + operating cost at the unit value",
              },
            }
          : {}),
      },
    };
  }
}
