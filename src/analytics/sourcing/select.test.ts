import { test } from "node:test";
import assert from "node:assert/strict";
import type { TradeFact } from "../../store/queries/trade-facts.ts";
import { judgeSources } from "./completeness.ts";
import { selectSources } from "./select.ts";

// EI's 2023 LNG rows (bcm, no values), trimmed: BEL 11.68 of its 11.79 'Total imports', ITA 15.18 of 16.33.
const fact = (reporter: string, partner: string, quantity: number): TradeFact => ({
  year: 2023, reporter, partner, dataset: "ei-lng-2024", kind: "reported", classification: "EI", value: null, currency: null,
  per_usd: null, quantity, qty_unit: "bcm", basket: false, codes: "LNG", caveat: null,
});
const facts = [fact("BEL", "QAT", 11.684), fact("ITA", "QAT", 15.184), fact("XEU", "USA", 49.745)];
const totals = [
  { year: 2023, reporter: "BEL", dataset: "ei-lng-2024", value: null, quantity: 11.789 },
  { year: 2023, reporter: "ITA", dataset: "ei-lng-2024", value: null, quantity: 16.326 },
  { year: 2023, reporter: "XEU", dataset: "ei-lng-2024", value: null, quantity: 51.015 },
];

test("judgeSources: quantity-only data is measured against its World row in quantities", () => {
  const st = judgeSources(facts, totals, new Map());
  const by = new Map(st.map((s) => [s.reporter, s]));
  assert.equal(by.get("BEL")?.complete, true); // 99.1 %
  assert.equal(by.get("ITA")?.complete, false);
  assert.match(by.get("ITA")!.why, /add up to 93\.0 % of its own World row/);
});

test("selectSources: a member's own rows in a dataset whole for another member are kept; 'Other EU' is said", () => {
  const members = ["BEL", "ITA", "DEU"];
  const reportersOf = new Map([["ei-lng-2024", new Set(["BEL", "ITA", "XEU", "DEU"])]]);
  const s = selectSources(facts, judgeSources(facts, totals, new Map()), members, reportersOf, 2023);
  assert.deepEqual([...s.chosen.keys()].sort(), ["BEL", "ITA", "XEU"]); // ITA not dropped as "imported none"
  assert.equal(s.measure, "quantity");
  assert.deepEqual(s.absent, []); // DEU is in 'Other EU' (or imported none): covered by the whole matrix
  assert.ok(s.coverage.warnings.some((w) => /plus its 'Other EU' row/.test(w)));
  assert.equal(s.coverage.complete, false);
});
