import { test } from "node:test";
import assert from "node:assert/strict";
import type { MonitorEvent } from "../../domain/monitor-event.ts";
import { compareImpact, impactOf, type SimulatedImpact } from "./impact.ts";
import { rankEventAlerts, type ExposureFact } from "./rank.ts";

const ev = (over: Partial<MonitorEvent>): MonitorEvent => ({
  type: "export_restriction", actor: "CHN", targets: ["ALL"], products: ["gallium"], hsCodes: [],
  measureDate: "2023-08-01", rate: null, status: "announced", evidence: "…", ...over,
});
const blocs = [{ id: "JPN", members: ["JPN"] }, { id: "EU27", members: ["DEU", "FRA"] }];
const shares: Record<string, number> = { "JPN|gallium": 0.6, "EU27|gallium": 0.7, "JPN|antimony": 0.3 };
const fact = (bloc: string, material: string, supplier: string): ExposureFact | undefined =>
  shares[`${bloc}|${material}`] === undefined ? undefined
    : { bloc, material, supplier, share: shares[`${bloc}|${material}`], basis: "sourcing", year: 2023, sources: [{ dataset: "t", edition: "1" }], coverage: bloc === "JPN" ? { complete: false, warnings: ["t is truncated"] } : { complete: true, warnings: [] } };

test("before simulation, impact = severity × supplier share, ranked; a ban outranks a licence regime", () => {
  const a = rankEventAlerts([ev({}), ev({ type: "export_ban", targets: ["JPN"], products: ["antimony"] })], blocs, fact);
  assert.deepEqual(a.map((x) => [x.bloc, x.material, x.impact, x.impactBasis]), [
    ["EU27", "gallium", 0.35, "exposure"],
    ["JPN", "gallium", 0.3, "exposure"],
    ["JPN", "antimony", 0.3, "exposure"],
  ]);
  assert.deepEqual(a[2].shock, { type: "export_ban", actor: "CHN", targets: ["JPN"], label: "export ban by CHN (2023-08-01)", year: 2023 });
});

test("a measure aimed elsewhere, a lifted one, a tariff, and one by a bloc member raise no alert", () => {
  assert.equal(rankEventAlerts([ev({ targets: ["USA"] })], blocs, fact).length, 0);
  assert.equal(rankEventAlerts([ev({ status: "lifted" })], blocs, fact).length, 0);
  assert.equal(rankEventAlerts([ev({ type: "import_tariff", actor: "USA", targets: ["CHN"] })], blocs, fact).length, 0);
  assert.equal(rankEventAlerts([ev({ actor: "JPN" })], [{ id: "JPN", members: ["JPN"] }], fact).length, 0);
});

test("threats count half", () => {
  const [a] = rankEventAlerts([ev({ type: "export_ban", status: "threatened", targets: ["JPN"] })], blocs, fact);
  assert.equal(a.impact, 0.3);
  assert.equal(a.shock?.type, "export_restriction");
});

const sim = (p50: number, p95: number, va: number | null): SimulatedImpact => ({
  peakShortfall: { p5: 0, p50, p95 }, priceChange: { p5: 0, p50: 0, p95: 0 },
  valueAddedAtRisk: va === null ? null : { p5: 0, p50: va, p95: 0 }, year: 2023, runs: 1, seed: 1, sources: [], coverage: { complete: true, warnings: [] },
});

test("simulated impact is the mean of peak-shortfall p50 and p95; value added breaks ties", () => {
  assert.equal(impactOf({ severity: 1, share: 0.9, sim: sim(0.4, 0.6, null) }), 0.5);
  assert.equal(impactOf({ severity: 0.5, share: 0.9, sim: null }), 0.45);
  const rows = [
    { bloc: "A", impact: 0.5, simulation: sim(0.4, 0.6, 10) },
    { bloc: "B", impact: 0.5, simulation: sim(0.4, 0.6, 900) },
    { bloc: "C", impact: 0.7, simulation: null },
  ].sort(compareImpact);
  assert.deepEqual(rows.map((r) => r.bloc), ["C", "B", "A"]);
});

test("an alert carries its supplier share's coverage, the warning labelled with what it qualifies", () => {
  const a = rankEventAlerts([ev({})], blocs, fact);
  const jp = a.find((x) => x.bloc === "JPN")!;
  assert.deepEqual(jp.coverage, { complete: false, warnings: ["CHN's share (sourcing 2023): t is truncated"] });
  assert.deepEqual(a.find((x) => x.bloc === "EU27")!.coverage, { complete: true, warnings: [] });
});
