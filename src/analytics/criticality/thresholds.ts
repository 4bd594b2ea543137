/** The EU criticality thresholds (EC 2017 guidelines, unchanged in 2020 and 2023). */
export const SR_THRESHOLD = 1.0;
export const EI_THRESHOLD = 2.8;

/**
 * Critical when SR ≥ 1 and EI ≥ 2.8, both compared as the study publishes them: rounded to one decimal.
 * @example isCritical(0.96, 3.1) // true (0.96 is published as 1.0)
 */
export function isCritical(sr: number | null, ei: number | null): boolean {
  if (sr === null || ei === null) return false;
  return round1(sr) >= SR_THRESHOLD && round1(ei) >= EI_THRESHOLD;
}

/**
 * Critical from an SR that may be known only within bounds: when even the lower bound passes, the
 * material is critical whatever the missing input; when the bounds straddle the threshold, it is not
 * flagged, and `undecided` says so (the caller notes it in coverage).
 * @example criticalWithin(null, [1.4, 2.2], 3.0) // { critical: true, undecided: false }
 */
export function criticalWithin(sr: number | null, srRange: [number, number] | undefined, ei: number | null): { critical: boolean; undecided: boolean } {
  if (sr !== null || !srRange) return { critical: isCritical(sr, ei), undecided: false };
  const lo = isCritical(srRange[0], ei);
  const hi = isCritical(srRange[1], ei);
  return { critical: lo, undecided: lo !== hi };
}

/** Round half up to one decimal, robust to binary noise. @example round1(0.95) // 1 */
export function round1(x: number): number {
  return Math.round(x * 10 + 1e-9) / 10;
}
