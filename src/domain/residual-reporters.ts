/**
 * Pseudo-reporters for a publisher's residual importer rows inside a group: EI/bp publish the EU's
 * LNG imports as member rows (Belgium, France, Italy, Spain…) plus one "Other EU" row for the
 * members they do not list by name. That row is loaded as reporter `XEU` (an ISO 3166 user-assigned
 * code) and counts for a bloc only when the bloc holds every EU member (EU27, ALLIANCE, KOR,EU27…).
 *
 * @example RESIDUAL_REPORTERS.XEU.label // "Other EU"
 */
export const RESIDUAL_REPORTERS = {
  XEU: {
    label: "Other EU",
    group: "EU27",
    note: "EU27 = the member rows of the EI/bp LNG matrix plus its 'Other EU' row (XEU: EU importers the edition does not list by name, not split by country)",
  },
} as const;

export type ResidualReporter = keyof typeof RESIDUAL_REPORTERS;

/** Whether a reporter code is a residual pseudo-reporter (e.g. "XEU"). */
export function isResidualReporter(code: string): code is ResidualReporter {
  return Object.hasOwn(RESIDUAL_REPORTERS, code);
}
