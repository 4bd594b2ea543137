import type { SourceRef } from "../../domain/vocabulary.ts";
import type { Scenario } from "../../simulate/scenario.ts";
import type { MonitorEvent } from "../../domain/monitor-event.ts";
import { compareImpact, type SimulatedImpact } from "./impact.ts";
import { eventShock, type ShockSpec } from "./scenario.ts";

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

/** One ranked alert: an event or anomaly, the bloc it hits, what it puts at risk and why. */
export interface Alert {
  bloc: string;
  material: string;
  supplier: string;
  kind: "event" | "anomaly";
  summary: string;
  supplierShare: number; // exposure: the supplier's share of the bloc's supply
  severity: number; // fraction of the supplier's flow the default scenario blocks
  impact: number; // see impactOf: simulated peak shortfall (p50+p95)/2, else severity × share
  impactBasis: "simulated" | "exposure";
  simulation: SimulatedImpact | null;
  simulationNote?: string; // why there is no simulation
  scenario: Scenario | null; // the prefilled default scenario (chokepoint simulate accepts it as JSON)
  basis: string; // exposure basis: sourcing or production
  year: number; // exposure year
  evidence: string;
  sources: SourceRef[];
}

/** An alert before simulation, with the shock its scenario will be built from. */
export type Candidate = Alert & { shock: ShockSpec | null };

/** The supplier whose flow an event threatens: the actor of an export measure, the target of a sanction. */
export function supplierOf(e: MonitorEvent): string | null {
  if (e.type === "sanction") return e.targets.find((t) => t !== "ALL") ?? null;
  if (e.type === "export_ban" || e.type === "export_restriction" || e.type === "supply_disruption") return e.actor;
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
 * Alert candidates from events: one per bloc reached × product the bloc sources from the
 * supplier, with impact = severity × supplier share until a simulation replaces it.
 * @example rankEventAlerts(events, blocs, lookup, 2024)[0].impact
 */
export function rankEventAlerts(
  events: readonly MonitorEvent[],
  blocs: readonly { id: string; members: string[] }[],
  fact: (bloc: string, material: string, supplier: string) => ExposureFact | undefined,
  fallbackYear = 2024,
): Candidate[] {
  const out: Candidate[] = [];
  for (const e of events) {
    const supplier = supplierOf(e);
    const shock = eventShock(e, fallbackYear);
    if (!supplier || !shock) continue;
    const severity = shock.severity ?? 1;
    for (const b of blocs) {
      if (!reaches(e, b.members) || b.members.includes(supplier)) continue;
      for (const material of e.products) {
        const f = fact(b.id, material, supplier);
        if (!f || f.share <= 0) continue;
        out.push({
          bloc: b.id, material, supplier, kind: "event",
          summary: `${e.type.replace("_", " ")} by ${e.actor} (${e.status}${e.measureDate ? `, ${e.measureDate}` : ""})`,
          supplierShare: f.share, severity, impact: Math.round(severity * f.share * 1e6) / 1e6, impactBasis: "exposure",
          simulation: null, scenario: null, basis: f.basis, year: f.year, evidence: e.evidence, sources: f.sources, shock,
        });
      }
    }
  }
  return out.sort(compareImpact);
}
