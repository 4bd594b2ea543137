import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveBlocFrom } from "./blocs.ts";
import { ChokepointError } from "./error.ts";

const countries = [
  { iso3: "DEU", name: "Germany", eu27: true, g7: true, oecd: true },
  { iso3: "FRA", name: "France", eu27: true, g7: true, oecd: true },
  { iso3: "JPN", name: "Japan", eu27: false, g7: true, oecd: true },
  { iso3: "USA", name: "United States", eu27: false, g7: true, oecd: true },
  { iso3: "CHN", name: "China", eu27: false, g7: false, oecd: false },
];

test("ALLIANCE is EU27 ∪ JPN", () => {
  assert.deepEqual(resolveBlocFrom("ALLIANCE", countries).members, ["DEU", "FRA", "JPN"]);
  assert.deepEqual(resolveBlocFrom("EU27", countries).members, ["DEU", "FRA"]);
  assert.deepEqual(resolveBlocFrom("JPN", countries).members, ["JPN"]);
  assert.deepEqual(resolveBlocFrom("G7", countries).members, ["DEU", "FRA", "JPN", "USA"]);
});

test("a comma list of ISO3 codes is a bloc", () => {
  assert.deepEqual(resolveBlocFrom("jpn, usa", countries).members, ["JPN", "USA"]);
});

test("an unknown bloc names the bad value and suggests the closest", () => {
  assert.throws(
    () => resolveBlocFrom("ALLIANSE", countries),
    (e: unknown) => e instanceof ChokepointError && e.code === "unknown_bloc" && /ALLIANSE/.test(e.message) && /ALLIANCE/.test(e.message),
  );
});
