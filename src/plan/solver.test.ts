import { test } from "node:test";
import assert from "node:assert/strict";
import { LpBuilder } from "./lp.ts";
import { renderLp } from "./lp-render.ts";
import { solveLp } from "./solver.ts";

// Hand-solved: min 2x + 3y s.t. x + y >= 10, x <= 4. Cheap x fills to 4, y takes 6: cost 26.
// Duals: one more unit of demand costs 3 (the marginal supplier y); one more unit of x capacity saves 1.
test("a tiny LP gives the hand-computed optimum and duals", async () => {
  const lp = new LpBuilder("min");
  const x = lp.addVar("x", { cost: 2 });
  const y = lp.addVar("y", { cost: 3 });
  const demand = lp.addRow("demand", [[x, 1], [y, 1]], { lo: 10 });
  const cap = lp.addRow("cap x", [[x, 1]], { hi: 4 });
  const r = await solveLp(lp.model);
  assert.equal(r.status, "optimal");
  assert.equal(r.objective, 26);
  assert.deepEqual(r.values, [4, 6]);
  assert.equal(r.rowDuals?.[demand], 3);
  assert.equal(r.rowDuals?.[cap], -1);
});

test("two-sided rows are split and their duals mapped back to one index", async () => {
  // min x s.t. 3 <= x <= 5: x = 3, the lower side binds with dual 1.
  const lp = new LpBuilder("min");
  const x = lp.addVar("x", { cost: 1 });
  const row = lp.addRow("range", [[x, 1]], { lo: 3, hi: 5 });
  assert.match(renderLp(lp.model), /r0_lo: 1 x0 >= 3\n r0_hi: 1 x0 <= 5/);
  const r = await solveLp(lp.model);
  assert.equal(r.values[x], 3);
  assert.equal(r.rowDuals?.[row], 1);
  assert.equal(r.rowActivity[row], 3);
});

test("infeasible models report status infeasible, not numbers", async () => {
  const lp = new LpBuilder("min");
  const x = lp.addVar("x", { cost: 1, ub: 2 });
  lp.addRow("need", [[x, 1]], { lo: 5 });
  const r = await solveLp(lp.model);
  assert.equal(r.status, "infeasible");
  assert.deepEqual(r.values, []);
});

test("integer variables make a MILP: lumpy blocks round up, duals are absent", async () => {
  // Build blocks of 4 to meet 10: 3 blocks (12), cost 3 * 5 = 15.
  const lp = new LpBuilder("min");
  const k = lp.addVar("blocks", { cost: 5, integer: true });
  lp.addRow("need", [[k, 4]], { lo: 10 });
  const r = await solveLp(lp.model);
  assert.equal(r.values[k], 3);
  assert.equal(r.objective, 15);
  assert.equal(r.rowDuals, undefined);
});

test("labels never reach the LP text; non-finite coefficients are rejected", () => {
  const lp = new LpBuilder("min");
  const x = lp.addVar("CHN: evil\nEnd", { cost: 1e-9 });
  lp.addRow("cap: x <= 1", [[x, 2.5e7]], { hi: 1 });
  const text = renderLp(lp.model);
  assert.doesNotMatch(text, /evil|cap:/);
  assert.match(text, /obj: 1e-9 x0/);
  lp.addRow("bad", [[x, NaN]], { hi: 1 });
  assert.throws(() => renderLp(lp.model), { code: "internal" });
});
