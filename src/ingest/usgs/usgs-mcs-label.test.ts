import { test } from "node:test";
import assert from "node:assert/strict";
import { baseCountry, cleanUsgsLabel, isUsgsAggregate } from "./usgs-mcs-label.ts";
import { measureColumn, parseCell } from "./usgs-mcs-columns.ts";

const KNOWN = new Set(["japan", "ukraine", "greece", "korea, republic of", "brazil", "united states"]);
const known = (s: string): boolean => KNOWN.has(s);

test("cleanUsgsLabel strips footnotes and the estimate 'e' but keeps names ending in e", () => {
  assert.deepEqual(cleanUsgsLabel("Japane", known), { label: "Japan", estimated: true });
  assert.deepEqual(cleanUsgsLabel("Korea, Republic ofe", known), { label: "Korea, Republic of", estimated: true });
  assert.deepEqual(cleanUsgsLabel("Ukraine", known), { label: "Ukraine", estimated: false });
  assert.deepEqual(cleanUsgsLabel("Greecee", known), { label: "Greece", estimated: true });
  assert.deepEqual(cleanUsgsLabel("Other countries4", known), { label: "Other countries", estimated: false });
  assert.deepEqual(cleanUsgsLabel("Other countriese", known), { label: "Other countries", estimated: true });
  assert.deepEqual(cleanUsgsLabel("United\u00a0States1", known), { label: "United States", estimated: false });
  assert.deepEqual(cleanUsgsLabel("Brazil (crude and beneficiated)9", known), { label: "Brazil (crude and beneficiated)", estimated: false });
});

test("baseCountry and aggregates", () => {
  assert.equal(baseCountry("Brazil (beneficiated)"), "Brazil");
  assert.equal(baseCountry("Kazakhstan, concentrate"), "Kazakhstan");
  assert.ok(isUsgsAggregate("World total (rounded), excluding U.S. production"));
  assert.ok(isUsgsAggregate("Other countries (includes crude)"));
  assert.ok(!isUsgsAggregate("Otherland"));
});

test("measureColumn reads unit, year, estimate and subtype from USGS headers", () => {
  assert.deepEqual(measureColumn("Prod_kg_est_2023"), { name: "Prod_kg_est_2023", measure: "production", subtype: null, unit: "kg", year: 2023, estimated: true });
  assert.deepEqual(measureColumn("Cap_Sponge_t_2023"), { name: "Cap_Sponge_t_2023", measure: "capacity", subtype: "Sponge", unit: "t", year: 2023, estimated: false });
  assert.deepEqual(measureColumn("Reserves_ore_K2O_equiv_kt"), { name: "Reserves_ore_K2O_equiv_kt", measure: "reserves", subtype: "ore_K2O_equiv", unit: "kt", year: null, estimated: false });
  assert.equal(measureColumn("Prod_notes"), undefined);
});

test("parseCell keeps markers, reads thousands commas and e-prefixed estimates, rejects garbage", () => {
  assert.deepEqual(parseCell("1,100,000"), { value: 1100000, estimated: false });
  assert.deepEqual(parseCell("e5,000"), { value: 5000, estimated: true });
  for (const m of ["W", "NA", "XX", "Large", ">17,000,000", "<100", "Included with ilmenite", "Less than ½ unit."]) {
    assert.deepEqual(parseCell(m), { value: null, estimated: false }, m);
  }
  assert.deepEqual(parseCell("6OO000"), { invalid: true });
  assert.deepEqual(parseCell("12.5.3"), { invalid: true });
});
