import { test } from "node:test";
import assert from "node:assert/strict";
import { ChokepointError } from "../domain/error.ts";
import { solvePlan } from "./solve-plan.ts";
import { supplier, testParams, threeSuppliers } from "./test-problems.ts";

const close = (a: number, b: number, tol = 1e-6) => assert.ok(Math.abs(a - b) <= tol, `${a} ≠ ${b}`);

// Demand 100 under a 65 % cap: CHN (10/t) fills to the cap, AUS (12/t) to its capacity 30, CAN (15/t)
// the last 5. Cost 650 + 360 + 75 = 1085. Marginal tonne comes from CAN: demand dual 15; a tonne
// more AUS capacity saves 15 − 12 = 3; a tonne more CHN headroom saves 15 − 10 = 5, i.e. 500 per unit share.
test("the 65 % cap: hand-solved volumes, cost and shadow prices", async () => {
  const sol = await solvePlan(threeSuppliers());
  assert.deepEqual(sol.partners[0].volumes, [65, 30, 5]);
  close(sol.objective, 1085);
  close(sol.partners[0].cost, 1085);
  assert.deepEqual(sol.capacityShadow, [0, 3, 0]);
  close(sol.capShadow[0], 500);
  assert.deepEqual(sol.binding.sort(), ["EU27 cap on CHN", "EU27 demand", "capacity of AUS"]);
});

// Min trusted 0.5: AUS+CAN ≥ 50, so CHN 50, AUS 30, CAN 20: cost 500 + 360 + 300 = 1160. Requiring one
// more trusted tonne swaps CHN for CAN: +5; the extra demand tonne now comes from CHN: 10.
test("a minimum trusted share: hand-solved plan and its dual", async () => {
  const sol = await solvePlan(threeSuppliers({ minTrusted: 0.5 }));
  assert.deepEqual(sol.partners[0].volumes, [50, 30, 20]);
  close(sol.objective, 1160);
  assert.deepEqual(sol.capacityShadow, [0, 3, 0]);
  assert.ok(sol.binding.includes("EU27 trusted share"));
  assert.ok(!sol.binding.includes("EU27 cap on CHN"));
});

test("without a cap the cheapest supplier takes everything", async () => {
  const sol = await solvePlan(threeSuppliers({ maxShare: 1 }));
  assert.deepEqual(sol.partners[0].volumes, [100, 0, 0]);
  close(sol.objective, 1000);
});

// One supplier, cut for 6 months with probability 0.5 a year: the exposure is 50 t per cut.
// Holding 20/t-yr < expected loss 0.5 × 100 = 50/t: stock all 50 t (cost 1000 + 1000), no shortfall.
// Holding 60 > 50: no stockpile, expected shortfall 0.5 × 50 = 25 t/yr costing 2500.
test("stockpile: held when cheaper than the expected loss it prevents", async () => {
  const one = (holdingCost: number) => ({
    partners: [{ id: "JPN", members: ["JPN"], demand: 100 }],
    suppliers: [supplier("CHN", 1000, 10, { disruption: 0.5 })],
    params: testParams({ maxShare: 1, voll: 100, holdingCost }),
  });
  const cheap = await solvePlan(one(20));
  close(cheap.partners[0].stockpile, 50);
  close(cheap.expectedShortfall, 0);
  close(cheap.objective, 2000);
  const dear = await solvePlan(one(60));
  close(dear.partners[0].stockpile, 0);
  close(dear.expectedShortfall, 25);
  close(dear.objective, 3500);
});

// Trusted capacity can be built: AUS may add 20 t/yr at 1/t-yr capex, so AUS (12 + 1) displaces CAN (15).
test("new trusted capacity is built when it beats the marginal supplier", async () => {
  const sol = await solvePlan(threeSuppliers({}, { AUS: { newCapacityMax: 20, capexPerTonne: 1 } }));
  assert.deepEqual(sol.partners[0].volumes, [65, 35, 0]);
  assert.deepEqual(sol.newCapacity, [0, 5, 0]);
  close(sol.objective, 650 + 35 * 12 + 5);
  close(sol.investmentCost, 5);
});

test("lumpy investment (MILP): capacity comes in whole blocks", async () => {
  const sol = await solvePlan(threeSuppliers({ investmentBlock: 8 }, { AUS: { newCapacityMax: 20, capexPerTonne: 1 } }));
  assert.deepEqual(sol.newCapacity, [0, 8, 0]); // one block of 8 for the 5 t needed
  assert.deepEqual(sol.partners[0].volumes, [65, 35, 0]);
  close(sol.objective, 650 + 35 * 12 + 8);
});

// CHN ≤ 65 and AUS + CAN = 20: only 85 of 100 can be met; without the cap CHN could take 80 %.
test("infeasible: names the cap and the smallest max-share that works", async () => {
  const p = threeSuppliers({}, { AUS: { available: 10 }, CAN: { available: 10 } });
  await assert.rejects(solvePlan(p), (e: unknown) => {
    assert.ok(e instanceof ChokepointError);
    assert.equal(e.code, "infeasible");
    assert.match(e.message, /smallest max-share that works is 0\.8\b/);
    assert.match(e.message, /85\.0 % of demand/);
    assert.deepEqual(e.problems.map((x) => [x.code, x.value]), [["demand", 0.85], ["max_share", 0.8]]);
    return true;
  });
});

test("infeasible: a trusted share beyond trusted capacity gives the largest that works", async () => {
  const p = threeSuppliers({ maxShare: 1, minTrusted: 0.5 }, { AUS: { available: 10 }, CAN: { available: 10 } });
  await assert.rejects(solvePlan(p), (e: ChokepointError) => {
    assert.match(e.message, /largest min-trusted that works is 0\.2 /);
    assert.deepEqual(e.problems.map((x) => [x.code, x.value]), [["min_trusted", 0.2]]);
    return true;
  });
});
