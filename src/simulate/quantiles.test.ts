import { test } from "node:test";
import assert from "node:assert/strict";
import { band, quantile, round } from "./quantiles.ts";

test("quantiles interpolate like R's type 7 (hand-computed)", () => {
  assert.deepEqual(band(Float64Array.of(5, 1, 4, 2, 3)), { p5: 1.2, p50: 3, p95: 4.8 });
  assert.equal(quantile(Float64Array.of(0, 10), 0.25), 2.5);
  assert.deepEqual(band(Float64Array.of(7)), { p5: 7, p50: 7, p95: 7 });
});

test("round keeps a fixed number of decimals and drops negative zero", () => {
  assert.equal(round(0.1234567, 3), 0.123);
  assert.ok(Object.is(round(-0.0000001, 3), 0));
});
