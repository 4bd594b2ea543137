import { LpBuilder, type LpModel } from "./lp.ts";
import type { PlanProblem, Supplier } from "./problem.ts";

/**
 * Which constraint family to turn into a variable when diagnosing infeasibility: the LP then finds
 * the smallest max-share, the largest min-trusted share or the largest coverable share of demand.
 */
export type Relax = "maxShare" | "minTrusted" | "demand";

/** Indices of every variable and row, so solutions and duals can be read back. */
export interface PlanIndex {
  x: number[][]; // [partner][supplier] volume
  n: (number | undefined)[]; // [supplier] new capacity (or whole blocks of it)
  s: number[]; // [partner] stockpile
  u: (number | undefined)[][]; // [partner, or one pooled group][supplier] shortfall if that supplier is cut
  demandRow: number[];
  capacityRow: number[];
  capRow: (number | undefined)[][];
  trustedRow: (number | undefined)[];
  relaxVar?: number;
}

/** What partner `pi` pays per tonne from supplier `s`. */
export function costFor(s: Supplier, pi: number): number {
  return s.partnerCost?.[pi] ?? s.unitCost;
}

/** A supplier row's name in labels and messages: the country, and the named option it stands for. */
export function rowName(s: Supplier): string {
  return s.option ? `${s.country} (${s.option})` : s.country;
}

/** True when a supplier counts as in-bloc (exempt from the third-country cap). */
export function inBloc(p: PlanProblem, country: string): boolean {
  return (p.blocMembers ?? p.partners.flatMap((q) => q.members)).includes(country);
}

/**
 * The planner's LP (MILP with lumpy investment blocks):
 *   min Σ c_i x_pi + Σ k_i n_i + Σ h s_p + VOLL Σ π_i u_pi      (+ γ g_i x_pi for risk "governance")
 *   demand      Σ_i x_pi = D_p
 *   capacity    Σ_p x_pi − n_i ≤ A_i                             (dual: value of capacity at i)
 *   cap         x_pi ≤ m D_p for i outside the bloc              (CRMA single-country limit)
 *   trusted     Σ_{i trusted} x_pi ≥ t D_p
 *   shortfall   u_pi ≥ x_pi·months/12 − s_p, u ≥ 0              (one disruption at a time)
 * @example const { lp, ix } = buildModel(problem); const r = await solveLp(lp);
 */
export function buildModel(p: PlanProblem, relax?: Relax): { lp: LpModel; ix: PlanIndex } {
  const b = new LpBuilder("min");
  const pr = p.params;
  const costOn = relax === undefined ? 1 : 0; // feasibility LPs optimise the relaxed bound only
  const useShortfall = pr.risk === "shortfall" && relax === undefined;
  const relaxVar = relax ? b.addVar(`relaxed ${relax}`, { lb: 0, ub: 1, cost: relax === "maxShare" ? 1 : -1 }) : undefined;
  const x = p.partners.map((q, pi) =>
    p.suppliers.map((s) =>
      b.addVar(`${q.id} from ${rowName(s)}`, {
        cost: costOn * (costFor(s, pi) + (pr.risk === "governance" ? pr.governancePenalty * s.governance : 0)),
      }),
    ),
  );
  const block = pr.investmentBlock;
  const n = p.suppliers.map((s) => {
    if (!s.trusted || s.newCapacityMax <= 0) return undefined;
    if (block) {
      const blocks = Math.floor(s.newCapacityMax / block);
      return blocks > 0 ? b.addVar(`new capacity blocks in ${rowName(s)}`, { ub: blocks, cost: costOn * s.capexPerTonne * block, integer: true }) : undefined;
    }
    return b.addVar(`new capacity in ${rowName(s)}`, { ub: s.newCapacityMax, cost: costOn * s.capexPerTonne });
  });
  const pooled = p.pooledStockpile ? b.addVar("joint stockpile", { cost: costOn * pr.holdingCost }) : undefined;
  const s = p.partners.map((q) => pooled ?? b.addVar(`${q.id} stockpile`, { cost: costOn * pr.holdingCost }));
  const demandRow = p.partners.map((q, pi) => {
    const terms: [number, number][] = x[pi].map((v) => [v, 1]);
    if (relax === "demand") return b.addRow(`${q.id} demand`, [...terms, [relaxVar!, -q.demand]], { lo: 0, hi: 0 });
    return b.addRow(`${q.id} demand`, terms, { lo: q.demand, hi: q.demand });
  });
  const capacityRow = p.suppliers.map((sp, i) => {
    const terms: [number, number][] = x.map((row) => [row[i], 1]);
    if (n[i] !== undefined) terms.push([n[i]!, -(block ?? 1)]);
    return b.addRow(`capacity of ${rowName(sp)}`, terms, { hi: sp.available });
  });
  const capRow = p.partners.map((q, pi) =>
    p.suppliers.map((sp, i) => {
      if (inBloc(p, sp.country)) return undefined;
      if (relax === "maxShare") return b.addRow(`${q.id} cap on ${rowName(sp)}`, [[x[pi][i], 1], [relaxVar!, -q.demand]], { hi: 0 });
      if (pr.maxShare >= 1) return undefined;
      return b.addRow(`${q.id} cap on ${rowName(sp)}`, [[x[pi][i], 1]], { hi: pr.maxShare * q.demand });
    }),
  );
  const trustedRow = p.partners.map((q, pi) => {
    const terms: [number, number][] = p.suppliers.flatMap((sp, i) => (sp.trusted ? [[x[pi][i], 1] as [number, number]] : []));
    if (relax === "minTrusted") return b.addRow(`${q.id} trusted share`, [...terms, [relaxVar!, -q.demand]], { lo: 0 });
    if (pr.minTrusted <= 0) return undefined;
    return b.addRow(`${q.id} trusted share`, terms, { lo: pr.minTrusted * q.demand });
  });
  const months = pr.disruptionMonths / 12;
  // A pooled reserve faces the partners' combined cut; separate reserves each face their own.
  const groups = pooled !== undefined ? [p.partners.map((_, pi) => pi)] : p.partners.map((_, pi) => [pi]);
  const u = groups.map((members) =>
    p.suppliers.map((sp, i) => {
      if (!useShortfall || sp.disruption <= 0) return undefined;
      const who = members.map((pi) => p.partners[pi].id).join("+");
      const v = b.addVar(`${who} shortfall if ${rowName(sp)} cuts`, { cost: pr.voll * sp.disruption });
      const terms: [number, number][] = [[v, 1], [s[members[0]], 1], ...members.map((pi) => [x[pi][i], -months] as [number, number])];
      b.addRow(`${who} shortfall if ${rowName(sp)} cuts`, terms, { lo: 0 });
      return v;
    }),
  );
  return { lp: b.model, ix: { x, n, s, u, demandRow, capacityRow, capRow, trustedRow, relaxVar } };
}
