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

/** The outcome of the critical test: `unassessed` when SR or EI cannot be computed for the bloc. */
export type AssessStatus = "critical" | "not-critical" | "undecided" | "unassessed";

/**
 * The critical flag with its status: unknown is never "not critical". `critical` is null when the SR
 * (without bounds) or the EI is unknown — `unassessed`, with the reason — or when the SR bounds
 * straddle the threshold (`undecided`). A lower SR bound that passes still makes it `critical`.
 * @example assessStatus(null, undefined, 3.1, ["no WGI for JPN"]) // { critical: null, status: "unassessed", statusReason: "supply risk cannot be computed: no WGI for JPN" }
 */
export function assessStatus(
  sr: number | null,
  srRange: [number, number] | undefined,
  ei: number | null,
  why: readonly string[],
): { critical: boolean | null; status: AssessStatus; statusReason?: string } {
  const w = criticalWithin(sr, srRange, ei);
  if (w.undecided) return { critical: null, status: "undecided", statusReason: `SR between ${srRange![0].toFixed(2)} and ${srRange![1].toFixed(2)} straddles ${SR_THRESHOLD}` };
  if (w.critical) return { critical: true, status: "critical" };
  const unknown = [sr === null && !srRange ? "supply risk" : "", ei === null ? "economic importance" : ""].filter(Boolean);
  if (unknown.length) {
    return { critical: null, status: "unassessed", statusReason: `${unknown.join(" and ")} cannot be computed${why.length ? `: ${why.slice(0, 2).join("; ")}` : ""}` };
  }
  return { critical: false, status: "not-critical" };
}

/** Round half up to one decimal, robust to binary noise. @example round1(0.95) // 1 */
export function round1(x: number): number {
  return Math.round(x * 10 + 1e-9) / 10;
}
