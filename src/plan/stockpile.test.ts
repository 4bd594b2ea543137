import { test } from "node:test";
import assert from "node:assert/strict";
import { parseScenario } from "../simulate/index.ts";
import { bisectDays, withBlocStockpile } from "./stockpile.ts";

test("bisection finds the smallest day that works, probing only O(log n) days", async () => {
  const probed: number[] = [];
  const d = await bisectDays(0, 1024, async (x) => (probed.push(x), x >= 317));
  assert.equal(d, 317);
  assert.ok(probed.length <= 10, `probed ${probed.length} days`);
  assert.equal(await bisectDays(0, 1, async (x) => x >= 1), 1);
});

test("the bloc's stockpile replaces every key inside the bloc; keys outside it stay", () => {
  const s = parseScenario(`name: t
year: 2023
shocks: [{ type: export_ban, actor: CHN, material: gallium, targets: [ALLIANCE] }]
responses: { stockpileDays: { JPN: 60, EU27: 0, USA: 90 }, allianceSharing: true }
report: [USA]
`);
  const inAlliance = (k: string) => k === "JPN" || k === "EU27";
  const out = withBlocStockpile(s, "ALLIANCE", inAlliance, 45);
  assert.deepEqual(out.responses.stockpileDays, { USA: 90, ALLIANCE: 45 });
  assert.deepEqual(out.report, ["USA", "ALLIANCE"]);
  assert.equal(out.responses.allianceSharing, true);
  assert.deepEqual(s.responses.stockpileDays, { JPN: 60, EU27: 0, USA: 90 }, "the input scenario is not modified");
});
