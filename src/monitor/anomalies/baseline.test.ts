import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_DETECT, scoreSeries } from "./baseline.ts";

test("a flat series that drops to zero is a collapse with the hand-computed score", () => {
  const s = scoreSeries([...Array(24).fill(100_000), 0], 0);
  const last = s.at(-1)!;
  assert.equal(last.kind, "collapse");
  // level ln(1+100) = 4.615, spread floored at 0.3, observed ln(1) = 0 → score −15.38.
  assert.ok(Math.abs(last.score - -Math.log(101) / 0.3) < 1e-9);
  assert.ok(Math.abs(last.baseline - 100_000) < 1e-6);
  assert.ok(s.slice(0, -1).every((m) => m.kind === null));
});

test("a tripling is a spike; noise within the spread is not flagged", () => {
  const noisy = Array.from({ length: 36 }, (_, i) => 100_000 * (1 + 0.2 * Math.sin(i)));
  assert.ok(scoreSeries(noisy, 0).every((m) => m.kind === null));
  const s = scoreSeries([...noisy, 400_000], 0);
  assert.equal(s.at(-1)!.kind, "spike");
});

test("a recurring seasonal dip is absorbed by the same-month offset after two years", () => {
  // Every January (month index 0) trade halves: a Lunar-New-Year-like pattern.
  const v = Array.from({ length: 60 }, (_, i) => (i % 12 === 0 ? 20_000 : 100_000));
  const jan = scoreSeries(v, 0).filter((m) => m.index % 12 === 0);
  assert.equal(jan[0].kind, "collapse", "first January: no seasonal history yet");
  assert.equal(jan.at(-1)!.kind, null, "by the fourth year the dip is expected");
});

test("a tiny series (median under minBaseline) and an intermittent one (few active months) are not flagged", () => {
  const tiny = scoreSeries([...Array(24).fill(10_000), 0], 0);
  assert.equal(tiny.at(-1)!.kind, null, "USD 10 000 a month is under the 50 000 floor");
  assert.equal(scoreSeries([...Array(24).fill(10_000), 0], 0, { ...DEFAULT_DETECT, minBaseline: 0 }).at(-1)!.kind, "collapse");
  // Shipments in 8 of every 12 months: median 100 000 but only 8 active months in any window.
  const gappy = Array.from({ length: 36 }, (_, i) => (i % 3 === 0 ? 0 : 100_000));
  const big = scoreSeries([...gappy, 900_000], 0);
  assert.equal(big.at(-1)!.kind, null);
  assert.equal(scoreSeries([...gappy, 900_000], 0, { ...DEFAULT_DETECT, minActive: 8 }).at(-1)!.kind, "spike");
});

test("persist = 2 flags the second month of a collapse, not the first", () => {
  const s = scoreSeries([...Array(24).fill(100_000), 0, 0], 0, { ...DEFAULT_DETECT, persist: 2 });
  assert.deepEqual(s.slice(-2).map((m) => m.kind), [null, "collapse"]);
});
