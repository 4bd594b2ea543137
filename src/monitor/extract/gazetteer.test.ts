import { test } from "node:test";
import assert from "node:assert/strict";
import { buildGazetteer, countryNameVariants, materialNameVariants } from "./gazetteer.ts";

test("catalogue country names give their everyday variants", () => {
  assert.deepEqual(countryNameVariants("Korea, Republic of").sort(), ["Korea", "Korea, Republic of", "Republic of Korea"].sort());
  assert.ok(countryNameVariants("Bolivia (Plurinational State of)").includes("Bolivia"));
  // "Taiwan, Province of China" must never become a name for China.
  assert.deepEqual(countryNameVariants("Taiwan, Province of China").sort(), ["Taiwan", "Taiwan, Province of China"].sort());
});

test("material names give plural and hyphen-free forms", () => {
  assert.deepEqual(materialNameVariants("rare-earths").sort(), ["rare earth", "rare earths"]);
  assert.deepEqual(materialNameVariants("Gallium"), ["gallium"]);
  assert.deepEqual(materialNameVariants("Phosphorus"), ["phosphorus"]);
  assert.deepEqual(materialNameVariants("Li-ion batteries").sort(), ["li ion batteries", "li ion battery"]);
  assert.deepEqual(materialNameVariants("Permanent magnet").sort(), ["permanent magnet", "permanent magnets"]);
});

test("gazetteer maps bodies, catalogue names, head nouns and HS codes", () => {
  const g = buildGazetteer({
    countries: [{ iso3: "CHN", name: "China" }, { iso3: "USA", name: "United States of America" }],
    aliases: [{ alias: "CAN", iso3: "CAN" }, { alias: "P.R. China", iso3: "CHN" }],
    materials: [
      { id: "natural-graphite", name: "Natural graphite", hs_codes: ["2504.10"] },
      { id: "silicon-metal", name: "Silicon metal", hs_codes: ["280469"] },
    ],
  });
  assert.equal(g.places.get("mofcom"), "CHN");
  assert.equal(g.places.get("united states of america"), "USA");
  assert.equal(g.places.get("p.r. china"), "CHN");
  assert.equal(g.places.has("can"), false, "bare ISO codes are words, not names");
  assert.equal(g.materials.get("graphite"), "natural-graphite");
  assert.equal(g.materials.has("metal"), false, "generic heads are not names");
  assert.deepEqual(g.hsToMaterials.get("250410"), ["natural-graphite"]);
  assert.ok(g.caseSensitive.has("US"));
});
