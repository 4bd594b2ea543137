import { test } from "node:test";
import assert from "node:assert/strict";
import { endLabelY, markRows, timelineChartInput, timelineSvg } from "./tariff-timeline-chart.ts";

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

test("mark labels: a label that would touch the one before it in a row goes to the next row", () => {
  assert.deepEqual(markRows([{ x: 10, w: 10 }, { x: 15, w: 10 }, { x: 40, w: 10 }]), [0, 1, 0]);
  assert.deepEqual(markRows([{ x: 0, w: 10 }, { x: 2, w: 10 }, { x: 4, w: 10 }, { x: 12, w: 10 }]), [0, 1, 2, 0]);
});

test("every measure date numbered on the chart, named in its tooltip; no two labels of a row overlap", () => {
  const t = {
    from: "2024-01-01", to: "2026-12-05", sources: [{ dataset: "x", edition: "1" }], coverage: { complete: false, warnings: [] },
    series: [{ exporter: "JPN", tradeValue: 1, baselineRate: 0.015, points: [{ date: "2024-01-01", effectiveRate: 0.015, duty: 0, measures: [] }] }],
    events: [
      { date: "2025-04-03", changes: [{ measure: "s232_autos", authority: "Section 232", kind: "starts" as const }] },
      { date: "2025-04-05", changes: [{ measure: "ieepa_recip_apr2025", authority: "IEEPA", kind: "starts" as const }] },
      { date: "2026-02-20", changes: [{ measure: "scotus_2026", authority: "Judicial / EO", kind: "context" as const }, { measure: "new_one", authority: "Section 999", kind: "ends" as const }] },
    ],
  };
  const svg = timelineSvg(timelineChartInput(t));
  const marks = [...svg.matchAll(/<g class="mark" data-date="([^"]+)"><title>([^<]+)<\/title><line[^>]*\/><text x="([\d.]+)" y="([\d.]+)"[^>]*>(\d+)<\/text>/g)];
  assert.deepEqual(marks.map((m) => [m[1], m[5]]), [["2025-04-03", "1"], ["2025-04-05", "2"], ["2026-02-20", "3"]]);
  assert.equal(marks[0][2], "2025-04-03: Section 232 autos and parts starts");
  assert.equal(marks[2][2], "2026-02-20: Supreme Court rules IEEPA duties unlawful; Section 999 (new_one) ends");
  assert.notEqual(marks[0][4], marks[1][4], "two days apart: two rows");
});
