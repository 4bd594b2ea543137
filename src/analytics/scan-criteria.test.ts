import { test } from "node:test";
import assert from "node:assert/strict";
import { dependencyCriteria, hhiFromSums } from "./scan-criteria.ts";

test("HHI from sums equals Σ s² on shares", () => {
  // Shares 0.9, 0.06, 0.04 → 0.81 + 0.0036 + 0.0016.
  assert.ok(Math.abs(hhiFromSums(900 ** 2 + 60 ** 2 + 40 ** 2, 1000) - 0.8152) < 1e-12);
  assert.equal(hhiFromSums(0, 0), 0);
});

test("all three Commission criteria met → dependent", () => {
  const c = dependencyCriteria({ extraImports: 1000, intraImports: 50, blocExports: 70, hhi: 0.8152 });
  assert.equal(c.concentration.met, true);
  assert.ok(Math.abs(c.importDependence.value! - 1000 / 1050) < 1e-12);
  assert.ok(Math.abs(c.substitutability.value! - 1000 / 70) < 1e-12);
  assert.equal(c.dependent, true);
});

test("thresholds are strict: HHI exactly 0.4 is not concentrated", () => {
  const c = dependencyCriteria({ extraImports: 100, intraImports: 0, blocExports: 10, hhi: 0.4 });
  assert.equal(c.concentration.met, false);
  assert.equal(c.dependent, false);
});

test("bloc exports above imports → substitutable, not dependent", () => {
  const c = dependencyCriteria({ extraImports: 500, intraImports: 0, blocExports: 800, hhi: 1 });
  assert.equal(c.substitutability.value, 500 / 800);
  assert.equal(c.substitutability.met, false);
  assert.equal(c.dependent, false);
});

test("intra-bloc supply above half of imports → not import-dependent", () => {
  const c = dependencyCriteria({ extraImports: 100, intraImports: 150, blocExports: 0, hhi: 0.9 });
  assert.equal(c.importDependence.met, false);
  // No bloc exports at all: the ratio is unbounded (null in JSON) and the criterion holds.
  assert.equal(c.substitutability.value, null);
  assert.equal(c.substitutability.met, true);
});
