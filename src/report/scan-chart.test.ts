import { test } from "node:test";
import assert from "node:assert/strict";
import { scanChartSvg, type ScanPoint } from "./scan-chart.ts";

const p = (hs6: string, hhi: number, world: number, value: number, dependent: boolean): ScanPoint => ({
  hs6, description: `product ${hs6}`, importValue: value, hhi, top: { country: "CHN", share: 0.5 }, topWorldShare: world, dependent,
});
const sources = [{ dataset: "CEPII BACI", edition: "HS22 V202501", year: 2023 }];

test("scan chart: one dot per product at (HHI, world share), dependent ones red and drawn last", () => {
  const svg = scanChartSvg({ title: "EU27, 2023", points: [p("811292", 0.7, 0.9, 4e9, true), p("100190", 0.1, 0.2, 1e9, false)], sources, width: 600 });
  const dots = [...svg.matchAll(/<circle class="pt( dep)?" data-hs6="(\d+)" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/g)];
  assert.deepEqual(dots.map((d) => d[2]), ["100190", "811292"], "dependent drawn on top");
  // Plot area: x from 48 to 584 (width 600, margins 48/16); HHI 0.7 sits at 48 + 0.7 × 536.
  assert.equal(Number(dots[1][3]), 48 + 0.7 * 536);
  assert.equal(Number(dots[0][3]), 48 + 0.1 * 536);
  // Higher world share is higher up (smaller y); dot area follows value (radius 1.5 + 8·√(v / max)).
  assert.ok(Number(dots[1][4]) < Number(dots[0][4]));
  assert.equal(Number(dots[1][5]), 9.5);
  assert.equal(Number(dots[0][5]), 1.5 + 8 * 0.5);
  assert.match(svg, /HS 811292 product 811292: imports \$4\.0 bn from outside, HHI 0\.70, top CHN 50 % \(90 % of world exports\) — dependent/);
  assert.match(svg, /HHI &gt; 0\.4: concentrated/);
  assert.match(svg, /Source: CEPII BACI \(HS22 V202501, 2023\)/);
});

test("scan chart: products without imports or with undefined shares are left out; a note is shown", () => {
  const svg = scanChartSvg({ title: "t", points: [p("1", NaN, 0.5, 1, false), p("2", 0.5, 0.5, 0, false), p("3", 0.5, 0.5, 5, false)], sources, note: "3 of 9 products" });
  assert.equal(svg.match(/<circle class="pt/g)?.length, 1);
  assert.match(svg, />3 of 9 products</);
});
