import { test } from "node:test";
import assert from "node:assert/strict";
import { findHsCodes, uniqueCodes } from "./codes.ts";
import { buildGazetteer, parentheticalNames } from "./gazetteer.ts";
import { isMaterialMention } from "./products.ts";

test("a material name modifying a following noun, or inside a company name, is not the material", () => {
  const s = "Japan restricts exports of semiconductor manufacturing equipment.";
  const at = s.indexOf("semiconductor");
  assert.equal(isMaterialMention(s, at, at + 13, "semiconductor"), false);
  const c = "JOGMEC will invest in Lynas Rare Earths to expand output.";
  const r = c.indexOf("Rare Earths");
  assert.equal(isMaterialMention(c, r, r + 11, "Rare Earths"), false);
  const ok = "China restricts exports of gallium nitride and rare earth magnets.";
  assert.equal(isMaterialMention(ok, ok.indexOf("gallium"), ok.indexOf("gallium") + 7, "gallium"), true);
  const title = "China Restricts Gallium Exports";
  assert.equal(isMaterialMention(title, 16, 23, "Gallium"), true, "headline capitals are not a company name");
});

test("catalogue parentheses and US spelling add names: bauxite, NdFeB, aluminum", () => {
  assert.deepEqual(parentheticalNames("Aluminium (bauxite, alumina, aluminium)"), ["bauxite", "alumina", "aluminium"]);
  assert.deepEqual(parentheticalNames("Semiconductors (integrated circuits, devices)"), ["integrated circuits"]);
  const g = buildGazetteer({ countries: [], materials: [{ id: "aluminium", name: "Aluminium (bauxite, alumina, aluminium)" }, { id: "permanent-magnets", name: "Permanent magnets (NdFeB, SmCo)" }] });
  assert.equal(g.materials.get("aluminum"), "aluminium");
  assert.equal(g.materials.get("bauxite"), "aluminium");
  assert.equal(g.materials.get("ndfeb"), "permanent-magnets");
});

test("EU spaced CN codes are read when the sentence speaks of codes", () => {
  assert.deepEqual(uniqueCodes(findHsCodes("imports falling under CN codes 2823 00 00 and ex 3206 11 00")), ["282300", "320611"]);
  assert.deepEqual(uniqueCodes(findHsCodes("In 2023 00 units were sold 12 34 56")), []);
});

test("a material name that modifies a noun gives the phrase as a plain product", async () => {
  const { modifiedPhrase } = await import("./products.ts");
  const s = "add advanced semiconductor manufacturing equipment to the list";
  assert.equal(modifiedPhrase(s, 13, 26), "semiconductor manufacturing equipment");
  assert.equal(modifiedPhrase("lithium prices rose", 0, 7), null);
});
