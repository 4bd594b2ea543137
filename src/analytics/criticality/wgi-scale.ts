export type { WgiEstimate } from "../../domain/wgi.ts";
import type { WgiEstimate } from "../../domain/wgi.ts";

/** A country's governance score on the study's 0–10 scale (10 = worst) and what it rests on. */
export interface WgiScore {
  score: number;
  years: number[];
  estimates: number;
}

/**
 * Rescale a mean WGI estimate (−2.5 … +2.5, higher = better governed) to the EU method's 0–10
 * (higher = worse): (2.5 − mean)·2, clamped (a few estimates sit just outside ±2.5).
 * EC 2017 guidelines, section 3.3.
 *
 * @example scaleWgi(0) // 5
 */
export function scaleWgi(mean: number): number {
  return Math.min(10, Math.max(0, (2.5 - mean) * 2));
}

/**
 * Each country's scaled WGI over a vintage: the mean of the six dimensions (VA PV GE RQ RL CC) in
 * each chosen year, averaged over the years it has. A country with no estimate in those years is absent.
 *
 * @example
 * wgiScores([{ iso3: "CHN", year: 2021, indicator: "VA", estimate: -1.6 }, …], [2021]).get("CHN")?.score
 */
export function wgiScores(rows: readonly WgiEstimate[], years: readonly number[]): Map<string, WgiScore> {
  const want = new Set(years);
  const byCountryYear = new Map<string, Map<number, number[]>>();
  for (const r of rows) {
    if (!want.has(r.year) || !Number.isFinite(r.estimate)) continue;
    let ys = byCountryYear.get(r.iso3);
    if (!ys) byCountryYear.set(r.iso3, (ys = new Map()));
    let v = ys.get(r.year);
    if (!v) ys.set(r.year, (v = []));
    v.push(r.estimate);
  }
  const out = new Map<string, WgiScore>();
  for (const [iso3, ys] of byCountryYear) {
    const yearMeans = [...ys.values()].map((v) => v.reduce((a, b) => a + b, 0) / v.length);
    const mean = yearMeans.reduce((a, b) => a + b, 0) / yearMeans.length;
    const estimates = [...ys.values()].reduce((n, v) => n + v.length, 0);
    out.set(iso3, { score: scaleWgi(mean), years: [...ys.keys()].sort(), estimates });
  }
  return out;
}
