import { test } from "node:test";
import assert from "node:assert/strict";
import { stepModel } from "./model.ts";
import { mulberry32 } from "./rng.ts";
import { randomMarket, randomParams, scenarioOn } from "./fixture-market.ts";

// Property tests over 300 random markets each; a failure prints the seed to replay it.
const CASES = 300;
const EPS = 1e-12;

test("a larger severity never lowers any consumer's shortfall in any month", () => {
  for (let seed = 1; seed <= CASES; seed++) {
    const rng = mulberry32(seed);
    const m = randomMarket(rng), p = randomParams(rng);
    const lo = rng(), hi = lo + rng() * (1 - lo);
    const stock = m.consumers.map(() => (rng() < 0.5 ? rng() * 90 : 0));
    const a = stepModel(m, scenarioOn(m, { severity: lo }, { stockDays: stock }), p);
    const b = stepModel(m, scenarioOn(m, { severity: hi }, { stockDays: stock }), p);
    for (let i = 0; i < a.unmet.length; i++) assert.ok(b.unmet[i] >= a.unmet[i] - EPS, `seed ${seed} index ${i}`);
    for (let t = 0; t < a.months; t++) assert.ok(b.price[t] >= a.price[t] - EPS, `seed ${seed} price ${t}`);
  }
});

test("flows are conserved: the world matrix adds up, and every month supply received = production − withheld + spare + stock draws", () => {
  for (let seed = 1; seed <= CASES; seed++) {
    const rng = mulberry32(1000 + seed);
    const m = randomMarket(rng), p = randomParams(rng);
    const stock = m.consumers.map(() => rng() * 60);
    const run = stepModel(m, scenarioOn(m, { severity: rng() }, { stockDays: stock }), p);
    const S = m.suppliers.length, N = m.consumers.length + 1, H = run.months;
    for (let s = 0; s < S; s++) {
      let col = 0;
      for (let c = 0; c < N; c++) col += run.state.flows[c * S + s];
      assert.ok(Math.abs(col - run.state.allocated[s]) < 1e-12, `seed ${seed} supplier ${s}`);
      assert.ok(run.state.allocated[s] >= m.production[s] - 1e-12);
    }
    for (let c = 0; c < N; c++) {
      let row = 0;
      for (let s = 0; s < S; s++) row += run.state.flows[c * S + s];
      assert.ok(Math.abs(row - run.state.demand[c]) < 1e-12);
    }
    const world = run.state.allocated.reduce((a, b) => a + b, 0) / 12;
    for (let t = 0; t < H; t++) {
      let received = 0, drawn = 0;
      for (let c = 0; c < N; c++) {
        const i = c * H + t;
        received += run.monthlyDemand[c] - run.blocked[i] + run.replaced[i] + run.draw[i];
        drawn += run.draw[i];
        // Nobody receives more than they lost, and unmet = lost − replaced − drawn.
        assert.ok(run.replaced[i] + run.draw[i] <= run.blocked[i] + 1e-12);
        assert.ok(Math.abs(run.unmet[i] - (run.blocked[i] - run.replaced[i] - run.draw[i])) < 1e-12);
      }
      assert.ok(Math.abs(received - (world - run.withheld[t] + run.spare[t] + drawn)) < 1e-12, `seed ${seed} month ${t}`);
    }
  }
});

test("stockpiles only ever lower shortfall (never raise it), and lower it in the first month of a gap", () => {
  for (let seed = 1; seed <= CASES; seed++) {
    const rng = mulberry32(2000 + seed);
    const m = randomMarket(rng), p = randomParams(rng);
    const sev = 0.2 + 0.8 * rng();
    const days = m.consumers.map(() => 10 + rng() * 170);
    const none = stepModel(m, scenarioOn(m, { severity: sev }), p);
    const some = stepModel(m, scenarioOn(m, { severity: sev }, { stockDays: days }), p);
    for (let i = 0; i < none.unmet.length; i++) assert.ok(some.unmet[i] <= none.unmet[i] + EPS, `seed ${seed} index ${i}`);
    for (let c = 0; c < m.consumers.length; c++) {
      if (none.unmet[c * none.months] > 1e-9) assert.ok(some.unmet[c * none.months] < none.unmet[c * none.months], `seed ${seed} consumer ${c}`);
    }
  }
});

test("alliance sharing never makes the alliance as a whole worse off (total unmet volume, and cumulatively month by month)", () => {
  let strictlyBetter = 0;
  for (let seed = 1; seed <= CASES; seed++) {
    const rng = mulberry32(3000 + seed);
    const m = randomMarket(rng), p = randomParams(rng);
    const members = m.consumers.map((_, i) => i);
    const days = m.consumers.map(() => (rng() < 0.5 ? rng() * 120 : 0));
    const sc = { severity: 0.3 + 0.7 * rng() };
    const alone = stepModel(m, scenarioOn(m, sc, { stockDays: days }), p);
    const pooled = stepModel(m, scenarioOn(m, sc, { stockDays: days, sharing: members }), p);
    let ca = 0, cp = 0;
    for (let t = 0; t < alone.months; t++) {
      for (const c of members) {
        ca += alone.unmet[c * alone.months + t];
        cp += pooled.unmet[c * alone.months + t];
      }
      assert.ok(cp <= ca + 1e-12, `seed ${seed} month ${t}`);
    }
    if (cp < ca - 1e-9) strictlyBetter++;
  }
  assert.ok(strictlyBetter > 10, `sharing helped in only ${strictlyBetter} cases: the test would not notice a broken pool`);
});
