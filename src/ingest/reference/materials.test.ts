import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Store } from "../../store/store.ts";
import { createSchema } from "../../store/schema.ts";
import { ingest } from "../ingest.ts";
import { checkContract, expectProblem, tempFile } from "../../../test/fixtures/h1a/contract.ts";

const MATERIALS = "test/fixtures/h1a/materials.csv";
const SERIES = "test/fixtures/h1a/usgs_series.csv";
const CODES = "test/fixtures/h1a/material_codes.csv";

async function emptyStore(): Promise<Store> {
  const store = await Store.open(":memory:");
  await createSchema(store);
  return store;
}

test("materials: lists, parents and flags", async () => {
  const store = await emptyStore();
  await ingest(store, "materials", [MATERIALS]);
  const nd = await store.one<Record<string, unknown>>("SELECT * FROM materials WHERE id = 'neodymium'");
  assert.deepEqual(nd?.stages, ["extraction", "processing"]);
  assert.deepEqual(nd?.cn_codes, ["28053029", "28469050"]);
  assert.deepEqual(nd?.hs_codes, []);
  assert.equal(nd?.parent, "rare-earths");
  assert.equal(nd?.eu_srm_2024, true);
  const lng = await store.one<Record<string, unknown>>("SELECT eu_crm_2023, jp_critical, default_stage FROM materials WHERE id = 'lng'");
  assert.deepEqual(lng, { eu_crm_2023: false, jp_critical: true, default_stage: "extraction" });
});

test("materials: bad code, missing column, cp1252 bytes, truncated file; load twice", async () => {
  const store = await emptyStore();
  const text = readFileSync(MATERIALS, "utf8");
  await checkContract(store, {
    loader: "materials",
    good: MATERIALS,
    badNumber: { content: text.replace("28053029;28469050", "2805302X;28469050"), line: 3, field: "cn_codes" },
    dropColumn: "stages",
    encodingLine: 4,
    truncate: { keepChars: text.indexOf("lng,Liquefied natural gas,energy") + "lng,Liquefied natural gas,energy".length, line: 5, field: "parent" },
  });
});

test("materials: unknown parent and a default stage outside the stages are reported", async () => {
  const store = await emptyStore();
  const bad = tempFile("materials.csv", readFileSync(MATERIALS, "utf8").replace("rare-earths,rare-earths,extraction", "rare-earths,rare-earth,extraction").replace("gallium,Gallium,technology-metals,,processing,processing", "gallium,Gallium,technology-metals,,processing,extraction"));
  const err = await expectProblem(ingest(store, "materials", [bad]), bad, 3, "parent");
  assert.ok(err.problems.some((p) => p.line === 4 && p.field === "default_stage"));
});

test("usgs-series and material-codes: need catalogue materials; contract", async () => {
  const store = await emptyStore();
  const early = await expectProblem(ingest(store, "usgs-series", [SERIES]), SERIES, 2, "material");
  assert.match(early.message, /unknown material 'gallium'/);
  await ingest(store, "materials", [MATERIALS]);
  const series = readFileSync(SERIES, "utf8");
  await checkContract(store, {
    loader: "usgs-series",
    good: SERIES,
    badNumber: { content: series.replace("gallium,processing,galli", "gallium,refining,galli"), line: 2, field: "stage" },
    dropColumn: "type_pattern",
    encodingLine: 3,
    truncate: { keepChars: series.indexOf("rare-earths,extraction,raree,Rare") + "rare-earths,extraction".length, line: 4, field: "usgs_code" },
  });
  const codes = readFileSync(CODES, "utf8");
  await checkContract(store, {
    loader: "material-codes",
    good: CODES,
    badNumber: { content: codes.replace("gallium,processing,81129289", "gallium,processing,8112928"), line: 2, field: "code" },
    dropColumn: "classification",
    encodingLine: 5,
    truncate: { keepChars: codes.indexOf("rare-earths,processing,2846") + "rare-earths,processing".length, line: 5, field: "code" },
  });
  const rows = await store.all<{ code: string; basket: boolean }>("SELECT code, basket FROM material_codes WHERE material = 'gallium' ORDER BY code");
  assert.deepEqual(rows, [{ code: "811292", basket: true }, { code: "81129289", basket: false }]);
});
