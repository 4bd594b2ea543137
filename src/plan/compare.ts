import { ChokepointError } from "../domain/error.ts";
import type { PlanProblem, PlanSolution } from "./problem.ts";
import { solvePlan } from "./solve-plan.ts";

export interface PartnerComparison {
  id: string;
  jointCost: number;
  separateCost: number | null;
  gain: number | null;
}

export interface Comparison {
  jointCost: number;
  separateCost: number | null; // null when a partner cannot plan alone at all
  dividend: number | null;
  jointShortfall: number;
  separateShortfall: number | null;
  partners: PartnerComparison[];
  gainsMost: string | null;
  separateInfeasible: { partner: string; reason: string; unmetDemand: number | null }[];
  /** Days of the partners' demand held in stock: one pooled reserve vs the two separate reserves. */
  jointStockpileDays: number;
  separateStockpileDays: number | null;
  /** One line for a minister: what coordinating buys. */
  verdict: "joint cheaper" | "infeasible alone, feasible together" | "no dividend";
  /** When a partner cannot plan alone: the demand (volume/yr) it would leave unmet, which the joint plan meets. */
  shortfallAvoided: number | null;
  summary: string;
  /** Unit of every cost above: "USD" (per year) when prices come from trade data, else "relative". */
  costUnit?: string;
  method: string;
}

const METHOD =
  "separate: each partner first plans alone with the whole supply available; where their requests exceed a supplier's " +
  "availability (or trusted new capacity) it is split in proportion to the requests, spare availability in proportion to demand; " +
  "each then re-plans on its allocation, with the other partner counted as a third country and its own stockpile. " +
  "joint: one plan over both, the alliance as one bloc, one pooled stockpile.";

/** Split one capacity between partners: requests first (pro rata when short), the rest by demand. */
function split(capacity: number, requests: number[], demand: number[]): number[] {
  const asked = requests.reduce((a, b) => a + b, 0);
  const totalDemand = demand.reduce((a, b) => a + b, 0);
  if (asked > capacity) return requests.map((r) => (capacity * r) / asked);
  return requests.map((r, p) => r + ((capacity - asked) * demand[p]) / totalDemand);
}

/** The problem partner `pi` solves alone: its demand, its members as the bloc, given availabilities. */
function alone(joint: PlanProblem, pi: number, available?: number[], newMax?: number[]): PlanProblem {
  const q = joint.partners[pi];
  return {
    partners: [q],
    suppliers: joint.suppliers.map((s, i) => ({
      ...s,
      available: available?.[i] ?? s.available,
      newCapacityMax: newMax?.[i] ?? s.newCapacityMax,
      partnerCost: s.partnerCost ? [s.partnerCost[pi]] : undefined,
    })),
    params: joint.params,
    blocMembers: q.members,
  };
}

/**
 * Joint plan versus the partners planning separately and competing for the same capacity: the
 * coordination dividend in cost and expected shortfall, and who gains. Joint ≤ separate holds by
 * construction (the separate plans together are a feasible joint plan).
 * @example const c = await compareSeparate(problem, await solvePlan(problem)); c.dividend
 */
