/** The three quantiles every uncertain figure is reported with. */
export interface Band {
  p5: number;
  p50: number;
  p95: number;
}

/**
 * p5/p50/p95 of a sample (linear interpolation between order statistics, R type 7), rounded
 * to `digits` decimals so the JSON is stable and readable. Sorts a copy.
 *
 * @example band(Float64Array.of(1, 2, 3, 4, 5)) // { p5: 1.2, p50: 3, p95: 4.8 }
 */
export function band(sample: Float64Array | Float32Array, digits = 6): Band {
  const s = Float64Array.from(sample).sort();
  return { p5: round(quantile(s, 0.05), digits), p50: round(quantile(s, 0.5), digits), p95: round(quantile(s, 0.95), digits) };
}

/** Quantile q of a sorted sample. @example quantile(Float64Array.of(0, 10), 0.25) // 2.5 */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q, lo = Math.floor(h), hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Round to a number of decimals (and turn −0 into 0). @example round(0.1234567, 3) // 0.123 */
export function round(x: number, digits: number): number {
  const r = Number(x.toFixed(digits));
  return r === 0 ? 0 : r;
}
