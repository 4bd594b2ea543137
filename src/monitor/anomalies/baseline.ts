/** What the detector says about one month of a series. */
export interface MonthScore {
  index: number;
  observed: number;
  baseline: number;
  score: number;
  kind: "collapse" | "spike" | null;
}

/** Detector settings (defaults documented in docs/monitoring.md). */
export interface DetectOptions {
  window: number; // months of history in the rolling baseline
  threshold: number; // robust z-score beyond which a month is flagged
  minScale: number; // floor on the robust spread, in log units (0.3 ≈ ±35 %)
  ratio: number; // a collapse is also below baseline/ratio, a spike above baseline·ratio
  minBaseline: number; // USD: no flag while the median of the window is below this (tiny series)
  minActive: number; // months with trade in the window needed to flag (intermittent series)
  persist: number; // consecutive months beyond the threshold before a flag (1 = flag at once)
}

/**
 * Defaults. `minBaseline` USD 50 000 a month and `minActive` 9 of 12 months cut the false alarms
 * of small, intermittent partner series (1.47 → see docs/monitoring.md) where every gap and every
 * shipment used to flag; bench/anomaly-validation.ts prints the trade-off.
 */
export const DEFAULT_DETECT: DetectOptions = { window: 12, threshold: 3, minScale: 0.3, ratio: 2, minBaseline: 50_000, minActive: 9, persist: 1 };

/** The detector as first shipped (no size or regularity filter), kept for the validation benchmark. */
export const UNFILTERED_DETECT: DetectOptions = { ...DEFAULT_DETECT, minBaseline: 0, minActive: 0 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Score each month of a monthly value series against a seasonal, robust baseline:
 * on x = ln(1 + value/1000), the level is the median of the previous `window` months, the spread
 * 1.4826·MAD of the same months (floored at `minScale`), and the seasonal offset the median of the
 * residuals of the same calendar month in earlier years. score = (x − level − offset) / spread.
 * A month is a collapse when score ≤ −threshold and value < baseline/ratio; a spike when
 * score ≥ threshold and value > baseline·ratio, and only when the series is big and regular enough:
 * the window's median value ≥ minBaseline and at least minActive of its months with trade.
 * Months before the first full window get no score.
 *
 * @example
 * const s = scoreSeries([...Array(24).fill(100), 0], 0);
 * s.at(-1)!.kind // "collapse"
 */
export function scoreSeries(values: readonly number[], firstMonth: number, opts: DetectOptions = DEFAULT_DETECT): MonthScore[] {
  const x = values.map((v) => Math.log1p(Math.max(0, v) / 1000));
  const residuals: number[][] = Array.from({ length: 12 }, () => []);
  const out: MonthScore[] = [];
  let run: MonthScore["kind"] = null;
  let runLength = 0;
  for (let t = opts.window; t < x.length; t++) {
    const hist = x.slice(t - opts.window, t);
    const level = median(hist);
    const spread = Math.max(1.4826 * median(hist.map((h) => Math.abs(h - level))), opts.minScale);
    const moy = (firstMonth + t) % 12;
    const offset = residuals[moy].length >= 2 ? median(residuals[moy]) : 0;
    const expected = level + offset;
    const score = (x[t] - expected) / spread;
    const baseline = Math.expm1(expected) * 1000;
    const v = values[t];
    let kind: MonthScore["kind"] = null;
    const raw = values.slice(t - opts.window, t);
    const eligible = median(raw) >= opts.minBaseline && raw.filter((r) => r > 0).length >= opts.minActive;
    if (!eligible) kind = null;
    else if (score <= -opts.threshold && v < baseline / opts.ratio) kind = "collapse";
    else if (score >= opts.threshold && v > baseline * opts.ratio) kind = "spike";
    runLength = kind !== null && kind === run ? runLength + 1 : kind ? 1 : 0;
    run = kind;
    if (runLength < opts.persist) kind = null;
    out.push({ index: t, observed: v, baseline, score, kind });
    residuals[moy].push(x[t] - level);
  }
  return out;
}
