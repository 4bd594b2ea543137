import { test } from "node:test";
import assert from "node:assert/strict";
import { governanceWeightedHhi, hhi, wgiScale } from "./concentration.ts";

test("HHI by hand: shares 60/30/10 → 0.36 + 0.09 + 0.01 = 0.46 (4 600)", () => {
  assert.ok(Math.abs(hhi([0.6, 0.3, 0.1]) - 0.46) < 1e-12);
  assert.equal(hhi([1]), 1);
  assert.equal(hhi([]), 0);
});

test("WGI rescaling: mean 2.5 → 0 (best), mean −2.5 → 10 (worst), mean −0.5 → 6", () => {
  assert.equal(wgiScale([2.5, 2.5, 2.5, 2.5, 2.5, 2.5]), 0);
  assert.equal(wgiScale([-2.5, -2.5, -2.5, -2.5, -2.5, -2.5]), 10);
  assert.ok(Math.abs(wgiScale([-1, 0, -1, 0, -0.5, -0.5]) - 6) < 1e-12);
});

test("governance-weighted HHI by hand, in % form Σ S²·WGI·t / 10 000", () => {
  // 80 % at WGI 6, 20 % at WGI 2, t = 1: (6400·6 + 400·2) / 10 000 = 3.92
  const r = governanceWeightedHhi([
    { share: 0.8, wgi: 6, country: "AAA" },
    { share: 0.2, wgi: 2, country: "BBB" },
  ]);
  assert.ok(Math.abs(r.value - 3.92) < 1e-12);
  // a trade variable of 1.2 on the first supplier: (6400·6·1.2 + 400·2) / 10 000 = 4.688
  const t = governanceWeightedHhi([
    { share: 0.8, wgi: 6, t: 1.2 },
    { share: 0.2, wgi: 2 },
  ]);
  assert.ok(Math.abs(t.value - 4.688) < 1e-12);
});

test("suppliers without a WGI score are reported, not filled", () => {
  const r = governanceWeightedHhi([
    { share: 0.5, wgi: 4, country: "AAA" },
    { share: 0.5, wgi: null, country: "TWN" },
  ]);
  assert.equal(r.value, 1);
  assert.deepEqual(r.missing, ["TWN"]);
});
