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
}

/** One economy's value added behind the material: Σ end-use share × sector VA, million EUR a year. */
export interface ValueAddedPart {
  /** EU27 (the study's EU sector value added) or JPN (OECD national IOT) */
  region: string;
  annualMeur: number;
  /** Indices of every consumer of that economy in the market (the denominator: its demand). */
  all: number[];
}

/** Value added of the sectors using the material, by economy, and the study's SI_EI. */
export interface ValueAddedBasis {
  si: number;
  parts: ValueAddedPart[];
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
  // Per view and part: the view's consumers that belong to the part's economy.
  const inPart = views.map((view) => (va?.parts ?? []).map((p) => view.consumers.filter((c) => p.all.includes(c))));
  const rng = mulberry32(seed);
  for (let r = 0; r < runs; r++) {
    const run = stepModel(market, ms, drawParams(ranges, rng));
    let pp = 0;
    for (let t = 0; t < H; t++) {
      price[r * H + t] = run.price[t];
      pp = Math.max(pp, run.price[t]);
    }
    pricePeak[r] = pp;
    for (let v = 0; v < V; v++) summariseView(run, views[v], va, inPart[v], r, short[v], stock[v], peak[v], mean[v], covered[v], vaRisk[v]);
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
      valueAddedAtRisk: va && inPart[v].some((cs) => cs.length) ? band(vaRisk[v], 1) : null,
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
  run: ModelRun, view: TargetView, va: ValueAddedBasis | null, inPart: number[][], r: number,
  short: Float32Array, stock: Float32Array, peak: Float64Array, mean: Float64Array, covered: Float64Array, vaRisk: Float64Array,
): void {
  const H = run.months;
  let demand = 0;
  for (const c of view.consumers) demand += run.monthlyDemand[c];
  // Each economy's value added is apportioned by its consumers' unmet share of its whole demand.
  const partDemand = (va?.parts ?? []).map((p) => p.all.reduce((a, c) => a + run.monthlyDemand[c], 0));
  let pk = 0, sum = 0, months = 0, counting = true, started = false, atRisk = 0;
  for (let t = 0; t < H; t++) {
    let unmet = 0, left = 0, gap = 0, drawn = 0;
    for (const c of view.consumers) {
      const i = c * H + t;
      unmet += run.unmet[i];
      left += run.stock[i];
      gap += run.blocked[i] - run.replaced[i];
      drawn += run.draw[i];
    }
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
    if (va) {
      for (let p = 0; p < va.parts.length; p++) {
        if (!inPart[p].length || partDemand[p] <= 0) continue;
        let partUnmet = 0;
        for (const c of inPart[p]) partUnmet += run.unmet[c * H + t];
        atRisk += (partUnmet / partDemand[p]) * (va.parts[p].annualMeur / 12) * va.si;
      }
    }
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

