import { drawParams, type ModelParams, type ParamName, type ParamRange } from "./params.ts";
import { marketState, type Market, type MarketState } from "./market.ts";
import type { ModelShock } from "./shock.ts";
import { shockComposer } from "./compose-shocks.ts";
import { drawStocks } from "./stockpile.ts";
import { shareIntake } from "./alliance-trade.ts";
import type { Rng } from "./rng.ts";

/** A scenario resolved against one market (see `compileScenario`). Consumer arrays have ROW last. */
export interface ModelScenario {
  horizonMonths: number;
  shocks: ModelShock[];
  /** Days of the consumer's own demand held in stock at month 0. */
  stockpileDays: Float64Array;
  /** Stockpile-sharing group per consumer (−1: none). */
  sharingGroup: Int32Array;
  /** Third countries' spare capacity, diversion and leakage respond (else only stockpiles do). */
  reroute: boolean;
  /** Alliance trade sharing: fraction of an unblocked group member's demand it passes to short members (see alliance-trade.ts). */
  tradeShare?: number;
}

/** Monthly outcome of one run. Volumes are shares of annual world supply; arrays are (C+1) × H. */
export interface ModelRun {
  params: ModelParams;
  state: MarketState;
  months: number;
  /** Monthly demand by consumer (= annual / 12). */
  monthlyDemand: Float64Array;
  blocked: Float64Array;
  replaced: Float64Array;
  draw: Float64Array;
  /** Unmet volume after replacement and stockpile draw. */
  unmet: Float64Array;
  /** Stock left at the end of the month. */
  stock: Float64Array;
  /** Relative price change of the material, by month (0.5 = +50 %). */
  price: Float64Array;
  /** Volume added by third countries' spare capacity, by month. */
  spare: Float64Array;
  /** Actor volume kept off the market (unsold, or lost in an outage), by month. */
  withheld: Float64Array;
}

/** Price changes are capped: beyond +500 % the linear rule means nothing. */
export const PRICE_CAP = 5;
const DAYS_PER_MONTH = 365 / 12;

/**
 * One Monte Carlo run: draw the uncertain parameters, then step the market month by month.
 *
 * @example
 * const run = runModel(market, scenario, DEFAULT_PARAMS, mulberry32(42));
 * run.unmet[0 * run.months + 3] / run.monthlyDemand[0] // consumer 0's shortfall in month 3
 */
export function runModel(market: Market, scenario: ModelScenario, params: Record<ParamName, ParamRange>, rng: Rng): ModelRun {
  return stepModel(market, scenario, drawParams(params, rng));
}

/**
 * The deterministic core: given one parameter realisation, per month t
 * 1. blocked β_c = Σ_a X[c][a] · (fraction removed from a) / 12, overlapping shocks composed by
 *    `shockComposer` (never more than the actor supplies, so β_c ≤ D_c / 12);
 * 2. ramp ρ = min(1, (t − start + 1) / rampUpMonths);
 * 3. replacement pool = min(B, L + V + S): leakage L = λρ·B_trade, diversion
 *    V = δρ·min(B_trade − L, third-country supply to untargeted consumers), spare capacity
 *    S = κρ·(third countries' output)/12; shared among blocked consumers in proportion to β_c;
 * 4. stockpiles cover what is left (see `drawStocks`);
 * 5. price Δp/p = min(cap, (unmet / world monthly supply) / (ε_s − ε_d)).
 * Shortfall of c = unmet_c / (D_c / 12).
 */
export function stepModel(market: Market, scenario: ModelScenario, p: ModelParams): ModelRun {
  const state = marketState(market, p.demandShareQuantile);
  const S = market.suppliers.length, N = market.consumers.length + 1, H = scenario.horizonMonths;
  const monthlyDemand = state.demand.map((d) => d / 12);
  const run: ModelRun = {
    params: p, state, months: H, monthlyDemand,
    blocked: new Float64Array(N * H), replaced: new Float64Array(N * H), draw: new Float64Array(N * H),
    unmet: new Float64Array(N * H), stock: new Float64Array(N * H), price: new Float64Array(H),
    spare: new Float64Array(H), withheld: new Float64Array(H),
  };
  const initial = new Float64Array(N);
  for (let c = 0; c < N; c++) initial[c] = (scenario.stockpileDays[c] / DAYS_PER_MONTH) * monthlyDemand[c];
  const stock = initial.slice();
  const gap = new Float64Array(N), draw = new Float64Array(N), short = new Float64Array(N);
  const composeMonth = shockComposer(N, S);
  const ramp = Math.max(1, p.rampUpMonths);
  const elasticity = Math.max(1e-6, p.supplyElasticity - p.demandElasticity);

  for (let t = 0; t < H; t++) {
    const { beta, isActor, untargeted, tradeBlocked, firstStart } = composeMonth(scenario.shocks, state, p, t);
    let B = 0;
    for (let c = 0; c < N; c++) B += beta[c];

    let pool = 0, spare = 0, leak = 0, divert = 0;
    if (scenario.reroute && B > 0) {
      const rho = Math.min(1, (t - firstStart + 1) / ramp);
      let thirdOutput = 0, thirdToFree = 0;
      for (let s = 0; s < S; s++) {
        if (isActor[s]) continue;
        thirdOutput += state.allocated[s];
        for (let c = 0; c < N; c++) if (untargeted[c]) thirdToFree += state.flows[c * S + s];
      }
      leak = p.leakage * rho * tradeBlocked;
      divert = p.diversion * rho * Math.min(tradeBlocked - leak, thirdToFree / 12);
      spare = (p.spareCapacity * rho * thirdOutput) / 12;
      const offered = leak + divert + spare;
      pool = Math.min(B, offered);
      // When more is offered than needed, every channel is scaled back alike.
      const used = offered > 0 ? pool / offered : 0;
      spare *= used;
      leak *= used;
      divert *= used;
    }
    run.spare[t] = spare;
    run.withheld[t] = tradeBlocked - leak - divert + (B - tradeBlocked);

    for (let c = 0; c < N; c++) {
      const r = B > 0 ? (pool * beta[c]) / B : 0;
      run.blocked[c * H + t] = beta[c];
      run.replaced[c * H + t] = r;
      gap[c] = Math.max(0, beta[c] - r);
    }
    drawStocks(gap, stock, initial, scenario.sharingGroup, p.stockpileDrawRate, draw);
    for (let c = 0; c < N; c++) short[c] = Math.max(0, gap[c] - draw[c]);
    if (scenario.tradeShare) shareIntake(short, beta, monthlyDemand, scenario.sharingGroup, scenario.tradeShare);
    let unmetWorld = 0;
    for (let c = 0; c < N; c++) {
      const u = short[c];
      run.draw[c * H + t] = draw[c];
      run.unmet[c * H + t] = u;
      run.stock[c * H + t] = stock[c];
      unmetWorld += u;
    }
    run.price[t] = Math.min(PRICE_CAP, (unmetWorld * 12) / elasticity);
  }
  return run;
}
