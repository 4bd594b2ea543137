/** A material's verdict for a bloc: critical, not critical, undecided (SR only bounded across the line) or unassessed (an input missing). */
export type Verdict = "critical" | "not-critical" | "undecided" | "unassessed";

export type AssessedMaterial = {
  material: string; name: string; sr: number | null; srRange?: [number, number]; ei: number | null; critical: boolean | null; strategic: boolean;
  coverage: string[] | { complete: boolean; warnings: string[] };
  status?: Verdict; statusReason?: string; reasons?: string[];
};

const warnings = (c: AssessedMaterial["coverage"]) => (Array.isArray(c) ? c : c?.warnings ?? []);

/** The server's `status` and `statusReason` (src/analytics/criticality/thresholds.ts) when it sends them; otherwise derived the same way from the scores. */
export function verdict(m: AssessedMaterial): { status: Verdict; reasons: string[] } {
  const w = warnings(m.coverage);
  if (m.status) return { status: m.status, reasons: m.statusReason ? [m.statusReason] : m.reasons ?? (m.status === "unassessed" || m.status === "undecided" ? w : []) };
  const missing = w.filter((x) => /unavailable|not computed|missing|no import data|unknown/i.test(x));
  if (m.ei === null) return { status: "unassessed", reasons: missing.length ? missing : ["economic importance not computed"] };
  if (m.sr === null && !m.srRange) return { status: "unassessed", reasons: missing.length ? missing : ["supply risk not computed"] };
  if (m.critical) return { status: "critical", reasons: [] };
  if (m.sr === null && m.srRange && m.srRange[1] >= 1 && m.ei >= 2.8) return { status: "undecided", reasons: missing };
  return { status: "not-critical", reasons: [] };
}

/** A reason for people: drop the stage prefix and the bloc code repetition. */
export const reasonText = (r: string) => r.replace(/^(extraction|processing): /, "").replace(/^([A-Z0-9,]+) sourcing mix unavailable: /, "");
