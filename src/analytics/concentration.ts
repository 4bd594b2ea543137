/**
 * Concentration measures (DESIGN.md "Methods").
 * Shares are fractions 0–1; WGI scores on the EU's 0–10 scale (10 = worst governance).
 */

/**
 * Herfindahl–Hirschman index Σ sᵢ² on shares 0–1 (multiply by 10 000 for the usual scale).
 * @example hhi([0.5, 0.5]) // 0.5
 */
export function hhi(shares: readonly number[]): number {
  let s = 0;
  for (const x of shares) s += x * x;
  return s;
}

/**
 * WGI rescaled as in the EC 2017 guidelines: (2.5 − mean of the six WGI estimates) · 2,
 * so 0 = best and 10 = worst governance.
 * @example wgiScale([-0.5, -0.5, -0.5, -0.5, -0.5, -0.5]) // 6
 */
export function wgiScale(estimates: readonly number[]): number {
  const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
  return (2.5 - mean) * 2;
}

/**
 * Governance-weighted HHI: Σ S_c²·WGI_c·t_c / 10 000 with S in % — the same as Σ s_c²·WGI_c·t_c
 * with s in 0–1. On 0–10 (like WGI). Suppliers without a WGI score are left out and returned in
 * `missing`, so the caller can say so rather than fill silently.
 * @example governanceWeightedHhi([{ share: 1, wgi: 6 }]) // { value: 6, missing: [] }
 */
export function governanceWeightedHhi(
  suppliers: readonly { share: number; wgi: number | null | undefined; t?: number; country?: string }[],
): { value: number; missing: string[] } {
  let value = 0;
  const missing: string[] = [];
  for (const s of suppliers) {
    if (s.wgi === null || s.wgi === undefined) {
      if (s.share > 0) missing.push(s.country ?? "?");
      continue;
    }
    value += s.share * s.share * s.wgi * (s.t ?? 1);
  }
  return { value, missing };
}
