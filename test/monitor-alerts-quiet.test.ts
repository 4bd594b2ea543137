// Issue 14, Must show 3: `chokepoint alerts --bloc ALLIANCE --json` (listAlerts, which the CLI
// prints) has one alert per (signal, period, basket code) and none below the materiality threshold.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import { listAlerts } from "../src/monitor/alerts/list.ts";
import { MATERIALITY } from "../src/monitor/alerts/alerts.ts";
import { AlertsRequest } from "../src/monitor/request.ts";

const store = await openStore({ db: ":memory:" });
after(() => store.close());
const DATE = "2026-12-05";

test("ALLIANCE alerts: one per (signal, period, basket code); none below materiality; no 0.0 % alert; scenario is the one simulated", async () => {
  const out = await listAlerts(store, AlertsRequest.parse({ bloc: "ALLIANCE", runs: 100 }), { date: DATE });
  const keys = out.alerts.map((a) => `${a.signal}|${a.date}|${a.basket?.code ?? ""}`);
  assert.equal(new Set(keys).size, keys.length, `duplicates: ${keys.join("\n")}`);
  // HS 811292 mixes five materials: at most one alert names it, listing the basket.
  const basket = out.alerts.filter((a) => a.basket?.code === "811292");
  assert.ok(basket.length <= 1);
  for (const a of basket) assert.deepEqual(a.basket!.materials, ["gallium", "germanium", "indium", "niobium", "vanadium"]);
  for (const a of out.alerts) {
    assert.ok(a.shareAtRisk >= MATERIALITY.minShare, `${a.signal}: share at risk ${a.shareAtRisk}`);
    if (a.kind === "anomaly") assert.ok(a.lostValueUsd! >= MATERIALITY.minValueUsd, `${a.signal}: lost ${a.lostValueUsd}`);
    if (a.simulation) {
      assert.ok(a.impact >= 0.0005, `${a.signal}: 0.0 % alert`);
      // The scenario behind the number: its shocks are the alert's materials, its report has the bloc.
      assert.deepEqual(a.scenario!.shocks.map((k) => k.material).sort(), [...a.materials].sort());
      assert.ok(a.scenario!.report!.includes(a.bloc));
      assert.ok(a.materials.includes(a.simulation.material));
    }
  }
  // Measures on record appear as events, dated; the Japan ban reaches the alliance (Japan is a member).
  assert.ok(out.alerts.some((a) => a.kind === "restriction" && /2026 No\. 1/.test(a.signal) && a.date === "2026-01-06"));
  assert.deepEqual(out.groups.map((g) => g.count).reduce((x, y) => x + y, 0), out.alerts.length);
});

test("materiality: lowering the thresholds brings back the dips they dropped; since filters by date", async () => {
  const q = (over: object) => listAlerts(store, AlertsRequest.parse({ bloc: "JPN", simulate: false, months: 96, ...over }), { date: DATE });
  const strict = await q({});
  const loose = await q({ minValueUsd: 0, minShare: 0 });
  const dips = (x: typeof strict) => x.alerts.filter((a) => a.kind === "anomaly");
  assert.ok(dips(strict).every((a) => a.lostValueUsd! >= MATERIALITY.minValueUsd));
  assert.ok(dips(loose).some((a) => a.lostValueUsd! < MATERIALITY.minValueUsd));
  const recent = await q({ since: "2025-01-01" });
  assert.ok(recent.alerts.length > 0 && recent.alerts.every((a) => a.date! >= "2025-01"));
  assert.ok(recent.alerts.length < strict.alerts.length);
});
