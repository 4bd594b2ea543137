import { buildModel, costFor } from "./build-model.ts";
import { diagnoseInfeasible } from "./infeasible.ts";
import type { PlanProblem, PlanSolution, Supplier } from "./problem.ts";
import { solveLp } from "./solver.ts";
import { ChokepointError } from "../domain/error.ts";

const EPS = 1e-9;

/**
 * Expected shortfall (t/yr) of a mix with a stockpile: each supplier i is cut for `months` with
 * probability π_i per year, one at a time; the stockpile covers the first tonnes of each cut.
 * @example expectedShortfall([100], 0, [{ disruption: 0.1 } as Supplier], 6) // 0.1 × 50 = 5
 */
export function expectedShortfall(volumes: number[], stockpile: number, suppliers: Supplier[], months: number): number {
  return volumes.reduce((sum, v, i) => sum + suppliers[i].disruption * Math.max(0, (v * months) / 12 - stockpile), 0);
}

/**
 * Solve a planning problem; an infeasible one throws ChokepointError `infeasible` naming the
 * binding constraints and the smallest feasible relaxation.
 * @example const sol = await solvePlan(problem); sol.partners[0].volumes
 */
export async function solvePlan(p: PlanProblem): Promise<PlanSolution> {
  const { lp, ix } = buildModel(p);
  const r = await solveLp(lp);
  if (r.status === "infeasible") throw await diagnoseInfeasible(p);
  if (r.status !== "optimal") throw new ChokepointError("internal", `HiGHS ended with status ${r.highsStatus}`);
  const { suppliers, params } = p;
  const val = (i: number | undefined) => (i === undefined ? 0 : Math.max(0, r.values[i]));
  const block = params.investmentBlock ?? 1;
  const newCapacity = suppliers.map((_, i) => val(ix.n[i]) * block);
  const volumes = p.partners.map((_, pi) => suppliers.map((_, i) => val(ix.x[pi][i])));
  const totalFrom = suppliers.map((_, i) => volumes.reduce((t, row) => t + row[i], 0));
  const demand = p.partners.reduce((t, q) => t + q.demand, 0);
  // A pooled reserve and its shortfall are attributed to partners by their share of demand.
  const pooledStock = p.pooledStockpile ? val(ix.s[0]) : 0;
  const pooledEs = p.pooledStockpile ? expectedShortfall(totalFrom, pooledStock, suppliers, params.disruptionMonths) : 0;
  const partners = p.partners.map((q, pi) => {
    const w = demand > 0 ? q.demand / demand : 0;
    const stockpile = p.pooledStockpile ? pooledStock * w : val(ix.s[pi]);
    const es = p.pooledStockpile ? pooledEs * w : expectedShortfall(volumes[pi], stockpile, suppliers, params.disruptionMonths);
    let cost = params.holdingCost * stockpile + (params.risk === "shortfall" ? params.voll * es : 0);
    suppliers.forEach((s, i) => {
      const v = volumes[pi][i];
      cost += v * (costFor(s, pi) + (params.risk === "governance" ? params.governancePenalty * s.governance : 0));
      // New capacity is paid by those who use the country's supply, in proportion to use.
      if (totalFrom[i] > 0) cost += (v / totalFrom[i]) * newCapacity[i] * s.capexPerTonne;
    });
    return { id: q.id, demand: q.demand, volumes: volumes[pi], stockpile, expectedShortfall: es, cost };
  });
  const total = totalFrom.reduce((a, b) => a + b, 0);
  const duals = r.rowDuals ?? [];
  const binding: string[] = [];
  lp.rows.forEach((row, i) => {
    if (Math.abs(duals[i] ?? 0) > EPS && !row.label.includes("shortfall")) binding.push(row.label);
  });
  return {
    objective: r.objective,
    partners,
    newCapacity,
    sourcingCost: suppliers.reduce((t, s, i) => t + volumes.reduce((a, row, pi) => a + costFor(s, pi) * row[i], 0), 0),
    investmentCost: suppliers.reduce((t, s, i) => t + s.capexPerTonne * newCapacity[i], 0),
    holdingCost: partners.reduce((t, q) => t + params.holdingCost * q.stockpile, 0),
    expectedShortfall: partners.reduce((t, q) => t + q.expectedShortfall, 0),
    governanceRisk: total > 0 ? suppliers.reduce((t, s, i) => t + s.governance * totalFrom[i], 0) / total : 0,
    capacityShadow: ix.capacityRow.map((row) => Math.max(0, -(duals[row] ?? 0))),
    capShadow: suppliers.map((_, i) => ix.capRow.reduce((t, rows, pi) => t + Math.max(0, -(duals[rows[i] ?? -1] ?? 0)) * p.partners[pi].demand, 0)),
    binding,
  };
}
