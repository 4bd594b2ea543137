import { test } from "node:test";
import assert from "node:assert/strict";
import type { Anomaly } from "../anomalies/detect.ts";
import type { MonitorEvent } from "../../domain/monitor-event.ts";
import { anomalyShock, defaultScenario, eventShock } from "./scenario.ts";

const ev = (over: Partial<MonitorEvent>): MonitorEvent => ({
  type: "export_restriction", actor: "CHN", targets: ["ALL"], products: ["gallium"], hsCodes: [],
  measureDate: "2023-08-01", rate: null, status: "announced", evidence: "…", ...over,
});

test("an event's scenario carries its actor, material, targets and the documented defaults", () => {
  const s = defaultScenario(eventShock(ev({ targets: ["JPN", "EU"] }), 2024)!, [{ material: "gallium", stage: "processing" }], ["ALLIANCE"]);
  assert.equal(s.year, 2023);
  assert.equal(s.horizonMonths, 24);
  assert.deepEqual(s.report, ["ALLIANCE"]);
  assert.equal(s.runs, 200);
  assert.equal(s.seed, 1);
  assert.deepEqual(s.shocks, [{ type: "export_restriction", actor: "CHN", material: "gallium", stage: "processing", targets: ["JPN", "EU27"], startMonth: 0, durationMonths: 12, severity: 0.5 }]);
});

test("type → shock: ban, sanction (the sanctioned supply to the sanctioning party), disruption, threat, none", () => {
  assert.deepEqual(eventShock(ev({ type: "export_ban", targets: ["USA"] }), 2024)?.type, "export_ban");
  const sanction = eventShock(ev({ type: "sanction", actor: "EU", targets: ["RUS"], measureDate: null }), 2024)!;
  assert.deepEqual([sanction.type, sanction.actor, sanction.targets, sanction.year], ["export_ban", "RUS", ["EU27"], 2024]);
  const outage = eventShock(ev({ type: "supply_disruption", actor: "MMR" }), 2024)!;
  assert.deepEqual([outage.type, outage.severity, outage.targets], ["outage", 0.3, ["ALL"]]);
  assert.equal(eventShock(ev({ status: "threatened" }), 2024)!.severity, 0.25);
  assert.equal(eventShock(ev({ type: "import_tariff" }), 2024), null);
  assert.equal(eventShock(ev({ actor: "EU" }), 2024), null);
});

test("a collapse withholds the lost fraction (rounded to 0.05) from the importer; WLD means every destination", () => {
  const a: Anomaly = {
    exporter: "CHN", importer: "JPN", material: "gallium", materials: ["gallium"], product: "811292", period: "2023-09",
    kind: "collapse", score: -9, baseline: 1000, observed: 120, unit: "USD", source: { dataset: "t", edition: "1" },
  };
  assert.deepEqual(anomalyShock(a), { type: "export_restriction", actor: "CHN", targets: ["JPN"], severity: 0.9, label: "collapse of CHN→JPN HS 811292 in 2023-09", year: 2023 });
  assert.deepEqual(anomalyShock({ ...a, importer: "WLD" })?.targets, ["ALL"]);
  assert.equal(anomalyShock({ ...a, kind: "spike" }), null);
});
