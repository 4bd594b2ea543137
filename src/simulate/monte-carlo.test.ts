import { test } from "node:test";
import assert from "node:assert/strict";
import { monteCarlo, type TargetView } from "./monte-carlo.ts";
import { scenarioOn, smallMarket } from "./fixture-market.ts";
import { withOverrides } from "./params.ts";

const views: TargetView[] = [
  { key: "ALLIANCE", members: ["JPN", "DEU"], consumers: [0, 1] },
  { key: "JPN", members: ["JPN"], consumers: [0] },
  { key: "DEU", members: ["DEU"], consumers: [1] },
];

test("value added at risk by economy: each part's unmet share of its demand × its annual VA ÷ 12 × SI; a bloc adds its parts", () => {
  const m = smallMarket();
  // A 12-month ban without rerouting: JPN (all from CHN) misses 100 % a month, DEU (half) 50 %.
  const ms = scenarioOn(m, { type: "export_ban" }, { reroute: false, horizon: 24 });
  const va = { si: 0.5, parts: [{ region: "EU27", annualMeur: 240, all: [1] }, { region: "JPN", annualMeur: 120, all: [0] }] };
  const out = monteCarlo(m, ms, withOverrides({}), 3, 1, views, va);
  // JPN: 12 × 1 × 120/12 × 0.5 = 60; DEU: 12 × 0.5 × 240/12 × 0.5 = 60; the alliance both = 120.
  assert.ok(Math.abs(out.JPN.valueAddedAtRisk!.p50 - 60) < 1e-6, JSON.stringify(out.JPN.valueAddedAtRisk));
  assert.ok(Math.abs(out.DEU.valueAddedAtRisk!.p50 - 60) < 1e-6);
  assert.ok(Math.abs(out.ALLIANCE.valueAddedAtRisk!.p50 - 120) < 1e-6);
  // Without Japan's part, Japan's value added at risk is unknown (null), the alliance's the EU's alone.
  const euOnly = monteCarlo(m, ms, withOverrides({}), 3, 1, views, { si: 0.5, parts: [va.parts[0]] });
  assert.equal(euOnly.JPN.valueAddedAtRisk, null);
  assert.ok(Math.abs(euOnly.ALLIANCE.valueAddedAtRisk!.p50 - 60) < 1e-6);
});
