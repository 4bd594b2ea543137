import { band, round, type Band } from "../simulate/quantiles.ts";
import { mulberry32, triangular } from "../simulate/rng.ts";
import type { Store } from "../store/store.ts";
import { usImportsAll, type ImportLine } from "../store/queries/tariffs.ts";
import type { TariffContext } from "./book.ts";
import { PARTNERS_NOT_MODELLED } from "./coverage.ts";
import { EFFECT_PARAMETERS, PASS_THROUGH_SOURCE, type Parameter } from "./params.ts";

/** The modelled change in the exporter's US sales (customs value, USD) at the measures of a day. */
export interface TradeEffect {
  method: string;
  change: Band;
  changeShare: Band;
  runs: number;
  seed: number;
  parameters: Parameter[];
  /** HS chapters with the largest modelled loss at the parameters' modes. */
  byChapter: { hs: string; tradeValue: number; change: number }[];
  warnings: string[];
}

/** Per HS6 product: the exporter's 2024 value, its price change and the US import price index change. */
export interface Market { hs6: string[]; value: Float64Array; own: Float64Array; index: Float64Array }

/**
 * Price changes per HS6 at a day: for each partner, (1 + t1)/(1 + t0) − 1 with t0 the 2024 rate and t1 the
 * rate at the day; the index is their 2024-import-weighted mean over all Census partners (aggregates'
 * members such as SVK in EU27 skipped).
 */
export async function buildMarket(store: Store, ctx: TariffContext, exporter: string, day: string): Promise<Market> {
  const all = await usImportsAll(store);
  const members = new Set(ctx.partners.filter((p) => p.group).map((p) => p.id));
  const byPartner = new Map<string, ImportLine[]>();
  for (const l of all) if (!members.has(l.partner) || l.partner === exporter) (byPartner.get(l.partner) ?? byPartner.set(l.partner, []).get(l.partner)!).push(l);
  const agg = new Map<string, { v: number; d0: number; d1: number; xv: number; xd0: number; xd1: number; wsum: number }>();
  for (const [partner, lines] of byPartner) {
    const rules = ctx.book.active(partner, day);
    const inIndex = !members.has(partner);
    for (const l of lines) {
      if (l.value <= 0) continue;
      const t0 = l.duty / l.value, t1 = ctx.book.lineRate(l.hs10, t0, rules).total;
      const k = l.hs10.slice(0, 6);
      const a = agg.get(k) ?? { v: 0, d0: 0, d1: 0, xv: 0, xd0: 0, xd1: 0, wsum: 0 };
      if (inIndex) { a.v += l.value; a.wsum += l.value * ((1 + t1) / (1 + t0) - 1); }
      if (partner === exporter) { a.xv += l.value; a.xd0 += l.value * t0; a.xd1 += l.value * t1; }
      agg.set(k, a);
    }
  }
  const keys = [...agg].filter(([, a]) => a.xv > 0).map(([k]) => k).sort();
  const m: Market = { hs6: keys, value: new Float64Array(keys.length), own: new Float64Array(keys.length), index: new Float64Array(keys.length) };
  keys.forEach((k, i) => {
    const a = agg.get(k)!;
    m.value[i] = a.xv;
    m.own[i] = (1 + a.xd1 / a.xv) / (1 + a.xd0 / a.xv) - 1;
    m.index[i] = a.v > 0 ? a.wsum / a.v : m.own[i];
  });
  return m;
}

/**
 * Change in sales of one product (fraction) under CES demand with an Armington split between sources:
 * ((1 + own)/(1 + index))^(−σ) · (1 + index)^(−ε) − 1.
 * @example salesChange(0.1, 0.1, 1.5, 1.5) // (1.1)^-1.5 − 1 ≈ −0.1332
 */
export function salesChange(own: number, index: number, sigma: number, eps: number): number {
  return Math.pow((1 + own) / (1 + index), -sigma) * Math.pow(1 + index, -eps) - 1;
}

/** Monte Carlo over the elasticities: p5/p50/p95 of the change in the exporter's US sales. */
export async function tradeEffect(store: Store, ctx: TariffContext, exporter: string, day: string, opts: { runs: number; seed: number }): Promise<TradeEffect> {
  const m = await store.memo(`tariff-market:${exporter}:${day}`, () => buildMarket(store, ctx, exporter, day));
  const total = m.value.reduce((s, v) => s + v, 0);
  const rng = mulberry32(opts.seed);
  const { importDemand: E, substitution: S } = EFFECT_PARAMETERS;
  const out = new Float64Array(opts.runs);
  for (let r = 0; r < opts.runs; r++) {
    const eps = triangular(rng(), E.low, E.high, E.mode), sigma = triangular(rng(), S.low, S.high, S.mode);
    let d = 0;
    for (let i = 0; i < m.value.length; i++) d += m.value[i] * salesChange(m.own[i], m.index[i], sigma, eps);
    out[r] = d;
  }
  const chap = new Map<string, [number, number]>();
  for (let i = 0; i < m.value.length; i++) {
    const k = m.hs6[i].slice(0, 2), a = chap.get(k) ?? [0, 0];
    chap.set(k, [a[0] + m.value[i], a[1] + m.value[i] * salesChange(m.own[i], m.index[i], S.mode, E.mode)]);
  }
  const missing = Object.keys(PARTNERS_NOT_MODELLED).filter((p) => p !== exporter);
  return {
    method: "SMART-style partial equilibrium per HS6 product: CES import demand with Armington substitution between the 51 Census partners; tariffs fully passed through; 2024 values as quantities at world prices.",
    change: band(out, 0),
    changeShare: band(out.map((x) => x / total), 6),
    runs: opts.runs, seed: opts.seed,
    parameters: [E, S],
    byChapter: [...chap].map(([hs, [v, c]]) => ({ hs, tradeValue: Math.round(v), change: Math.round(c) })).sort((a, b) => a.change - b.change).slice(0, 10),
    warnings: [
      `Trade effect: ${PASS_THROUGH_SOURCE}`,
      `Trade effect: competitors' own IEEPA duties not in the measures table (${missing.join(", ")}) are missing from the US price index, so diversion away from ${exporter} is overstated where they compete; US domestic producers are not in the model (imports only, as in SMART).`,
    ],
  };
}
