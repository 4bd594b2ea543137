import { stepModel, type ModelScenario, type ModelRun } from "./model.ts";
import { drawParams, type ParamName, type ParamRange } from "./params.ts";
import type { Market } from "./market.ts";
import { band, type Band } from "./quantiles.ts";
import { mulberry32 } from "./rng.ts";

/** A reported target: a bloc or a member, as the consumers it adds up. */
export interface TargetView {
  key: string;
  members: string[];
  consumers: number[];
  /** Which of those consumers are EU members (for value added at risk, an EU-only table). */
  euConsumers: number[];
}

/** Value added of the sectors using the material (EU 2023 study): Σ end-use share × sector VA, and SI_EI. */
export interface ValueAddedBasis {
  annualMeur: number;
  si: number;
  /** Indices of every EU consumer in the market (the denominator: EU demand). */
  euAll: number[];
}

export interface MonthBand {
  month: number;
  shortfall: Band;
  stockpile: Band;
  price: Band;
}

export interface TargetResult {
  members: string[];
  peakShortfall: Band;
  meanShortfall: Band;
  monthsCovered: Band;
  priceChange: Band;
  valueAddedAtRisk: Band | null;
  monthly: MonthBand[];
}

const DAYS_PER_MONTH = 365 / 12;

/**
 * Run the model `runs` times with parameters drawn from one seeded stream and summarise every
 * target: shortfall (fraction of its demand), stock left (days of its demand) and price by month,
 * and per run the peak shortfall, months of stockpile cover, peak price change and value added
 * at risk (million EUR over the horizon), each as p5/p50/p95.
 *
 * @example const out = monteCarlo(market, ms, DEFAULT_PARAMS, 1000, 42, views, null);
 */
export function monteCarlo(
  market: Market,
  ms: ModelScenario,
  ranges: Record<ParamName, ParamRange>,
  runs: number,
  seed: number,
  views: TargetView[],
  va: ValueAddedBasis | null,
  onRun?: (i: number) => void,
): Record<string, TargetResult> {
  const H = ms.horizonMonths, V = views.length;
  const short = views.map(() => new Float32Array(runs * H));
  const stock = views.map(() => new Float32Array(runs * H));
  const price = new Float32Array(runs * H);
  const peak = views.map(() => new Float64Array(runs));
  const mean = views.map(() => new Float64Array(runs));
  const covered = views.map(() => new Float64Array(runs));
  const pricePeak = new Float64Array(runs);
  const vaRisk = views.map(() => new Float64Array(runs));
  const rng = mulberry32(seed);
  for (let r = 0; r < runs; r++) {
    const run = stepModel(market, ms, drawParams(ranges, rng));
    let pp = 0;
    for (let t = 0; t < H; t++) {
      price[r * H + t] = run.price[t];
      pp = Math.max(pp, run.price[t]);
    }
    pricePeak[r] = pp;
    for (let v = 0; v < V; v++) summariseView(run, views[v], va, r, short[v], stock[v], peak[v], mean[v], covered[v], vaRisk[v]);
    onRun?.(r);
  }
  const out: Record<string, TargetResult> = {};
  const priceBands = Array.from({ length: H }, (_, t) => band(column(price, runs, H, t), 4));
  views.forEach((view, v) => {
    out[view.key] = {
      members: view.members,
      peakShortfall: band(peak[v], 4),
      meanShortfall: band(mean[v], 4),
      monthsCovered: band(covered[v], 2),
      priceChange: band(pricePeak, 4),
      valueAddedAtRisk: va && view.euConsumers.length ? band(vaRisk[v], 1) : null,
      monthly: Array.from({ length: H }, (_, t) => ({
        month: t,
        shortfall: band(column(short[v], runs, H, t), 4),
        stockpile: band(column(stock[v], runs, H, t), 1),
        price: priceBands[t],
      })),
    };
  });
  return out;
}

function summariseView(
  run: ModelRun, view: TargetView, va: ValueAddedBasis | null, r: number,
  short: Float32Array, stock: Float32Array, peak: Float64Array, mean: Float64Array, covered: Float64Array, vaRisk: Float64Array,
): void {
  const H = run.months;
  let demand = 0;
  for (const c of view.consumers) demand += run.monthlyDemand[c];
  let euDemand = 0;
  if (va) for (const c of va.euAll) euDemand += run.monthlyDemand[c];
  let pk = 0, sum = 0, months = 0, counting = true, started = false, atRisk = 0;
  for (let t = 0; t < H; t++) {
    let unmet = 0, left = 0, gap = 0, drawn = 0, euUnmet = 0;
    for (const c of view.consumers) {
      const i = c * H + t;
      unmet += run.unmet[i];
      left += run.stock[i];
      gap += run.blocked[i] - run.replaced[i];
      drawn += run.draw[i];
    }
    for (const c of view.euConsumers) euUnmet += run.unmet[c * H + t];
    const sf = demand > 0 ? unmet / demand : 0;
    short[r * H + t] = sf;
    stock[r * H + t] = demand > 0 ? (left / demand) * DAYS_PER_MONTH : 0;
    pk = Math.max(pk, sf);
    sum += sf;
    // Months of cover: from the first month with a gap, whole months fully covered plus the
    // covered fraction of the month the stock ran short.
    if (gap > 1e-15) started = true;
    if (started && counting) {
      if (drawn >= gap * (1 - 1e-9)) months += 1;
      else {
        months += gap > 0 ? drawn / gap : 0;
        counting = false;
      }
    }
    if (va && euDemand > 0) atRisk += (euUnmet / euDemand) * (va.annualMeur / 12) * va.si;
  }
  peak[r] = pk;
  mean[r] = sum / H;
  covered[r] = started ? months : H;
  vaRisk[r] = atRisk;
}

function column(a: Float32Array, runs: number, H: number, t: number): Float32Array {
  const out = new Float32Array(runs);
  for (let r = 0; r < runs; r++) out[r] = a[r * H + t];
  return out;
}

