import { test } from "node:test";
import assert from "node:assert/strict";
import type { MonthlyFlow } from "../../store/queries/monitor.ts";
import { buildSeries, detectAnomalies } from "./detect.ts";

const row = (importer: string, year: number, month: number, value: number): MonthlyFlow => ({
  exporter: "CHN", importer, product: "811292", year, month, value, dataset: "test", edition: "t1",
});

// Two partners trade every month of 2021–2022; JPN stops in 2023-08 (absent rows), KOR goes on.
const rows: MonthlyFlow[] = [];
for (let y = 2021; y <= 2023; y++) {
  for (let m = 1; m <= 12; m++) {
    if (!(y === 2023 && m >= 8)) rows.push(row("JPN", y, m, 200_000));
    rows.push(row("KOR", y, m, 100_000));
  }
}

test("absent months are zeros and a stop is a collapse from its first month", () => {
  const series = buildSeries(rows, {});
  const jpn = series.find((s) => s.importer === "JPN")!;
  assert.equal(jpn.values.length, 36);
  assert.equal(jpn.values[31], 0);
  const a = detectAnomalies(series, new Map([["811292", ["gallium", "germanium"]]]));
  const first = a.filter((x) => x.importer === "JPN").sort((x, y) => x.period.localeCompare(y.period))[0];
  assert.equal(first.period, "2023-08");
  assert.equal(first.kind, "collapse");
  assert.equal(first.material, "gallium");
  assert.deepEqual(first.materials, ["gallium", "germanium"]);
  assert.equal(first.baseline, 200_000);
  assert.equal(first.observed, 0);
  assert.deepEqual(first.source, { dataset: "test", edition: "t1", year: 2023 });
  assert.equal(a.filter((x) => x.importer === "KOR").length, 0);
});

test("a bloc sums its members into one series", () => {
  const [s] = buildSeries(rows, { bloc: { id: "NE_ASIA", members: ["JPN", "KOR"] } });
  assert.equal(s.importer, "NE_ASIA");
  assert.equal(s.values[0], 300_000);
  assert.equal(s.values[35], 100_000);
});
