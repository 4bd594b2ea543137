import { test } from "node:test";
import assert from "node:assert/strict";
import { compareSeparate } from "./compare.ts";
import { solvePlan } from "./solve-plan.ts";
import { supplier, testParams } from "./test-problems.ts";
import type { PlanProblem } from "./problem.ts";

const alliance = (jpnAvailable: number): PlanProblem => ({
  partners: [
    { id: "EU27", members: ["DEU"], demand: 60 },
    { id: "JPN", members: ["JPN"], demand: 40 },
  ],
  suppliers: [supplier("JPN", jpnAvailable, 5, { trusted: true }), supplier("CHN", 1000, 10)],
  params: testParams(),
  pooledStockpile: true,
});

// Japan's output (5/t) is in-alliance for the joint plan, so the EU may take all 60 t from it:
// joint cost 60·5 + 40·5 = 500. Alone, the EU counts Japan as a third country capped at 65 %:
// 39·5 + 21·10 = 405, plus Japan's 200 = 605. Dividend 105, all of it the EU's.
test("coordination dividend: hand-solved joint and separate costs, and who gains", async () => {
  const p = alliance(1000);
  const sol = await solvePlan(p);
  assert.equal(sol.objective, 500);
  const c = await compareSeparate(p, sol);
  assert.equal(c.jointCost, 500);
  assert.equal(c.separateCost, 605);
  assert.equal(c.dividend, 105);
  assert.deepEqual(c.partners.map((x) => [x.id, x.jointCost, x.separateCost, x.gain]), [["EU27", 300, 405, 105], ["JPN", 200, 200, 0]]);
  assert.equal(c.gainsMost, "EU27");
});

// Japanese capacity 70: alone, the EU asks for 39 t and Japan for 40 t (79 > 70), so each gets its
// request pro rata (70·39/79 and 70·40/79) and buys the rest from CHN at 10. All 70 t are used either
// way, so with linear costs the total is the same (650) and the dividend is zero; only the split moves.
test("competing for scarce capacity: requests split pro rata; no dividend when all of it is used anyway", async () => {
  const p = alliance(70);
  const sol = await solvePlan(p);
  assert.equal(sol.objective, 70 * 5 + 30 * 10);
  const c = await compareSeparate(p, sol);
  const eu = (70 * 39) / 79;
  const jp = (70 * 40) / 79;
  const close = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-6, `${a} vs ${b}`);
  close(c.partners[0].separateCost, eu * 5 + (60 - eu) * 10);
  close(c.partners[1].separateCost, jp * 5 + (40 - jp) * 10);
  close(c.separateCost, 650);
  close(c.dividend, 0);
});

test("a partner that cannot plan alone is reported, not hidden", async () => {
  // Min trusted 0.9 with only Japan trusted: the EU's cap on Japan (65 %) makes it infeasible alone.
  const p = { ...alliance(1000), params: testParams({ minTrusted: 0.9 }) };
  const c = await compareSeparate(p, await solvePlan(p));
  assert.equal(c.separateCost, null);
  assert.deepEqual(c.separateInfeasible.map((x) => x.partner), ["EU27"]);
  assert.match(c.separateInfeasible[0].reason, /largest min-trusted that works is 0\.65/);
});
