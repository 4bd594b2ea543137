import { triangular, type Rng } from "./rng.ts";

/** An uncertain parameter: a triangular range with the reason for it. */
export interface ParamRange {
  low: number;
  mode: number;
  high: number;
  unit: string;
  meaning: string;
  source: string;
}

/** One realisation of every uncertain parameter (what a single Monte Carlo run uses). */
export interface ModelParams {
  demandElasticity: number;
  supplyElasticity: number;
  spareCapacity: number;
  rampUpMonths: number;
  leakage: number;
  diversion: number;
  stockpileDrawRate: number;
  originSubstitution: number;
  /** Quantile 0–1 within each target's demand-share range (one draw for all targets: they move together). */
  demandShareQuantile: number;
}

export type ParamName = keyof ModelParams;

const USGS = "USGS OFR 2025-1047 (2025 U.S. critical minerals list: post-disruption prices from supply/demand elasticities and excess capacity)";

/**
 * Documented defaults (see docs/simulator.md for the equations and sources).
 * Short-run mineral markets are inelastic; ranges are deliberately wide.
 */
export const DEFAULT_PARAMS: Record<ParamName, ParamRange> = {
  demandElasticity: {
    low: -0.3, mode: -0.1, high: -0.02, unit: "ratio",
    meaning: "short-run price elasticity of world demand (sets the price rise for a given unmet volume)",
    source: `assumption in the short-run range used by partial-equilibrium mineral models; method as in ${USGS}`,
  },
  supplyElasticity: {
    low: 0.02, mode: 0.1, high: 0.3, unit: "ratio",
    meaning: "short-run price elasticity of world supply (sets the price rise for a given unmet volume)",
    source: `assumption; method as in ${USGS}`,
  },
  spareCapacity: {
    low: 0.02, mode: 0.08, high: 0.15, unit: "fraction of output",
    meaning: "extra output third countries (not the actor) can add, as a fraction of their annual output",
    source: `assumption; USGS MCS capacity tables show utilisation well below 100 % for many metals; ${USGS} uses excess capacity the same way`,
  },
  rampUpMonths: {
    low: 3, mode: 9, high: 18, unit: "months",
    meaning: "months until spare capacity, rerouting and leakage reach their full level (linear ramp)",
    source: "assumption: qualification of new suppliers and contracts takes months (typical 3–18)",
  },
  leakage: {
    low: 0, mode: 0.1, high: 0.3, unit: "fraction of blocked volume",
    meaning: "blocked volume that still reaches the targets through third countries (transshipment, processing abroad)",
    source: "assumption; see the back-test (China's Ga/Ge exports to intermediaries after Aug 2023) in docs/simulator.md",
  },
  diversion: {
    low: 0.2, mode: 0.5, high: 0.8, unit: "fraction",
    meaning: "share of third countries' supply to untargeted importers that can be redirected to the targets (untargeted importers take the actor's freed volume instead)",
    source: "assumption: contracts and qualification limit trade diversion",
  },
  stockpileDrawRate: {
    low: 0.15, mode: 0.3, high: 0.5, unit: "fraction of initial stock per month",
    meaning: "largest monthly release from a stockpile, as a fraction of its initial size",
    source: "assumption: JOGMEC releases are staged; a full stock is released over 2–7 months",
  },
  originSubstitution: {
    low: 1, mode: 2, high: 4, unit: "ratio",
    meaning: "elasticity of substitution between origins (Armington), for export taxes and import tariffs",
    source: "assumption in the range of trade-model Armington elasticities for intermediate goods",
  },
  demandShareQuantile: {
    low: 0, mode: 0.5, high: 1, unit: "quantile",
    meaning: "where in their demand-share ranges the targets' demand lies (see DEMAND_SHARES); one draw moves all targets together",
    source: "triangular, centred on the middle of the documented ranges",
  },
};

/**
 * Targets' share of world demand for a material: the one quantity the shipped trade data
 * (values, no tonnes) cannot give. Prior from the share of world manufacturing output
 * (UN Statistics Division, 2022: China ~31 %, USA ~16 %, Japan ~7 %, Germany ~6 %, EU27 ~15 %),
 * widened because material intensity differs by economy. Overridable per scenario.
 */
export const DEMAND_SHARES: Record<string, [number, number]> = {
  EU27: [0.1, 0.2],
  JPN: [0.04, 0.1],
  USA: [0.1, 0.2],
  KOR: [0.02, 0.06],
  OTHER: [0.002, 0.03],
};

/** Override form in scenario files: a fixed number, `[low, high]`, or `{ low, mode?, high }`. */
export type ParamOverride = number | [number, number] | { low: number; mode?: number; high: number };

/**
 * Merge scenario overrides into the defaults.
 * @example withOverrides({ leakage: 0 }).leakage // { low: 0, mode: 0, high: 0, … }
 */
export function withOverrides(over: Partial<Record<ParamName, ParamOverride>> = {}): Record<ParamName, ParamRange> {
  const out = { ...DEFAULT_PARAMS };
  for (const [k, v] of Object.entries(over) as [ParamName, ParamOverride][]) {
    const base = DEFAULT_PARAMS[k];
    let low: number, high: number, mode: number;
    if (typeof v === "number") low = high = mode = v;
    else if (Array.isArray(v)) [low, high, mode] = [v[0], v[1], (v[0] + v[1]) / 2];
    else [low, high, mode] = [v.low, v.high, v.mode ?? (v.low + v.high) / 2];
    out[k] = { ...base, low, high, mode, source: "scenario file override" };
  }
  return out;
}

/** The central (mode) value of every parameter: a deterministic run. @example centralParams().leakage // 0.1 */
export function centralParams(ranges: Record<ParamName, ParamRange> = DEFAULT_PARAMS): ModelParams {
  const out = {} as ModelParams;
  for (const k of Object.keys(ranges) as ParamName[]) out[k] = ranges[k].mode;
  return out;
}

/**
 * Draw one realisation: one uniform per parameter, in a fixed order (so a seed reproduces a run).
 * @example drawParams(DEFAULT_PARAMS, mulberry32(1)).rampUpMonths // between 3 and 18
 */
export function drawParams(ranges: Record<ParamName, ParamRange>, rng: Rng): ModelParams {
  const out = {} as ModelParams;
  for (const k of Object.keys(DEFAULT_PARAMS) as ParamName[]) {
    const r = ranges[k];
    out[k] = triangular(rng(), r.low, r.high, r.mode);
  }
  return out;
}
