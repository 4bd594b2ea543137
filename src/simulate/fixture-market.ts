import type { Market } from "./market.ts";
import type { ModelScenario } from "./model.ts";
import type { ModelShock, ShockType } from "./shock.ts";
import { centralParams, type ModelParams } from "./params.ts";
import type { Rng } from "./rng.ts";

/**
 * Hand-checkable markets for tests (no database): `small()` is the one worked through in
 * docs/simulator.md; `randomMarket(rng)` feeds the property tests.
 */
export function smallMarket(): Market {
  return {
    material: "testium", stage: "processing", year: 2023,
    suppliers: ["CHN", "AUS"], production: Float64Array.of(0.8, 0.2), worldTonnes: 1000,
    consumers: [
      { id: "JPN", group: "JPN", weight: 1, sourcing: Float64Array.of(1, 0), basis: "trade" },
      { id: "DEU", group: "EU27", weight: 1, sourcing: Float64Array.of(0.5, 0.5), basis: "trade" },
    ],
    demandShares: { JPN: [0.1, 0.1], EU27: [0.2, 0.2] },
    sources: [], notes: [],
  };
}

/** Parameters of the worked example: central values with round numbers. */
export function exampleParams(over: Partial<ModelParams> = {}): ModelParams {
  return {
    ...centralParams(),
    demandElasticity: -0.1, supplyElasticity: 0.1, spareCapacity: 0.1, rampUpMonths: 1,
    leakage: 0.1, diversion: 0.5, stockpileDrawRate: 0.5, demandShareQuantile: 0.5, ...over,
  };
}

/** A scenario on a market: one shock by supplier 0 on the listed consumer indices. */
export function scenarioOn(
  m: Market,
  shock: { type?: ShockType; severity?: number; targets?: number[]; start?: number; end?: number },
  opts: { stockDays?: number[]; sharing?: number[]; reroute?: boolean; horizon?: number } = {},
): ModelScenario {
  const N = m.consumers.length + 1;
  const targeted = new Uint8Array(N);
  for (const c of shock.targets ?? m.consumers.map((_, i) => i)) targeted[c] = 1;
  const k: ModelShock = {
    type: shock.type ?? "export_restriction", actor: 0, targeted, start: shock.start ?? 0, end: shock.end ?? 12,
    severity: shock.severity ?? 1, worldTonnes: m.worldTonnes,
  };
  const days = new Float64Array(N), group = new Int32Array(N).fill(-1);
  opts.stockDays?.forEach((d, i) => (days[i] = d));
  opts.sharing?.forEach((c) => (group[c] = 0));
  return { horizonMonths: opts.horizon ?? 24, shocks: [k], stockpileDays: days, sharingGroup: group, reroute: opts.reroute ?? true };
}

/** A random market: 2–6 suppliers, 1–5 consumers with random sourcing and demand shares. */
export function randomMarket(rng: Rng): Market {
  const S = 2 + Math.floor(rng() * 5), C = 1 + Math.floor(rng() * 5);
  const prod = Float64Array.from({ length: S }, () => rng() + 0.01);
  const total = prod.reduce((a, b) => a + b, 0);
  const suppliers = Array.from({ length: S }, (_, i) => `S${i}`);
  const consumers = Array.from({ length: C }, (_, c) => {
    const w = Float64Array.from({ length: S }, () => (rng() < 0.3 ? 0 : rng()));
    w[0] += 0.01;
    const sum = w.reduce((a, b) => a + b, 0);
    return { id: `C${c}`, group: `C${c}`, weight: 1, sourcing: w.map((x) => x / sum), basis: "trade" as const };
  });
  const demandShares: Record<string, [number, number]> = {};
  for (const k of consumers) {
    const lo = rng() * 0.1;
    demandShares[k.group] = [lo, lo + rng() * 0.1];
  }
  return {
    material: "random", stage: "processing", year: 2023, suppliers, production: prod.map((p) => p / total),
    worldTonnes: 1000, consumers, demandShares, sources: [], notes: [],
  };
}

/** Random parameters within the documented ranges. */
export function randomParams(rng: Rng): ModelParams {
  return {
    demandElasticity: -0.02 - rng() * 0.3, supplyElasticity: 0.02 + rng() * 0.3, spareCapacity: rng() * 0.2,
    rampUpMonths: 1 + rng() * 17, leakage: rng() * 0.3, diversion: rng(), stockpileDrawRate: 0.05 + rng() * 0.9,
    originSubstitution: 1 + rng() * 3, demandShareQuantile: rng(),
  };
}
