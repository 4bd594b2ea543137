// Alerts on the real store: events become default scenarios, simulated, and ranked by impact.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import { resolveBlocFrom } from "../src/domain/blocs.ts";
import { listCountries } from "../src/store/queries/countries.ts";
import { buildAlerts } from "../src/monitor/alerts/alerts.ts";
import type { MonitorEvent } from "../src/domain/monitor-event.ts";

const store = await openStore({ db: ":memory:" });
after(() => store.close());
const blocs = [resolveBlocFrom("ALLIANCE", await listCountries(store))];
const ev = (actor: string, material: string): MonitorEvent => ({
  type: "export_restriction", actor, targets: ["ALL"], products: [material], hsCodes: [],
  measureDate: "2023-08-01", rate: null, status: "announced", evidence: `${actor} restricts exports of ${material}.`,
});

test("a Chinese gallium restriction ranks above a low-exposure one (Chinese copper), both simulated", async () => {
  // Ranking, not materiality: copper's share at risk is under the default 1 % threshold, so it is lifted here.
  const alerts = await buildAlerts(store, [ev("CHN", "copper"), ev("CHN", "gallium")], [], blocs, { minShare: 0 });
  assert.deepEqual(alerts.map((a) => a.material), ["gallium", "copper"]);
  const [ga, cu] = alerts;
  assert.equal(ga.impactBasis, "simulated");
  // ALLIANCE gallium now includes Japan's imports under the HS 811292 basket (China 18.6 % of it), so
  // China's share of the alliance's gallium is about a quarter, not the EU's CN8 share alone.
  assert.ok(ga.supplierShare > 0.2 && cu.supplierShare < 0.02 && ga.supplierShare > 10 * cu.supplierShare, `shares ${ga.supplierShare} ${cu.supplierShare}`);
  assert.ok(ga.simulation!.peakShortfall.p50 > 5 * cu.simulation!.peakShortfall.p50);
  assert.equal(ga.impact, Math.round(((ga.simulation!.peakShortfall.p50 + ga.simulation!.peakShortfall.p95) / 2) * 1e6) / 1e6);
  // Cites evidence, exposure year and sources, the simulated market's year and sources.
  assert.equal(ga.evidence, "CHN restricts exports of gallium.");
  assert.ok(ga.sources.length >= 2 && ga.sources.every((s) => s.dataset && s.year));
  assert.ok(ga.simulation!.year >= 2020 && ga.simulation!.sources.length > 0);
});

test("the prefilled scenario has the event's actor, material, catalogue stage and targets", async () => {
  const [ga] = await buildAlerts(store, [ev("CHN", "gallium")], [], blocs);
  const s = ga.scenario!;
  assert.deepEqual(
    s.shocks.map((k) => [k.type, k.actor, k.material, k.stage, k.targets, k.severity, k.durationMonths]),
    [["export_restriction", "CHN", "gallium", "processing", ["ALL"], 0.5, 12]],
  );
  assert.deepEqual(s.report, ["ALLIANCE"]);
  assert.equal(s.year, 2023);
});

test("deterministic: the same events give identical alerts; a ban simulates worse than licensing", async () => {
  const a = await buildAlerts(store, [ev("CHN", "gallium")], [], blocs);
  const b = await buildAlerts(store, [ev("CHN", "gallium")], [], blocs);
  assert.deepEqual(a, b);
  const [ban] = await buildAlerts(store, [{ ...ev("CHN", "gallium"), type: "export_ban" }], [], blocs);
  assert.ok(ban.simulation!.peakShortfall.p50 > a[0].simulation!.peakShortfall.p50);
});

test("without simulation (--no-simulate) impact falls back to severity × supplier share", async () => {
  const alerts = await buildAlerts(store, [ev("CHN", "gallium")], [], blocs, { simulate: false });
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0].impactBasis, "exposure");
  assert.equal(alerts[0].simulation, null);
  assert.equal(alerts[0].impact, Math.round(0.5 * alerts[0].supplierShare * 1e6) / 1e6);
});
