import { test } from "node:test";
import assert from "node:assert/strict";
import { gdpContext, GDP_SHARE_THRESHOLD, missingGdpWarning, type GdpCheckInput, gdpShareText } from "./gdp-check.ts";
import type { GdpFigure } from "../store/queries/gdp.ts";

const NAMES: Record<string, string> = { FIN: "Finland", DEU: "Germany", MLT: "Malta", EU27: "EU27" };
const fig = (country: string, year: number, usd: number, eurPerUsd: number | null): [string, GdpFigure] => [country, { country, year, usd, eurPerUsd }];
const input = (over: Partial<GdpCheckInput>): GdpCheckInput => ({
  target: "FIN", name: (c) => NAMES[c] ?? c, material: "cobalt", vaP50Meur: 12000, horizonMonths: 24, scenarioYear: 2023,
  members: ["FIN"], figures: new Map([fig("FIN", 2023, 300e9, 0.9), fig("DEU", 2023, 4000e9, 0.9)]), sources: [], ...over,
});

test("a member: GDP in EUR at the GDP year's rate, share over the horizon, flagged above 2 % with amount, GDP and share", () => {
  const g = gdpContext(input({}));
  // 300 bn USD × 0.9 = 270 000 m EUR a year; over 24 months 540 000 m; 12 000 / 540 000 = 0.02222.
  assert.equal(g.gdpMeur, 270000);
  assert.equal(g.vaShare, 0.02222);
  assert.equal(g.usdPerEur, 1.111111);
  assert.equal(g.year, 2023);
  assert.equal(g.yearBasis, "same year as the scenario (2023)");
  assert.equal(g.threshold, GDP_SHARE_THRESHOLD);
  assert.equal(g.implausible, true);
  assert.match(g.basis, /over the 24-month horizon ÷ GDP over the same months \(annual GDP × 24\/12\)/);
  assert.equal(g.missingReason, null);
  assert.deepEqual(gdpContext(input({ sources: [{ dataset: "WB GDP", edition: "x" }] })).sources, [{ dataset: "WB GDP", edition: "x", year: 2023 }]);
  assert.match(g.warning!, /^Implausible: Finland's value added at risk from cobalt \(p50 €12\.0 bn over 24 months\) is 2\.22 % of its GDP over the same months \(GDP 2023 €270\.0 bn a year\), above the 2\.00 % ceiling/);
});

test("a bloc sums its members; a share at the threshold is not flagged; a 12-month horizon is one year of GDP", () => {
  // (4 000 + 300) bn USD × 0.9 = 3 870 000 m EUR; 3 870 / 3 870 000 = 0.001.
  const g = gdpContext(input({ target: "EU27", members: ["DEU", "FIN"], vaP50Meur: 3870, horizonMonths: 12 }));
  assert.equal(g.gdpMeur, 3870000);
  assert.equal(g.vaShare, 0.001);
  assert.equal(g.implausible, false);
  assert.equal(g.warning, null);
  const edge = gdpContext(input({ vaP50Meur: 0.02 * 270000, horizonMonths: 12 }));
  assert.equal(edge.vaShare, 0.02);
  assert.equal(edge.implausible, false);
});

test("missing GDP or exchange rate → null, never 0, and a warning naming the member and the cause", () => {
  const g = gdpContext(input({ target: "EU27", members: ["FIN", "MLT"] }));
  assert.equal(g.gdpMeur, null);
  assert.equal(g.vaShare, null);
  assert.equal(g.implausible, null);
  assert.deepEqual(g.missing, ["MLT"]);
  assert.equal(g.missingReason, "no World Bank GDP for 2023 or earlier");
  assert.equal(g.warning, null);
  const noRate = gdpContext(input({ scenarioYear: 2021, figures: new Map([fig("FIN", 2021, 296e9, null)]) }));
  assert.equal(noRate.vaShare, null);
  assert.equal(noRate.missingReason, "no ECB euro rate for 2021");
  // One coverage line for all unchecked targets, not one each.
  assert.equal(missingGdpWarning({ EU27: g, FIN: noRate, DEU: null }, (c) => NAMES[c] ?? c),
    "GDP check: no GDP in euro for Finland and Malta (no World Bank GDP for 2023 or earlier; no ECB euro rate for 2021): value added at risk of EU27, FIN not compared with GDP");
  assert.equal(missingGdpWarning({ FIN: gdpContext(input({})) }, (c) => c), null);
});

test("an earlier GDP year is named; mixed years across members are named", () => {
  const later = gdpContext(input({ scenarioYear: 2024 }));
  assert.equal(later.yearBasis, "2023, the latest before the scenario year 2024");
  const mixed = gdpContext(input({ members: ["DEU", "FIN"], figures: new Map([fig("FIN", 2022, 280e9, 0.95), fig("DEU", 2023, 4000e9, 0.9)]) }));
  assert.equal(mixed.year, 2023);
  assert.match(mixed.yearBasis, /mixed years 2022, 2023/);
  assert.equal(mixed.usdPerEur, null);
  assert.equal(mixed.gdpMeur, 280e3 * 0.95 + 4000e3 * 0.9);
});

test("gdpShareText: ⚠ above the ceiling, '?' for unknown GDP, '–' without value added at risk, tiny shares not '0.00 %'", () => {
  assert.equal(gdpShareText({ vaShare: 0.026, implausible: true }), "⚠ 2.60 %");
  assert.equal(gdpShareText({ vaShare: 0.0057, implausible: false }), "0.57 %");
  assert.equal(gdpShareText({ vaShare: 0.00004, implausible: false }), "<0.01 %");
  assert.equal(gdpShareText({ vaShare: null, implausible: null }), "?");
  assert.equal(gdpShareText(null), "–");
});
