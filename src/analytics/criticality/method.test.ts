import { test } from "node:test";
import assert from "node:assert/strict";
import { scaleWgi, wgiScores } from "./wgi-scale.ts";
import { hhiWgiT } from "./hhi-wgi.ts";
import { overallSupplyRisk, stageSupplyRisk } from "./supply-risk.ts";
import { economicImportance } from "./economic-importance.ts";
import { isCritical, round1 } from "./thresholds.ts";
import { partialMix } from "./assess-material.ts";

const near = (a: number | null, b: number, tol = 1e-9) => assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} ≠ ${b}`);
const score = (s: number) => ({ score: s, years: [2021], estimates: 6 });

test("WGI rescaling: −2.5 → 10, +2.5 → 0, averaged over dimensions then years", () => {
  assert.equal(scaleWgi(-2.5), 10);
  assert.equal(scaleWgi(2.5), 0);
  assert.equal(scaleWgi(3), 0, "clamped");
  const rows = [
    ...["VA", "PV", "GE", "RQ", "RL", "CC"].map((indicator, i) => ({ iso3: "AAA", year: 2020, indicator, estimate: i % 2 ? 1 : 0 })), // mean 0.5
    ...["VA", "PV", "GE", "RQ", "RL", "CC"].map((indicator) => ({ iso3: "AAA", year: 2021, indicator, estimate: -0.5 })),
    { iso3: "AAA", year: 2019, indicator: "VA", estimate: 2 }, // outside the vintage
  ];
  // years 2020+2021: mean (0.5 + −0.5)/2 = 0 → 5
  assert.equal(wgiScores(rows, [2020, 2021]).get("AAA")?.score, 5);
  assert.equal(wgiScores(rows, [2021]).get("AAA")?.score, 6);
  assert.equal(wgiScores(rows, [2018]).has("AAA"), false);
});

// Gallium, processing, the study's global mix (Appendix 7) with round WGI scores chosen for hand work:
// 93.8²·6 + 0.3²·1·0.8 + 1.0²·1 + 0.9²·2 + 1.9²·7 + 2.2²·6 = 52 847.642 → /10 000 = 5.2847642
const galliumGlobal = [
  { iso3: "CHN", share: 0.938, t: 1 },
  { iso3: "DEU", share: 0.003, t: 0.8 },
  { iso3: "JPN", share: 0.01, t: 1 },
  { iso3: "KOR", share: 0.009, t: 1 },
  { iso3: "RUS", share: 0.019, t: 1 },
  { iso3: "UKR", share: 0.022, t: 1 },
];
const wgi = new Map([["CHN", score(6)], ["DEU", score(1)], ["JPN", score(1)], ["KOR", score(2)], ["RUS", score(7)], ["UKR", score(6)]]);

test("HHI_WGI,t by hand for gallium's global processing mix", () => {
  const h = hhiWgiT(galliumGlobal, wgi);
  near(h.value, 5.2847642, 1e-9);
  assert.equal(h.contributions[0].iso3, "CHN");
  near(h.contributions[0].contribution, 5.279064, 1e-9);
  assert.deepEqual(h.missingWgi, []);
});

test("a supplier without a WGI score is reported, not filled", () => {
  const h = hhiWgiT([...galliumGlobal, { iso3: "XXX", share: 0.1, t: 1 }], wgi);
  near(h.value, 5.2847642);
  assert.deepEqual(h.missingWgi.map((s) => s.iso3), ["XXX"]);
});

test("SR by hand: GS+EU weighting by import reliance, recycling and substitution", () => {
  // Gallium inputs (crm_2023_inputs.csv): IR 98 %, EoL-RIR 0, SI_SR 0.98; an EU mix HHI of 4 for the example.
  // [5.2847642·0.49 + 4·0.51]·1·0.98 = (2.589534458 + 2.04)·0.98 = 4.53694376884
  const r = stageSupplyRisk({ basis: "GS+EU", ir: 0.98, hhiGlobal: 5.2847642, hhiBloc: 4, eolRir: 0, siSr: 0.98 });
  near(r.sr, 4.53694376884, 1e-9);
  near(stageSupplyRisk({ basis: "GSonly", ir: null, hhiGlobal: 5, hhiBloc: null, eolRir: 0.2, siSr: 0.9 }).sr, 3.6);
  near(stageSupplyRisk({ basis: "EUonly", ir: null, hhiGlobal: null, hhiBloc: 2, eolRir: 0.5, siSr: 1 }).sr, 1);
  assert.deepEqual(stageSupplyRisk({ basis: "GS+EU", ir: null, hhiGlobal: 5, hhiBloc: null, eolRir: 0, siSr: 1 }), {
    sr: null,
    missing: ["bloc sourcing mix", "import reliance"],
  });
  assert.equal(overallSupplyRisk([0.4, null, 1.2]), 1.2);
  assert.equal(overallSupplyRisk([null]), null);
});

test("EI by hand: tungsten's end uses (Appendix 6) scaled to C28 = 204 200 M€", () => {
  // Two uses: 60 % in C25 (163 568) and 40 % in C28 (204 200), SI_EI 0.95:
  // (0.6·163 568 + 0.4·204 200)/204 200·10·0.95 = 179 820.8/204 200·9.5 = 0.8806112·9.5 = 8.3658061
  near(economicImportance([{ share: 0.6, vaMeur: 163_568 }, { share: 0.4, vaMeur: 204_200 }, { share: 0.1, vaMeur: null }], 0.95, 204_200), 8.36580607248, 1e-9);
});

test("critical = SR ≥ 1 and EI ≥ 2.8 on the published one-decimal scale", () => {
  assert.equal(isCritical(0.96, 3.1), true);
  assert.equal(isCritical(0.94, 3.1), false);
  assert.equal(isCritical(1.5, 2.74), false);
  assert.equal(isCritical(1.5, 2.75), true);
  assert.equal(isCritical(null, 5), false);
  assert.equal(round1(0.95), 1);
});

test("partialMix: a mix listing under 80 % of supply is reported with its listed fraction", () => {
  assert.equal(partialMix([{ iso3: "ZAF", share: 0.07, t: 1 }, { iso3: "TUR", share: 0.02, t: 1 }])?.toFixed(2), "0.09");
  assert.equal(partialMix([{ iso3: "CHN", share: 0.9, t: 1 }]), null, "90 %: the usual ≥1 % truncation");
  assert.equal(partialMix(null), null);
  assert.equal(partialMix([]), null);
});

test("meanOrBounds: a group's mean only when every member has a value; bounded when the missing ones are", async () => {
  const { meanOrBounds } = await import("./groups.ts");
  assert.deepEqual(meanOrBounds([{ v: 2 }, { v: 4 }]), { value: 3 });
  assert.deepEqual(meanOrBounds([{ v: 2 }, { v: null, range: [1, 3] }]), { value: null, range: [1.5, 2.5] });
  assert.deepEqual(meanOrBounds([{ v: 2 }, { v: null }]), { value: null }, "an unbounded gap: no figure at all, never the mean of the rest");
  assert.deepEqual(meanOrBounds([]), { value: null });
});

test("criticalWithin: bounds that pass the threshold decide; bounds that straddle it do not", async () => {
  const { criticalWithin } = await import("./thresholds.ts");
  assert.deepEqual(criticalWithin(null, [1.4, 2.2], 3.0), { critical: true, undecided: false });
  assert.deepEqual(criticalWithin(null, [0.6, 1.3], 3.0), { critical: false, undecided: true });
  assert.deepEqual(criticalWithin(null, [0.2, 0.8], 3.0), { critical: false, undecided: false });
  assert.deepEqual(criticalWithin(null, [1.4, 2.2], 2.0), { critical: false, undecided: false }, "EI below 2.8 decides alone");
  assert.deepEqual(criticalWithin(1.2, undefined, 3.0), { critical: true, undecided: false });
});
