import { validateScenario, type Scenario } from "../../simulate/scenario.ts";
import type { Anomaly } from "../anomalies/detect.ts";
import type { MonitorEvent } from "../../domain/monitor-event.ts";

/**
 * Defaults of the scenario built from an event (documented in docs/monitoring.md). They are
 * assumptions, stated as such: a licensing regime holds up half the actor's flows (China's Ga/Ge
 * exports fell by about half in the months after licensing began), a disruption takes 30 % of
 * the actor's output, a threat counts half; every shock lasts 12 months of a 24-month horizon.
 */
export const DEFAULT_SCENARIO = {
  restrictionSeverity: 0.5,
  outageSeverity: 0.3,
  threatFactor: 0.5,
  durationMonths: 12,
  horizonMonths: 24,
  runs: 200,
  seed: 1,
  stockpileDays: { JPN: 60, EU27: 0 } as Record<string, number>, // JOGMEC's 60-day target; no public EU stock
};

/** The shock an alert simulates, before it is wrapped into a scenario. */
export interface ShockSpec {
  type: "export_ban" | "export_restriction" | "outage";
  actor: string;
  targets: string[];
  severity?: number;
  label: string; // what the scenario stands for, for its name
  year: number;
  /** How long the shock lasts (default DEFAULT_SCENARIO.durationMonths); a collapse lasts as many months as it has. */
  durationMonths?: number;
}

const ISO3 = /^[A-Z]{3}$/;
const round2 = (x: number) => Math.round(x * 100) / 100;
const target = (t: string) => (t === "EU" ? "EU27" : t);

/**
 * The shock a monitored event stands for, or null when it threatens no supply (tariffs,
 * agreements, lifted measures, an actor that is not one country).
 * Ban → export_ban; restriction → export_restriction 0.5; sanction → the sanctioned country's
 * supply to the sanctioning party stops (export_ban by the target); disruption → outage 0.3.
 * A threatened ban becomes a 0.5 restriction, a threatened restriction 0.25.
 *
 * @example eventShock({ type: "export_ban", actor: "CHN", targets: ["JPN"], status: "announced", … }, 2024)
 * // { type: "export_ban", actor: "CHN", targets: ["JPN"], … }
 */
export function eventShock(e: MonitorEvent, fallbackYear: number): ShockSpec | null {
  if (e.status === "lifted") return null;
  const year = e.measureDate ? Number(e.measureDate.slice(0, 4)) : fallbackYear;
  const threat = e.status === "threatened" ? DEFAULT_SCENARIO.threatFactor : 1;
  const label = `${e.type.replace("_", " ")} by ${e.actor}${e.measureDate ? ` (${e.measureDate})` : ""}`;
  if (e.type === "sanction") {
    const actor = e.targets.find((t) => ISO3.test(t));
    if (!actor || !e.actor) return null;
    return withThreat({ type: "export_ban", actor, targets: [target(e.actor)], label: `sanction by ${e.actor} on ${actor}`, year }, threat);
  }
  if (!e.actor || !ISO3.test(e.actor)) return null;
  const targets = e.targets.length ? e.targets.map(target) : ["ALL"];
  if (e.type === "export_ban") return withThreat({ type: "export_ban", actor: e.actor, targets, label, year }, threat);
  if (e.type === "export_restriction") return { type: "export_restriction", actor: e.actor, targets, severity: round2(DEFAULT_SCENARIO.restrictionSeverity * threat), label, year };
  if (e.type === "supply_disruption") return { type: "outage", actor: e.actor, targets: ["ALL"], severity: round2(DEFAULT_SCENARIO.outageSeverity * threat), label, year };
  return null;
}

function withThreat(s: ShockSpec, threat: number): ShockSpec {
  return threat === 1 ? s : { ...s, type: "export_restriction", severity: round2(threat) };
}

/**
 * The shock a trade collapse stands for: the exporter withholds the lost fraction of the flow
 * (rounded to 0.05, so similar collapses share one simulation) from the importer (WLD → ALL).
 * @example anomalyShock({ exporter: "CHN", importer: "JPN", baseline: 100, observed: 0, … }) // severity 1
 */
export function anomalyShock(a: Anomaly): ShockSpec | null {
  if (a.kind !== "collapse" || a.baseline <= 0) return null;
  const lost = Math.round(Math.max(0, Math.min(1, 1 - a.observed / a.baseline)) * 20) / 20;
  if (lost <= 0) return null;
  const targets = a.importer === "WLD" ? ["ALL"] : [a.importer];
  return { type: "export_restriction", actor: a.exporter, targets, severity: lost, label: `collapse of ${a.exporter}→${a.importer} HS ${a.product} in ${a.period}`, year: Number(a.period.slice(0, 4)) };
}

/**
 * A complete, valid scenario for one shock on one or more materials (one shock each, stage from
 * the catalogue), reporting the given blocs. Deterministic: fixed runs and seed.
 *
 * @example defaultScenario(eventShock(ev, 2024)!, [{ material: "gallium", stage: "processing" }], ["ALLIANCE"]).shocks[0].actor // "CHN"
 */
export function defaultScenario(
  s: ShockSpec,
  materials: readonly { material: string; stage: string | undefined }[],
  report: readonly string[],
): Scenario {
  const d = DEFAULT_SCENARIO;
  return validateScenario({
    name: `${s.label}: ${materials.map((m) => m.material).join(", ")} → ${s.targets.join(", ")}`,
    description: "Default scenario built by chokepoint alerts from a monitored event (defaults in docs/monitoring.md).",
    year: Math.min(2100, Math.max(2000, s.year)),
    horizonMonths: d.horizonMonths,
    shocks: materials.map(({ material, stage }) => ({
      type: s.type, actor: s.actor, material, ...(stage ? { stage } : {}), targets: s.targets,
      startMonth: 0, durationMonths: s.durationMonths ?? d.durationMonths, ...(s.severity !== undefined ? { severity: s.severity } : {}),
    })),
    responses: { stockpileDays: d.stockpileDays, allianceSharing: false, reroute: true },
    report: [...report],
    runs: d.runs,
    seed: d.seed,
  });
}
