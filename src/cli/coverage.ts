import type { Coverage } from "../domain/coverage.ts";

/**
 * A figure's coverage for people: one "coverage: complete" line, or "coverage: INCOMPLETE" followed
 * by its warnings (the first `max`, then how many more `--json` lists).
 *
 * @example coverageLines({ complete: false, warnings: ["comtrade-japan-imports is truncated"] })
 * // ["coverage: INCOMPLETE (1 warning)", "  warning: comtrade-japan-imports is truncated"]
 */
export function coverageLines(c: Coverage, max = 8): string[] {
  const n = c.warnings.length;
  const head = c.complete ? `coverage: complete${n ? ` (${n} warning${n > 1 ? "s" : ""})` : ""}` : `coverage: INCOMPLETE (${n} warning${n === 1 ? "" : "s"})`;
  const more = n > max ? [`  … ${n - max} more (--json: coverage.warnings)`] : [];
  return [head, ...c.warnings.slice(0, max).map((w) => `  warning: ${w}`), ...more];
}
