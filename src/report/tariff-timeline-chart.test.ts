import { test } from "node:test";
import assert from "node:assert/strict";
import { endLabelY, timelineSvg } from "./tariff-timeline-chart.ts";

test("end labels closer than the gap are pushed apart symmetrically; far ones stay", () => {
  assert.deepEqual(endLabelY([100, 104], 12), [96, 108]);
  assert.deepEqual(endLabelY([50, 200], 12), [50, 200]);
  const three = endLabelY([100, 101, 102], 12);
  assert.ok(three[1] - three[0] >= 12 - 1e-9 && three[2] - three[1] >= 12 - 1e-9, String(three));
});

test("one dot per point, its tooltip the point's date and rate; y falls as the rate rises", () => {
  const svg = timelineSvg({
    title: "t", from: "2024-01-01", to: "2026-12-05", sources: [{ dataset: "x" }],
    series: [{ label: "JPN", points: [{ date: "2024-01-01", effectiveRate: 0.015 }, { date: "2025-04-05", effectiveRate: 0.129458 }] }],
  });
  const dots = [...svg.matchAll(/<circle class="step" cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>([^<]+)<\/title>/g)];
  assert.deepEqual(dots.map((d) => d[3]), ["JPN 2024-01-01: 1.5 %", "JPN 2025-04-05: 12.9 %"]);
  assert.ok(Number(dots[1][2]) < Number(dots[0][2]));
  assert.ok(Number(dots[1][1]) > Number(dots[0][1]));
});
