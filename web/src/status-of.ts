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

/**
 * Why a material is not assessable, in a few words an analyst can scan (the server's full reason stays
 * available per material): the groups the overview lists materials under.
 * @example causeOf("unassessed", "… 'gold' has no trade codes in the material catalogue …", "Japan") // "No customs codes for it in the trade data"
 */
export function causeOf(status: Verdict, reason: string, blocLabel: string): string {
  if (status === "undecided") return "Undecided: its supply-risk range straddles the threshold (SR 1)";
  if (/economic importance not computed|\bEI\b.*(missing|not computed)/i.test(reason)) return "Economic importance not computed";
  if (/no trade codes/i.test(reason)) return "No customs codes for it in the trade data";
  if (/no import data|no import records/i.test(reason)) return `No import records for ${blocLabel}`;
  if (/import reliance unknown|import reliance between/i.test(reason)) return "Import reliance unknown (production or trade in tonnes missing)";
  return "Another input of the method is missing";
}
