import { test } from "node:test";
import assert from "node:assert/strict";
import { shareIntake } from "./alliance-trade.ts";

test("shareIntake: the unblocked member passes share × its demand; the group's unmet total is unchanged", () => {
  const unmet = Float64Array.of(4, 0, 3);
  // consumer 2 is outside the group (−1): untouched.
  shareIntake(unmet, Float64Array.of(5, 0, 3), Float64Array.of(10, 20, 10), Int32Array.of(0, 0, -1), 0.1);
  assert.deepEqual([...unmet], [2, 2, 3]);
});

test("shareIntake: no more than the need is passed; share 0 or no group changes nothing", () => {
  const unmet = Float64Array.of(1, 0);
  shareIntake(unmet, Float64Array.of(1, 0), Float64Array.of(10, 100), Int32Array.of(0, 0), 0.5);
  assert.deepEqual([...unmet], [0, 1]);
  const u2 = Float64Array.of(1, 0);
  shareIntake(u2, Float64Array.of(1, 0), Float64Array.of(10, 100), Int32Array.of(0, 0), 0);
  shareIntake(u2, Float64Array.of(1, 0), Float64Array.of(10, 100), Int32Array.of(-1, -1), 0.5);
  assert.deepEqual([...u2], [1, 0]);
});
