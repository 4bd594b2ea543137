import { ChokepointError, type Problem } from "../domain/error.ts";
import { buildModel, inBloc, type Relax } from "./build-model.ts";
import type { PlanProblem } from "./problem.ts";
import { solveLp } from "./solver.ts";

/** The best value a relaxed constraint can take (undefined when even full relaxation fails). */
export async function bestRelaxation(p: PlanProblem, relax: Relax): Promise<number | undefined> {
  const { lp, ix } = buildModel(p, relax);
  const r = await solveLp(lp);
  return r.status === "optimal" ? r.values[ix.relaxVar!] : undefined;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
// Round relaxations outward to 0.1 %, so the suggested value is itself feasible.
const up = (x: number) => Math.ceil(x * 1000 - 1e-6) / 1000;
const down = (x: number) => Math.floor(x * 1000 + 1e-6) / 1000;

/**
 * Explain why no plan exists: total supply versus demand, then the smallest max-share that works
 * (keeping min-trusted), the largest min-trusted share that works (keeping max-share) and the
 * share of demand that can be met at all. Returns the error to throw.
 * @example throw await diagnoseInfeasible(problem);
 */
export async function diagnoseInfeasible(p: PlanProblem): Promise<ChokepointError> {
  const { maxShare, minTrusted } = p.params;
  const demand = p.partners.reduce((t, q) => t + q.demand, 0);
  const supply = p.suppliers.reduce((t, s) => t + s.available + (s.trusted ? s.newCapacityMax : 0), 0);
  const problems: Problem[] = [];
  const lines: string[] = [];
  const coverable = await bestRelaxation(p, "demand");
  if (coverable !== undefined && coverable < 1 - 1e-9) {
    lines.push(`only ${pct(coverable)} of demand can be met under these limits (supply available to the bloc ${supply.toPrecision(4)} ${p.unit ?? "t"}/yr, demand ${demand.toPrecision(4)} ${p.unit ?? "t"}/yr)`);
    problems.push({ code: "demand", path: ["demand"], message: "largest share of demand that can be met", value: down(coverable) });
  }
  const m = await bestRelaxation(p, "maxShare");
  if (m !== undefined && m > maxShare + 1e-9) {
    const outside = p.suppliers.filter((s) => !inBloc(p, s.country)).map((s) => s.country);
    lines.push(`the single-third-country cap binds (${outside.slice(0, 5).join(", ")}${outside.length > 5 ? ", …" : ""}): the smallest max-share that works is ${up(m)}${minTrusted > 0 ? ` with min-trusted ${minTrusted}` : ""}`);
    problems.push({ code: "max_share", path: ["maxShare"], message: "smallest feasible max-share", value: up(m) });
  }
  const t = await bestRelaxation(p, "minTrusted");
  if (minTrusted > 0 && t !== undefined && t < minTrusted - 1e-9) {
    lines.push(`the minimum trusted share binds: the largest min-trusted that works is ${down(t)} with max-share ${maxShare}`);
    problems.push({ code: "min_trusted", path: ["minTrusted"], message: "largest feasible min-trusted share", value: down(t) });
  }
  if (lines.length === 0) lines.push("the combination of limits admits no plan; relax max-share and min-trusted together");
  return new ChokepointError("infeasible", `no plan meets max-share ${maxShare} and min-trusted ${minTrusted}: ${lines.join("; ")}`, problems);
}
