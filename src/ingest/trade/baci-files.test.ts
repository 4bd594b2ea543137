import { test } from "node:test";
import assert from "node:assert/strict";
import { baciFileInfo } from "./baci-files.ts";

test("BACI release file names say kind, HS revision, year and version", () => {
  assert.deepEqual(baciFileInfo("/x/BACI_HS22_Y2023_V202501.csv"), { kind: "trade", format: "csv", classification: "HS22", year: 2023, version: "V202501" });
  assert.deepEqual(baciFileInfo("BACI_HS17_Y2019_V202401b.parquet"), { kind: "trade", format: "parquet", classification: "HS17", year: 2019, version: "V202401b" });
  assert.deepEqual(baciFileInfo("country_codes_V202501.csv"), { kind: "countries", format: "csv", version: "V202501" });
  assert.deepEqual(baciFileInfo("product_codes_HS22_V202501.csv"), { kind: "products", format: "csv", classification: "HS22", version: "V202501" });
});

test("other csv/parquet names are trade files checked by header; other extensions are refused", () => {
  assert.deepEqual(baciFileInfo("extract.parquet"), { kind: "trade", format: "parquet" });
  assert.equal(baciFileInfo("Readme.txt").kind, "readme");
  assert.throws(() => baciFileInfo("BACI_HS22_V202501.zip"), /not a BACI file/);
});
