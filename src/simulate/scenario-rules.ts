import type { ParamName } from "./params.ts";

/** Where each model parameter may lie (overrides outside it give meaningless figures). */
export const PARAM_DOMAINS: Record<ParamName, { min: number; max: number; why: string }> = {
  demandElasticity: { min: -10, max: 0, why: "demand falls when the price rises (≤ 0)" },
  supplyElasticity: { min: 0, max: 10, why: "supply rises when the price rises (≥ 0)" },
  spareCapacity: { min: 0, max: 1, why: "a fraction of output, 0–1" },
  rampUpMonths: { min: 0, max: 120, why: "months, 0–120" },
  leakage: { min: 0, max: 1, why: "a fraction, 0–1" },
  diversion: { min: 0, max: 1, why: "a fraction, 0–1" },
  stockpileDrawRate: { min: 0, max: 1, why: "a fraction of the initial stock per month, 0–1" },
  originSubstitution: { min: 0, max: 50, why: "an Armington elasticity, 0–50" },
  demandShareQuantile: { min: 0, max: 1, why: "a quantile, 0–1" },
};

export interface DomainIssue {
  path: (string | number)[];
  message: string;
  input: unknown;
}

type Range = number | [number, number] | { low: number; mode?: number; high: number };

interface Checked {
  horizonMonths: number;
  shocks: { startMonth: number }[];
  params?: Partial<Record<ParamName, Range>>;
  demandShares?: Record<string, [number, number]>;
}

/**
 * Rules across fields that a field's own type cannot say: shocks start within the horizon,
 * ranges are ordered (low ≤ mode ≤ high), parameters lie in their domain (a positive demand
 * elasticity would make prices fall in a shortage).
 *
 * @example scenarioDomainIssues({ horizonMonths: 24, shocks: [{ startMonth: 500 }] })[0].message // "startMonth must be within the horizon (0–23 months)"
 */
export function scenarioDomainIssues(s: Checked): DomainIssue[] {
  const out: DomainIssue[] = [];
  s.shocks.forEach((k, i) => {
    if (k.startMonth >= s.horizonMonths) {
      out.push({ path: ["shocks", i, "startMonth"], message: `startMonth must be within the horizon (0–${s.horizonMonths - 1} months)`, input: k.startMonth });
    }
  });
  for (const [name, v] of Object.entries(s.params ?? {}) as [ParamName, Range][]) {
    const dom = PARAM_DOMAINS[name];
    const [low, mode, high] = typeof v === "number" ? [v, v, v] : Array.isArray(v) ? [v[0], undefined, v[1]] : [v.low, v.mode, v.high];
    if (low > high) out.push({ path: ["params", name], message: `range is not ordered: low ${low} > high ${high}`, input: v });
    else if (mode !== undefined && (mode < low || mode > high)) out.push({ path: ["params", name], message: `mode ${mode} lies outside [${low}, ${high}]`, input: v });
    else if (low < dom.min || high > dom.max) out.push({ path: ["params", name], message: `${name} must lie in [${dom.min}, ${dom.max}]: ${dom.why}`, input: v });
  }
  for (const [g, [low, high]] of Object.entries(s.demandShares ?? {})) {
    if (low > high) out.push({ path: ["demandShares", g], message: `range is not ordered: low ${low} > high ${high}`, input: [low, high] });
  }
  return out;
}
