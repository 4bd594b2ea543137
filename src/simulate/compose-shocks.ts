import type { MarketState } from "./market.ts";
import type { ModelParams } from "./params.ts";
import { blockedFraction, type ModelShock } from "./shock.ts";

/** What the shocks active in one month remove, by consumer (ROW last). */
export interface MonthShockLoad {
  /** Monthly volume removed from each consumer's supply (≤ its monthly demand). */
  beta: Float64Array;
  /** 1 for each supplier that is the actor of an active shock. */
  isActor: Uint8Array;
  /** 1 for each consumer no active shock targets. */
  untargeted: Uint8Array;
  /** The part of Σ beta stopped by trade measures (not outages): what leakage and diversion act on. */
  tradeBlocked: number;
  /** Start month of the earliest active shock (Infinity when none is active). */
  firstStart: number;
}

/**
 * How overlapping shocks compose (docs/simulator.md "Overlapping shocks"). For each consumer c
 * and actor a, every active shock k that targets c removes its fraction f_k of what the shocks
 * before it left, so the fractions compose as survival products, in any order:
 *
 *   outage part  O = 1 − Π_{outages k} (1 − f_k)          (output lost at the source)
 *   trade part   T = (1 − O) · (1 − Π_{trade k} (1 − f_k))  (of what the outages left, blocked)
 *   removed      X[c][a] · (O + T) / 12  ≤  X[c][a] / 12
 *
 * So the volume removed from an actor never exceeds what the actor supplies to c, and c's
 * shortfall never exceeds its demand, however many shocks overlap (the same ban twice is one ban).
 *
 * Returns a function that computes one month; its arrays are reused from call to call.
 *
 * @example
 * const month = shockComposer(N, S);
 * const load = month(scenario.shocks, state, params, t); // load.beta[c] ≤ state.demand[c] / 12
 */
export function shockComposer(N: number, S: number): (shocks: ModelShock[], state: MarketState, p: ModelParams, t: number) => MonthShockLoad {
  const keepOutage = new Float64Array(N * S), keepTrade = new Float64Array(N * S);
  const touched = new Uint8Array(S);
  const load: MonthShockLoad = {
    beta: new Float64Array(N), isActor: new Uint8Array(S), untargeted: new Uint8Array(N), tradeBlocked: 0, firstStart: Infinity,
  };
  return (shocks, state, p, t) => {
    load.beta.fill(0);
    load.isActor.fill(0);
    load.untargeted.fill(1);
    load.tradeBlocked = 0;
    load.firstStart = Infinity;
    keepOutage.fill(1);
    keepTrade.fill(1);
    touched.fill(0);
    for (const k of shocks) {
      if (t < k.start || t >= k.end || k.actor < 0) continue;
      load.isActor[k.actor] = 1;
      touched[k.actor] = 1;
      load.firstStart = Math.min(load.firstStart, k.start);
      const f = blockedFraction(k, state, S, p);
      const keep = k.type === "outage" ? keepOutage : keepTrade;
      for (let c = 0; c < N; c++) {
        if (!k.targeted[c]) continue;
        load.untargeted[c] = 0;
        keep[c * S + k.actor] *= 1 - f;
      }
    }
    for (let a = 0; a < S; a++) {
      if (!touched[a]) continue;
      for (let c = 0; c < N; c++) {
        const i = c * S + a, x = state.flows[i] / 12;
        const trade = keepOutage[i] * (1 - keepTrade[i]);
        load.beta[c] += x * (1 - keepOutage[i] + trade);
        load.tradeBlocked += x * trade;
      }
    }
    return load;
  };
}
