/** Whether the data behind a figure is known to be whole, and what is wrong or mixed in it (DESIGN "coverage"). */
export interface Coverage {
  complete: boolean;
  warnings: string[];
}

/**
 * Several figures' coverage as one: complete only when every part is, warnings de-duplicated in
 * order, each prefixed with its part's label when one is given.
 *
 * @example
 * mergeCoverage([{ label: "sourcing", coverage: { complete: false, warnings: ["truncated"] } }])
 * // { complete: false, warnings: ["sourcing: truncated"] }
 */
export function mergeCoverage(parts: { label?: string; coverage: Coverage }[]): Coverage {
  const warnings = parts.flatMap((p) => p.coverage.warnings.map((w) => (p.label ? `${p.label}: ${w}` : w)));
  return { complete: parts.every((p) => p.coverage.complete), warnings: [...new Set(warnings)] };
}
