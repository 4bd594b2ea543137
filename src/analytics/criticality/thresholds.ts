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

/** Round half up to one decimal, robust to binary noise. @example round1(0.95) // 1 */
export function round1(x: number): number {
  return Math.round(x * 10 + 1e-9) / 10;
}
