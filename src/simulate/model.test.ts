import { test } from "node:test";
import assert from "node:assert/strict";
import { stepModel, runModel } from "./model.ts";
import { marketState } from "./market.ts";
import { DEFAULT_PARAMS } from "./params.ts";
import { mulberry32 } from "./rng.ts";
import { exampleParams, scenarioOn, smallMarket } from "./fixture-market.ts";

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} ≠ ${b}`);

test("market state: targets' flows from demand × sourcing, ROW takes the rest", () => {
  const st = marketState(smallMarket(), 0.5);
  assert.deepEqual([...st.demand].map((x) => +x.toFixed(12)), [0.1, 0.2, 0.7]);
  assert.deepEqual([...st.flows].map((x) => +x.toFixed(12)), [0.1, 0, 0.1, 0.1, 0.6, 0.1]);
});

test("a full ban without rerouting: shortfall = dependence on the actor; price = gap / (εs − εd)", () => {
  const m = smallMarket();
  const run = stepModel(m, scenarioOn(m, { type: "export_ban" }, { reroute: false }), exampleParams());
  const H = run.months;
  close(run.unmet[0 * H + 0] / run.monthlyDemand[0], 1); // JPN sources only from CHN
  close(run.unmet[1 * H + 0] / run.monthlyDemand[1], 0.5); // DEU half
  close(run.price[0], 1); // world loses 0.2 of supply; 0.2 / (0.1 + 0.1)
  close(run.unmet[0 * H + 12], 0); // the ban ends after 12 months
  close(run.price[12], 0);
});

test("rerouting: leakage, diversion and spare capacity by hand (docs/simulator.md worked example)", () => {
  const m = smallMarket();
  const run = stepModel(m, scenarioOn(m, { type: "export_ban" }), exampleParams());
  const H = run.months;
  // B = 0.2/12; leak 0.1·B = 0.02/12; diversion 0.5·min(0.18, 0.1)/12 = 0.05/12; spare 0.1·0.2/12 = 0.02/12.
  // Pool 0.09/12 shared by β: JPN gets 0.045/12 of its 0.1/12 → shortfall 0.55; DEU 0.055/0.2 = 0.275.
  close(run.unmet[0 * H] / run.monthlyDemand[0], 0.55);
  close(run.unmet[1 * H] / run.monthlyDemand[1], 0.275);
  close(run.price[0], 0.55); // 0.11 / 0.2
  close(run.spare[0], 0.02 / 12);
});

test("a 60-day stockpile at a 50 % monthly release covers JPN's first two months almost fully", () => {
  const m = smallMarket();
  const run = stepModel(m, scenarioOn(m, { type: "export_ban" }, { reroute: false, stockDays: [60, 0] }), exampleParams());
  const H = run.months, stock0 = (60 / (365 / 12)) * run.monthlyDemand[0];
  close(run.draw[0], 0.5 * stock0);
  close(run.unmet[0] / run.monthlyDemand[0], 1 - 0.5 * stock0 / run.monthlyDemand[0]);
  close(run.draw[1], 0.5 * stock0);
  close(run.draw[2], 0);
  close(run.unmet[2] / run.monthlyDemand[0], 1);
  close(run.unmet[1 * H] / run.monthlyDemand[1], 0.5); // DEU holds nothing
});

test("quota in tonnes and a tariff cut the actor's flow by the documented rules", () => {
  const m = smallMarket();
  // Targets take 0.2 of world supply from CHN = 200 t/yr; a 50 t quota blocks 75 %.
  const q = stepModel(m, scenarioOn(m, { type: "quota", severity: 50 }, { reroute: false }), exampleParams());
  close(q.unmet[0] / q.monthlyDemand[0], 0.75);
  // A 25 % tariff with σ = 2: 1 − 1.25^−2 = 0.36.
  const t = stepModel(m, scenarioOn(m, { type: "import_tariff", severity: 0.25 }, { reroute: false }), exampleParams({ originSubstitution: 2 }));
  close(t.unmet[0] / t.monthlyDemand[0], 0.36);
});

test("runModel draws parameters from the seed: same seed, same run", () => {
  const m = smallMarket(), sc = scenarioOn(m, { severity: 0.8 });
  const a = runModel(m, sc, DEFAULT_PARAMS, mulberry32(9)), b = runModel(m, sc, DEFAULT_PARAMS, mulberry32(9));
  assert.deepEqual(a.params, b.params);
  assert.deepEqual([...a.unmet], [...b.unmet]);
  assert.ok(a.params.rampUpMonths >= 3 && a.params.rampUpMonths <= 18);
});
