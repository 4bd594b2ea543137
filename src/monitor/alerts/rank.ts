import type { SourceRef } from "../../domain/vocabulary.ts";
import type { MonitorEvent } from "../extract/types.ts";

/**
 * How much of a supplier's flow a measure is assumed to stop, before any simulation:
 * a ban stops it, a licensing regime or sanction halves it (China's Ga/Ge exports fell by about
 * half in the months after licensing began), a disruption cuts a third. Threats count half; lifted
 * measures nothing. Documented in docs/monitoring.md; a simulated shortfall should replace these.
 */
export const SEVERITY: Record<string, number> = {
  export_ban: 1,
  export_restriction: 0.5,
  sanction: 0.5,
  supply_disruption: 0.3,
};

/** The exposure facts an alert needs for one bloc × material × supplier. */
export interface ExposureFact {
  bloc: string;
  material: string;
  supplier: string;
  share: number; // supplier's share of the bloc's supply (or of world supply), 0–1
  basis: "sourcing" | "production";
  year: number;
  sources: SourceRef[];
}

/** One ranked alert: an event or anomaly, the bloc it hits, and the share of supply at risk. */
export interface Alert {
  bloc: string;
  material: string;
  supplier: string;
  kind: "event" | "anomaly";
  summary: string;
  supplierShare: number;
  severity: number;
  impact: number; // severity × supplier share: the fraction of the bloc's supply at risk
  basis: string;
  year: number;
  evidence: string;
  sources: SourceRef[];
}

/** The supplier whose flow an event threatens: the actor of an export measure, the target of a sanction. */
export function supplierOf(e: MonitorEvent): string | null {
  if (e.type === "sanction") return e.targets.find((t) => t !== "ALL") ?? null;
  if (e.type in SEVERITY) return e.actor;
  return null;
}

/**
 * Does a measure reach the bloc? Yes when it names no country (ALL), a member, or the EU for an
 * EU bloc; sanctions reach the bloc when it (or its member) imposes them.
 * @example reaches({ ...ev, targets: ["ALL"] }, ["JPN"]) // true
 */
export function reaches(e: MonitorEvent, members: readonly string[]): boolean {
  if (e.type === "sanction") return e.actor !== null && (members.includes(e.actor) || (e.actor === "EU" && members.includes("DEU")));
  if (e.type === "supply_disruption") return true;
  return e.targets.some((t) => t === "ALL" || members.includes(t) || (t === "EU" && members.includes("DEU")));
}

/**
 * Alerts from events, ranked by impact (largest share of supply at risk first).
 * @example rankEventAlerts(events, blocs, lookup)[0].impact
 */
export function rankEventAlerts(
  events: readonly MonitorEvent[],
  blocs: readonly { id: string; members: string[] }[],
  fact: (bloc: string, material: string, supplier: string) => ExposureFact | undefined,
): Alert[] {
  const out: Alert[] = [];
  for (const e of events) {
    if (e.status === "lifted") continue;
    const supplier = supplierOf(e);
    if (!supplier) continue;
    const severity = (SEVERITY[e.type] ?? 0) * (e.status === "threatened" ? 0.5 : 1);
    for (const b of blocs) {
      if (!reaches(e, b.members) || b.members.includes(supplier)) continue;
      for (const material of e.products) {
        const f = fact(b.id, material, supplier);
        if (!f || f.share <= 0) continue;
        out.push({
          bloc: b.id, material, supplier, kind: "event",
          summary: `${e.type.replace("_", " ")} by ${e.actor} (${e.status}${e.measureDate ? `, ${e.measureDate}` : ""})`,
          supplierShare: f.share, severity, impact: severity * f.share, basis: f.basis, year: f.year,
          evidence: e.evidence, sources: f.sources,
        });
      }
    }
  }
  return out.sort((a, b) => b.impact - a.impact || a.bloc.localeCompare(b.bloc));
}
