import type { Coverage } from "../../domain/coverage.ts";
import type { AssessStatus } from "./thresholds.ts";

/** How many materials are critical, and which could not be assessed and why ("N critical, M not assessable"). */
export interface StatusSummary {
  critical: number;
  notCritical: number;
  undecided: number;
  /** each unassessed material with its full reason and the method inputs it lacks (short names) */
  unassessed: { material: string; reason: string; missing: string[] }[];
  /** the missing inputs counted over the unassessed materials, most frequent first (a material may lack several) */
  why: { input: string; materials: number }[];
  /** "20 critical, 38 not assessable (missing bloc sourcing mix 37, import reliance 27, …), 7 not critical, 5 undecided" */
  text: string;
}

/** The fields of an assessed material the summary reads. */
export interface SummaryInput {
  material: string;
  status: AssessStatus;
  statusReason?: string;
  ei?: number | null;
  stages?: { [stage: string]: { missing: string[] } | null | undefined };
}

/**
 * Count an assessment's statuses; unassessed materials are listed with their reason and the inputs
 * they lack, never counted as not critical. The text groups the reasons by missing input.
 *
 * @example statusSummary([{ material: "gallium", status: "critical" }, { material: "tin", status: "unassessed", statusReason: "SR cannot be computed", stages: { extraction: { missing: ["bloc sourcing mix"] } } }]).text
 * // "1 critical, 1 not assessable (missing bloc sourcing mix 1), 0 not critical"
 */
export function statusSummary(ms: readonly SummaryInput[]): StatusSummary {
  const n = (s: AssessStatus) => ms.filter((m) => m.status === s).length;
  const unassessed = ms.filter((m) => m.status === "unassessed").map((m) => ({ material: m.material, reason: m.statusReason ?? "inputs missing", missing: missingInputs(m) }));
  const counts = new Map<string, number>();
  for (const u of unassessed) for (const i of u.missing) counts.set(i, (counts.get(i) ?? 0) + 1);
  const why = [...counts].map(([input, materials]) => ({ input, materials })).sort((a, b) => b.materials - a.materials || a.input.localeCompare(b.input));
  const said = unassessed.length === 0 ? "" : why.length ? ` (missing ${why.map((w) => `${w.input} ${w.materials}`).join(", ")})` : ` (${unassessed[0].reason})`;
  const undecided = n("undecided");
  const text = `${n("critical")} critical, ${unassessed.length} not assessable${said}, ${n("not-critical")} not critical${undecided ? `, ${undecided} undecided` : ""}`;
  return { critical: n("critical"), notCritical: n("not-critical"), undecided, unassessed, why, text };
}

/** The method inputs a material lacks, in short form: the stages' missing inputs, a group's members' SR, EI. */
function missingInputs(m: SummaryInput): string[] {
  const out = new Set<string>();
  for (const s of Object.values(m.stages ?? {})) for (const x of s?.missing ?? []) out.add(x.startsWith("SR of ") ? "group members' SR" : x);
  if (m.ei === null) out.add("economic importance");
  return [...out];
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
