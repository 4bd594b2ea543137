import type { Coverage } from "../../domain/coverage.ts";
import type { AssessStatus } from "./thresholds.ts";

/** How many materials are critical, and which could not be assessed and why ("N critical, M not assessable"). */
export interface StatusSummary {
  critical: number;
  notCritical: number;
  undecided: number;
  unassessed: { material: string; reason: string }[];
  /** "10 critical, 56 not assessable (supply risk cannot be computed …), 4 not critical" */
  text: string;
}

/**
 * Count an assessment's statuses; unassessed materials are listed with their reason, never counted
 * as not critical.
 *
 * @example statusSummary([{ material: "gallium", status: "critical" }, { material: "tin", status: "unassessed", statusReason: "SR cannot be computed" }]).text
 * // "1 critical, 1 not assessable (tin: SR cannot be computed), 0 not critical"
 */
export function statusSummary(ms: readonly { material: string; status: AssessStatus; statusReason?: string }[]): StatusSummary {
  const n = (s: AssessStatus) => ms.filter((m) => m.status === s).length;
  const unassessed = ms.filter((m) => m.status === "unassessed").map((m) => ({ material: m.material, reason: m.statusReason ?? "inputs missing" }));
  const reasons = [...new Set(unassessed.map((u) => u.reason))];
  const why = unassessed.length === 0 ? "" : reasons.length === 1 && unassessed.length > 1 ? ` (${reasons[0]})` : ` (${unassessed.slice(0, 6).map((u) => `${u.material}: ${u.reason}`).join("; ")}${unassessed.length > 6 ? "; …" : ""})`;
  const undecided = n("undecided");
  const text = `${n("critical")} critical, ${unassessed.length} not assessable${why}, ${n("not-critical")} not critical${undecided ? `, ${undecided} undecided` : ""}`;
  return { critical: n("critical"), notCritical: n("not-critical"), undecided, unassessed, text };
}

/**
 * An assessment's coverage: complete only when every material was assessed and every bloc sourcing
 * mix behind it is whole; warnings name what is not.
 *
 * @example assessmentCoverage(summary, [{ material: "rare-earths", coverage: { complete: false, warnings: ["truncated"] } }])
 */
export function assessmentCoverage(summary: StatusSummary, trade: readonly { material: string; coverage: Coverage }[]): Coverage {
  const warnings: string[] = [];
  if (summary.unassessed.length) warnings.push(`${summary.unassessed.length} not assessable: ${summary.unassessed.map((u) => `${u.material} (${u.reason})`).join("; ")}`);
  const partial = trade.filter((t) => !t.coverage.complete);
  for (const t of partial) warnings.push(`${t.material} sourcing incomplete: ${t.coverage.warnings.join("; ") || "not known to be whole"}`);
  return { complete: summary.unassessed.length === 0 && partial.length === 0, warnings };
}
