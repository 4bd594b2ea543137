import { test } from "node:test";
import assert from "node:assert/strict";
import { benchmarkStatus } from "./crma.ts";
import { stockpileTarget } from "./japan.ts";

test("benchmark gaps: floors and the 65 % cap", () => {
  assert.deepEqual(benchmarkStatus("extraction", 0.03, "x"), { benchmark: "extraction", target: 0.1, current: 0.03, gap: 0.07, met: false, basis: "x" });
  assert.equal(benchmarkStatus("processing", 0.5, "x").met, true);
  assert.equal(benchmarkStatus("maxSingleThirdCountry", 0.71, "x").gap?.toFixed(2), "0.06");
  assert.equal(benchmarkStatus("recycling", null, "x").met, null);
});

test("JOGMEC: 60 days, 180 for high-risk metals", () => {
  assert.equal(stockpileTarget(10), 600);
  assert.equal(stockpileTarget(10, true), 1800);
});
