// Issue 14: wording the rules missed — a licensing announcement naming elements, and "artificial
// graphite", which is not natural graphite.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createExtractor } from "./extract.ts";
import { buildGazetteer } from "./gazetteer.ts";

const extract = createExtractor(
  buildGazetteer({
    countries: [{ iso3: "CHN", name: "China" }, { iso3: "JPN", name: "Japan" }],
    materials: [
      { id: "samarium", name: "Samarium", hs_codes: [] },
      { id: "gadolinium", name: "Gadolinium", hs_codes: [] },
      { id: "natural-graphite", name: "Natural graphite", hs_codes: ["2504.10"] },
    ],
  }),
);

test("'China announced export licensing for samarium…' is an export restriction by CHN on samarium", () => {
  const [e] = extract("China announced export licensing for samarium and gadolinium from 4 April 2025.");
  assert.deepEqual([e?.type, e?.actor, e?.products, e?.measureDate], ["export_restriction", "CHN", ["samarium", "gadolinium"], "2025-04-04"]);
});

test("'artificial graphite' and 'synthetic graphite' are not tagged natural graphite; 'natural graphite' still is", () => {
  for (const t of ["China will require export licences for artificial graphite anode materials.", "China restricts exports of synthetic graphite."]) {
    for (const e of extract(t)) assert.ok(!e.products.includes("natural-graphite"), `${t}: ${e.products}`);
  }
  assert.deepEqual(extract("China restricts exports of graphite.")[0]?.products, ["natural-graphite"]);
});
