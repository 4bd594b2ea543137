import { test } from "node:test";
import assert from "node:assert/strict";
import { above, compareViews, type BaciView, type SourcingView } from "./partners-sourcing.ts";

// Hand-made views: the engine reads customs lines in tonnes for 2023, BACI one HS6 code by value for 2024.
const sourcing = (shares: [string, number][], over: Partial<SourcingView> = {}): SourcingView => ({
  year: 2023,
  measure: "quantity",
  unit: "t",
  total: 1000,
  topSuppliers: shares.map(([country, share]) => ({ country, share, amount: share * 1000 })),
  products: [{ dataset: "eurostat-comext", kind: "reported", classification: "CN8", codes: ["25041000", "25049000"] }],
  sources: [],
  coverage: { complete: true, warnings: [] },
  ...over,
});
const baci = (shares: [string, number][]): BaciView => ({
  release: "V202601",
  year: 2024,
  codes: ["250490"],
  absentCodes: ["250410"],
  totalUsd: 4_000_000,
  ranked: shares.map(([country, share]) => ({ country, share, amount: share * 4e6 })),
});

test("above: the threshold or the CRM Act's 65 %, whichever is lower", () => {
  const s = [{ country: "A", share: 0.6, amount: 6 }, { country: "B", share: 0.3, amount: 3 }, { country: "C", share: 0.1, amount: 1 }];
  assert.deepEqual(above(s, 0.5), ["A"]);
  assert.deepEqual(above(s, 0.25), ["A", "B"]);
  assert.deepEqual(above(s, 0.9), []); // 60 % is under 65 %
  assert.deepEqual(above([{ country: "A", share: 0.7, amount: 7 }], 0.9), ["A"]);
});

test("compareViews: a different largest supplier and dependency set is one warning naming both figures, both sources and the reasons", () => {
  const s = sourcing([["CHN", 0.523], ["MDG", 0.124]]);
  const { agreement, warning } = compareViews("EU27", s, s.topSuppliers, baci([["MDG", 0.468], ["BRA", 0.238], ["CHN", 0.124]]), 0.5);
  assert.deepEqual(agreement, { largest: false, dependencies: false });
  assert.ok(warning);
  assert.match(warning, /^EU27: the sourcing engine and CEPII BACI disagree on the largest supplier and which countries are above 50 %/);
  assert.match(warning, /sourcing \(eurostat-comext CN8 25041000, 25049000; 2023; by tonnes, 1,000 t from outside EU27\): largest CHN 52\.3 %, above 50 %: CHN;/);
  assert.match(warning, /CEPII BACI V202601 \(HS6 250490; 2024; by value, USD 4\.0 m\): largest MDG 46\.8 %, above 50 %: none\./);
  assert.match(warning, /measure: tonnes \(sourcing\) vs USD value \(BACI\)/);
  assert.match(warning, /product scope: eurostat-comext CN8 25041000, 25049000 vs BACI HS6 250490 \(the loaded BACI has no rows for 250410\)/);
  assert.match(warning, /reported import values are CIF, BACI's FOB-type/);
  assert.match(warning, /year: 2023 \(sourcing\) vs 2024 \(BACI\)/);
});

test("compareViews: the engine on BACI's one code says whether the product scope explains the difference", () => {
  const s = sourcing([["CHN", 0.523]], { measure: "value", unit: "USD", year: 2024, total: 141e6 });
  const b = baci([["MDG", 0.468]]);
  const on = (top: string) => ({ code: "250490", view: sourcing([[top, 0.824]], { measure: "value", unit: "USD", total: 19.8e6, products: [{ dataset: "eurostat-comext", kind: "reported", classification: "CN8", codes: ["25049000"] }] }) });
  const notAll = compareViews("EU27", s, s.topSuppliers, b, 0.5, on("CHN")).warning!;
  assert.match(notAll, /On HS 250490 alone the sourcing engine has largest CHN 82\.4 % of USD 19\.8 m \(CN8 25049000\), not BACI's: the product scope does not explain it all\./);
  assert.match(notAll, /same measure \(value\)/);
  assert.match(notAll, /same year \(2024\)/);
  assert.match(compareViews("EU27", s, s.topSuppliers, b, 0.5, on("MDG")).warning!, /as BACI does: the product scope explains the difference/);
});

test("compareViews: the same codes from a reported source and from BACI are the same scope; the kind of data is the reason left", () => {
  const s = sourcing([["CHN", 0.186], ["TWN", 0.171]], { measure: "value", unit: "USD", year: 2024, total: 94.9e6, products: [{ dataset: "comtrade-japan-imports-hs6", kind: "reported", classification: "HS6", codes: ["811292"] }] });
  const b = { ...baci([["TWN", 0.193], ["CHN", 0.192]]), codes: ["811292"], absentCodes: ["811299"] };
  const w = compareViews("JPN", s, s.topSuppliers, b, 0.5).warning!;
  assert.match(w, /same product scope \(HS6 811292\)/);
  assert.doesNotMatch(w, /product scope:/);
  assert.match(w, /source: reported import records vs BACI's reconciled flows/);
});

test("compareViews: the same largest supplier and the same dependencies give no warning, whatever the shares", () => {
  const s = sourcing([["CHN", 0.9], ["JPN", 0.05]]);
  const r = compareViews("EU27", s, s.topSuppliers, baci([["CHN", 0.8], ["VNM", 0.1]]), 0.5);
  assert.deepEqual(r, { agreement: { largest: true, dependencies: true }, warning: null });
  // Same largest, but only one side passes the threshold: a warning about the dependencies only.
  const d = compareViews("JPN", s, s.topSuppliers, baci([["CHN", 0.45], ["VNM", 0.4]]), 0.5);
  assert.deepEqual(d.agreement, { largest: true, dependencies: false });
  assert.match(d.warning!, /^JPN: the sourcing engine and CEPII BACI disagree on which countries are above 50 % —/);
});
