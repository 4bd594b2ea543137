import { test } from "node:test";
import assert from "node:assert/strict";
import { mulberry32, triangular } from "./rng.ts";

test("mulberry32 is deterministic for a seed and differs between seeds", () => {
  const a = mulberry32(42), b = mulberry32(42), c = mulberry32(43);
  const xs = Array.from({ length: 5 }, () => a());
  assert.deepEqual(xs, Array.from({ length: 5 }, () => b()));
  assert.notDeepEqual(xs, Array.from({ length: 5 }, () => c()));
  for (const x of xs) assert.ok(x >= 0 && x < 1);
});

test("mulberry32 is roughly uniform (mean of 10 000 draws near 0.5)", () => {
  const r = mulberry32(7);
  let s = 0;
  for (let i = 0; i < 10_000; i++) s += r();
  assert.ok(Math.abs(s / 10_000 - 0.5) < 0.01);
});

test("triangular maps quantiles onto [low, high] with the mode at its CDF point", () => {
  assert.equal(triangular(0, 1, 3, 2), 1);
  assert.equal(triangular(1, 1, 3, 2), 3);
  assert.equal(triangular(0.5, 1, 3, 2), 2); // symmetric: median = mode
  // Left-skewed mode at low: CDF(x) = 1 - ((high-x)/(high-low))^2 → median = high - (high-low)/√2
  assert.ok(Math.abs(triangular(0.5, 0, 1, 0) - (1 - 1 / Math.SQRT2)) < 1e-12);
  assert.equal(triangular(0.3, 2, 2), 2);
});
