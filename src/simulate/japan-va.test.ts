import { test } from "node:test";
import assert from "node:assert/strict";
import { japanValueAdded, naceDivision } from "./japan-va.ts";
import type { NationalVaTable } from "../store/queries/national-va.ts";

const table = (over: Partial<NationalVaTable> = {}): NationalVaTable => ({
  country: "JPN", requestedYear: 2023, year: 2018,
  rows: [
    { industry: "D10T12", isicFrom: 10, isicTo: 12, description: "Food products, beverages and tobacco", musd: 1000 },
    { industry: "D26", isicFrom: 26, isicTo: 26, description: "Computer, electronic and optical equipment", musd: 400 },
    { industry: "D31T33", isicFrom: 31, isicTo: 33, description: "Manufacturing nec; repair", musd: 300 },
  ],
  source: { dataset: "OECD IOT", edition: "2021", year: 2018 },
  eurPerUsd: 0.8, fxYear: 2023, fxSource: { dataset: "ECB", edition: "2025", year: 2023 },
  ...over,
});

test("naceDivision reads the study's labels", () => {
  assert.equal(naceDivision("C26 - Manufacture of computer, electronic and optical products"), 26);
  assert.equal(naceDivision("B09 - Mining support service activities"), 9);
  assert.equal(naceDivision("Other"), null);
});

test("two end uses, one in a merged group: Σ share × group VA, in EUR at the rate; the merged group is named as an upper bound", () => {
  const va = japanValueAdded([
    { application: "Integrated circuits", share: 0.6, nace: "C26 - Manufacture of computer, electronic and optical products" },
    { application: "Jewellery", share: 0.3, nace: "C32 - Other manufacturing" },
  ], table())!;
  // 0.6 × 400 + 0.3 × 300 (the whole D31T33 for C32) = 240 + 90 = 330 m US$; × 0.8 EUR/US$ = 264 m EUR.
  assert.equal(va.annualMusd, 330);
  assert.ok(Math.abs(va.annualMeur - 264) < 1e-9);
  assert.equal(va.usdPerEur, 1.25);
  assert.deepEqual([va.vaYear, va.fxYear], [2018, 2023]);
  assert.deepEqual(va.groups.map((g) => [g.nace, g.industry, g.merged]), [["C26", "D26", false], ["C32", "D31T33", true]]);
  assert.equal(va.warnings.length, 2);
  assert.match(va.warnings[0], /OECD national input-output table of 2018 \(million US\$\), converted at the ECB 2023 rate \(1\.2500 US\$ per euro\): value added of 2018 at the rate of 2023, the scenario's year/);
  assert.match(va.warnings[1], /C32 is the whole OECD group D31T33 \(Manufacturing nec; repair, ISIC 31–33\): an upper bound/);
  assert.deepEqual(va.sources.map((s) => s.year), [2018, 2023]);
});

test("a rate from another year than the scenario's is named; an unmapped NACE code is left out and said; no rate or no table → null", () => {
  const va = japanValueAdded([
    { application: "ICs", share: 0.5, nace: "C26 - x" },
    { application: "Drilling", share: 0.5, nace: "B09 - Mining support" },
  ], table({ requestedYear: 2019, fxYear: 2022 }))!;
  assert.equal(va.annualMusd, 200);
  assert.match(va.warnings[0], /at the rate of 2022, the shipped year nearest the scenario's 2019/);
  assert.match(va.warnings.at(-1)!, /leaves out end uses whose NACE code has no OECD industry: Drilling \(B09 - Mining support\)/);
  assert.equal(japanValueAdded([{ application: "ICs", share: 1, nace: "C26 - x" }], table({ eurPerUsd: null, fxYear: null })), null);
  assert.equal(japanValueAdded([{ application: "ICs", share: 1, nace: "C26 - x" }], null), null);
  assert.equal(japanValueAdded([{ application: "Drilling", share: 1, nace: "B09 - x" }], table()), null);
});
