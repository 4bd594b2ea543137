import type { SourceRef } from "../../domain/vocabulary.ts";
import { mergeCoverage, type Coverage } from "../../domain/coverage.ts";
import type { Scenario } from "../../simulate/scenario.ts";
import type { MonitorEvent } from "../../domain/monitor-event.ts";
import type { Band } from "../../simulate/quantiles.ts";
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
  /** How complete the exposure behind `share` is (a truncated source says so here). */
  coverage: Coverage;
}

/** One ranked alert: one signal (an event, a measure on record, a trade collapse), the bloc it hits, what it puts at risk and why. */
export interface Alert {
  /** The signal's identity: one alert per (signal, bloc). */
  signal: string;
  bloc: string;
  /** Headline material: the one the simulation hits hardest (else the largest supplier share). */
  material: string;
  /** Every material of the signal the bloc sources from the supplier. */
  materials: string[];
  /** A customs code that mixes materials (HS 811292: gallium, germanium, indium, …), or null. */
  basket: { code: string; materials: string[] } | null;
  supplier: string;
  kind: "event" | "restriction" | "anomaly";
  /** When the signal happened: the measure's date, the collapse's month (YYYY-MM). */
  date: string | null;
  summary: string;
  supplierShare: number; // exposure: the supplier's share of the bloc's supply (headline material)
  severity: number; // fraction of the supplier's flow the default scenario blocks
  /** severity × supplier share: the share of the bloc's supply at risk before any response. */
  shareAtRisk: number;
  /** Trade collapses: value lost against the baseline, USD in the month. */
  lostValueUsd: number | null;
  impact: number; // see impactOf: simulated peak shortfall (p50+p95)/2, else severity × share
  impactBasis: "simulated" | "exposure";
  /** The alert's own scenario's simulation (worst market), with every material's peak shortfall. */
  simulation: (SimulatedImpact & { material: string; byMaterial: { material: string; peakShortfall: Band }[] }) | null;
  simulationNote?: string; // why there is no simulation
  scenario: Scenario | null; // exactly the scenario behind `simulation` (chokepoint simulate accepts it as JSON)
  basis: string; // exposure basis: sourcing or production
  year: number; // exposure year
  evidence: string;
  sources: SourceRef[];
  /** How complete the figures are: the supplier share's exposure and, when simulated, the simulated market. */
  coverage: Coverage;
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
 * Alert candidates from events: one per event × bloc reached, naming every product the bloc
 * sources from the supplier (headline: the largest share), with impact = severity × supplier share
 * until a simulation replaces it.
 * @example rankEventAlerts(events, blocs, lookup, 2024)[0].impact
 */
export function rankEventAlerts(
  events: readonly (MonitorEvent & { kind?: "event" | "restriction"; id?: string })[],
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
      const facts = e.products.map((m) => fact(b.id, m, supplier)).filter((f): f is ExposureFact => !!f && f.share > 0);
      if (!facts.length) continue;
      const f = facts.reduce((a, x) => (x.share > a.share ? x : a));
      const kind = e.kind ?? "event";
      out.push({
        signal: `${kind}|${e.id ?? `${e.type}|${e.actor}|${e.targets.join(",")}|${e.products.join(",")}|${e.measureDate ?? ""}`}`,
        bloc: b.id, material: f.material, materials: facts.map((x) => x.material), basket: null, supplier, kind, date: e.measureDate,
        summary: kind === "restriction" ? `${e.evidence}` : `${e.type.replace("_", " ")} by ${e.actor} (${e.status}${e.measureDate ? `, ${e.measureDate}` : ""})`,
        supplierShare: f.share, severity, shareAtRisk: round6(severity * f.share), lostValueUsd: null,
        impact: round6(severity * f.share), impactBasis: "exposure",
        simulation: null, scenario: null, basis: f.basis, year: f.year, evidence: e.evidence, sources: f.sources, coverage: shareCoverage(f), shock,
      });
    }
  }
  return out.sort(compareImpact);
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The coverage of an alert's supplier share, its warnings labelled with what they qualify. */
export const shareCoverage = (f: ExposureFact): Coverage => mergeCoverage([{ label: `${f.supplier}'s share (${f.basis} ${f.year})`, coverage: f.coverage }]);