export async function compareSeparate(joint: PlanProblem, sol: PlanSolution, costUnit?: string): Promise<Comparison> {
  const P = joint.partners.length;
  const demand = joint.partners.map((q) => q.demand);
  const first = await Promise.all(joint.partners.map((_, pi) => solvePlan(alone(joint, pi)).catch(() => undefined)));
  const requests = (i: number) => first.map((s) => s?.partners[0].volumes[i] ?? 0);
  const newRequests = (i: number) => first.map((s) => s?.newCapacity[i] ?? 0);
  const avail = joint.suppliers.map((s, i) => split(s.available, requests(i), demand));
  const newMax = joint.suppliers.map((s, i) => split(s.newCapacityMax, newRequests(i), demand));
  const separateInfeasible: Comparison["separateInfeasible"] = [];
  const second: (PlanSolution | undefined)[] = [];
  for (let pi = 0; pi < P; pi++) {
    try {
      second.push(await solvePlan(alone(joint, pi, avail.map((a) => a[pi]), newMax.map((a) => a[pi]))));
    } catch (e) {
      if (!(e instanceof ChokepointError) || e.code !== "infeasible") throw e;
      const coverable = e.problems?.find((x) => x.code === "demand")?.value as number | undefined;
      separateInfeasible.push({ partner: joint.partners[pi].id, reason: e.message, unmetDemand: coverable === undefined ? null : (1 - coverable) * joint.partners[pi].demand });
      second.push(undefined);
    }
  }
  const ok = second.every((s) => s !== undefined);
  const separateCost = ok ? second.reduce((t, s) => t + s!.objective, 0) : null;
  const partners = joint.partners.map((q, pi) => {
    const sepCost = second[pi]?.objective ?? null;
    const jointCost = sol.partners[pi].cost;
    return { id: q.id, jointCost, separateCost: sepCost, gain: sepCost === null ? null : sepCost - jointCost };
  });
  // Solver round-off (~1e-15) is not a gain: only differences above a relative 1e-9 count.
  const tol = 1e-9 * Math.max(1, Math.abs(sol.objective));
  const clean = (x: number | null) => (x === null || Math.abs(x) > tol ? x : 0);
  for (const q of partners) q.gain = clean(q.gain);
  const ranked = partners.filter((p) => p.gain !== null).sort((a, b) => b.gain! - a.gain!);
  const dividend = separateCost === null ? null : clean(separateCost - sol.objective);
  const total = demand.reduce((a, b) => a + b, 0);
  const days = (stock: number) => (stock / total) * 365;
  const jointStock = sol.partners.reduce((t, q) => t + q.stockpile, 0);
  const unmet = separateInfeasible.map((x) => x.unmetDemand);
  const shortfallAvoided = separateInfeasible.length ? (unmet.every((x) => x !== null) ? unmet.reduce((a, b) => a + b!, 0) : null) : null;
  const verdict: Comparison["verdict"] = !ok ? "infeasible alone, feasible together" : dividend! > 0 ? "joint cheaper" : "no dividend";
  const unit = joint.unit ?? "t";
  const fmt = (x: number) => Math.round(x).toLocaleString("en");
  const summary =
    verdict === "infeasible alone, feasible together"
      ? `${separateInfeasible.map((x) => x.partner).join(" and ")} cannot meet ${separateInfeasible.length > 1 ? "their" : "its"} demand alone under these limits; together the alliance can` +
        (shortfallAvoided !== null ? `, avoiding a shortfall of ${fmt(shortfallAvoided)} ${unit}/yr` : "")
      : verdict === "joint cheaper"
        ? `planning together saves ${fmt(dividend!)}${costUnit && costUnit !== "relative" ? ` ${costUnit}` : " (relative units)"} per year (${((dividend! / separateCost!) * 100).toFixed(2)} % of planning separately)` + (ranked[0] && ranked[0].gain! > tol ? `; ${ranked[0].id} gains most` : "")
        : "planning together costs the same as planning separately: the partners do not compete for any limited supply under these limits";
  return {
    jointCost: sol.objective,
    separateCost,
    dividend,
    jointShortfall: sol.expectedShortfall,
    separateShortfall: ok ? second.reduce((t, s) => t + s!.expectedShortfall, 0) : null,
    partners,
    // Who gains most is a cost comparison: only when both partners can plan alone (else the summary names who cannot).
    gainsMost: ok && ranked[0] && ranked[0].gain! > tol ? ranked[0].id : null,
    separateInfeasible,
    jointStockpileDays: days(jointStock),
    separateStockpileDays: ok ? days(second.reduce((t, x) => t + x!.partners[0].stockpile, 0)) : null,
    verdict,
    shortfallAvoided,
    summary,
    method: METHOD,
    ...(costUnit ? { costUnit } : {}),
  };
}
