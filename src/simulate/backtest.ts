import { monthlyExports, type MonthlyExportRow } from "../store/queries/market.ts";
import type { Store } from "../store/store.ts";
import { validateScenario } from "./scenario.ts";
import { simulate } from "./simulate.ts";

/** A window of months, inclusive, as YYYYMM. */
export type Window = [number, number];

export interface PartnerChange {
  partner: string;
  pre: number;
  post: number;
  /** Observed fall: 1 − post / pre (negative = exports rose). */
  fall: number;
}

/**
 * Change in a reporter's exports by partner between two windows (absent months count as zero).
 * @example observedChange(rows, [202302, 202307], [202308, 202401], "quantity")
 */
export function observedChange(rows: MonthlyExportRow[], pre: Window, post: Window, field: "value" | "quantity"): PartnerChange[] {
  const acc = new Map<string, { pre: number; post: number }>();
  for (const r of rows) {
    const ym = r.year * 100 + r.month, v = r[field] ?? 0;
    const a = acc.get(r.partner) ?? { pre: 0, post: 0 };
    if (ym >= pre[0] && ym <= pre[1]) a.pre += v;
    else if (ym >= post[0] && ym <= post[1]) a.post += v;
    acc.set(r.partner, a);
  }
  return [...acc]
    .filter(([, a]) => a.pre > 0)
    .map(([partner, a]) => ({ partner, pre: a.pre, post: a.post, fall: 1 - a.post / a.pre }))
    .sort((x, y) => y.pre - x.pre || x.partner.localeCompare(y.partner));
}

/**
 * Spearman rank correlation (average ranks for ties).
 * @example spearman([1, 2, 3], [10, 20, 30]) // 1
 */
export function spearman(xs: number[], ys: number[]): number {
  const rx = ranks(xs), ry = ranks(ys), n = xs.length;
  const mx = rx.reduce((a, b) => a + b, 0) / n, my = ry.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : NaN;
}

function ranks(v: number[]): number[] {
  const idx = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(v.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
    for (let k = i; k <= j; k++) out[idx[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

export interface BacktestResult {
  product: string;
  pre: Window;
  post: Window;
  field: "value" | "quantity";
  observed: PartnerChange[];
  totalFall: number;
  /** Share of the reporter's exports going to the named intermediaries, before and after. */
  intermediaries: { partners: string[]; preShare: number; postShare: number };
  /** Partners the model follows: predicted peak shortfall (p50) next to the observed fall. */
  compared: { partner: string; predictedShortfall: number; chinaShare: number; observedFall: number }[];
  spearman: number;
}

/**
 * Back-test of China's August 2023 gallium/germanium export licensing: the model, run on
 * pre-episode (2022) flows with a restriction on every destination, ranks importers by
 * shortfall; compare with the observed fall in China's exports to each partner.
 *
 * @example const bt = await gaGeBacktest(store); bt.spearman
 */
export async function gaGeBacktest(
  store: Store,
  opts: { product?: string; pre?: Window; post?: Window; field?: "value" | "quantity"; runs?: number } = {},
): Promise<BacktestResult> {
  const product = opts.product ?? "811292", pre = opts.pre ?? [202302, 202307], post = opts.post ?? [202308, 202401];
  const field = opts.field ?? "quantity";
  const rows = await monthlyExports(store, "CHN", product, pre[0], post[1]);
  const observed = observedChange(rows, pre, post, field);
  // Totals over every partner, including those China only started exporting to after the controls.
  const all = observedChange(rows.map((r) => ({ ...r, partner: "WORLD" })), pre, post, field)[0];
  const sum = (k: "pre" | "post", set?: Set<string>) => observed.filter((o) => !set || set.has(o.partner)).reduce((a, o) => a + o[k], 0);
  const hubs = new Set(["HKG", "SGP"]);
  const scenario = validateScenario({
    name: "Back-test: China licenses gallium exports (Aug 2023)", year: 2022, horizonMonths: 6,
    shocks: [{ type: "export_restriction", actor: "CHN", material: "gallium", stage: "processing", targets: ["ALL"], severity: 0.5 }],
    responses: { stockpileDays: {}, reroute: true }, report: ["ALLIANCE"], runs: opts.runs ?? 200, seed: 2023,
  });
  const sim = await simulate(store, scenario);
  const market = sim.markets[0];
  const byPartner = new Map(observed.map((o) => [o.partner, o]));
  const compared = market.consumers
    .filter((c) => c.basis === "trade" && byPartner.has(c.id) && sim.targets[c.id])
    .map((c) => ({
      partner: c.id,
      predictedShortfall: sim.targets[c.id].peakShortfall.p50,
      chinaShare: c.actorShare.CHN,
      observedFall: Number(byPartner.get(c.id)!.fall.toFixed(4)),
    }));
  return {
    product, pre, post, field, observed,
    totalFall: all.fall,
    intermediaries: { partners: [...hubs], preShare: sum("pre", hubs) / all.pre, postShare: sum("post", hubs) / all.post },
    compared,
    spearman: spearman(compared.map((c) => c.predictedShortfall), compared.map((c) => c.observedFall)),
  };
}
