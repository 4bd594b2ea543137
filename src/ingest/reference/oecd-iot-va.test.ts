import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Store } from "../../store/store.ts";
import { createSchema } from "../../store/schema.ts";
import { ingest } from "../ingest.ts";
import { isicRange } from "./oecd-iot-va.ts";
import { checkContract, expectProblem, tempFile } from "../../../test/fixtures/h1a/contract.ts";

const FIXTURE = "test/fixtures/oecd/jpn-va.csv";
const SHIPPED = "data/oecd-iot-japan/oecd_iot2021ed_japan_valu_2014_2018.csv";

async function store(): Promise<Store> {
  const s = await Store.open(":memory:");
  await createSchema(s);
  await ingest(s, "countries", ["data/countries/countries.csv"]);
  return s;
}

test("isicRange: one division or a merged range; anything else is null", () => {
  assert.deepEqual(isicRange("D26"), [26, 26]);
  assert.deepEqual(isicRange("D10T12"), [10, 12]);
  assert.deepEqual(isicRange("D01T02"), [1, 2]);
  assert.equal(isicRange("C26"), null);
  assert.equal(isicRange("D12T10"), null);
});

test("oecd-iot-va: VALU rows only, merged groups spanned, a published 0 kept", async () => {
  const s = await store();
  const [r] = await ingest(s, "oecd-iot-va", [FIXTURE], { dataset: "oecd-iot-jpn" });
  assert.equal(r.rows, 5); // the OUTPUT row is not value added
  const food = await s.one("SELECT isic_from, isic_to, musd, dataset FROM national_value_added WHERE industry = 'D10T12'");
  assert.deepEqual(food, { isic_from: 10, isic_to: 12, musd: 113849.5, dataset: "oecd-iot-jpn" });
  assert.equal((await s.one<{ musd: number }>("SELECT musd FROM national_value_added WHERE industry = 'D20'"))?.musd, 61044);
  assert.equal((await s.one<{ musd: number }>("SELECT musd FROM national_value_added WHERE industry = 'D97T98'"))?.musd, 0);
});

test("oecd-iot-va: the shipped file loads whole — 45 industries × 2014–2018, Σ VALU 2018 = 4,667,898 m US$, D29 = 110,580", async () => {
  const s = await store();
  const [r] = await ingest(s, "oecd-iot-va", [SHIPPED]);
  assert.equal(r.rows, 225);
  const y = await s.one<{ lo: number; hi: number; n: number }>("SELECT min(year) AS lo, max(year) AS hi, count(DISTINCT industry)::DOUBLE AS n FROM national_value_added");
  assert.deepEqual(y, { lo: 2014, hi: 2018, n: 45 });
  const sum = await s.one<{ v: number }>("SELECT sum(musd) AS v FROM national_value_added WHERE year = 2018");
  assert.equal(Math.round(sum!.v), 4667898);
  const d29 = await s.one<{ v: number }>("SELECT musd AS v FROM national_value_added WHERE year = 2018 AND industry = 'D29'");
  assert.equal(Math.round(d29!.v), 110580);
  // The 45 groups cover ISIC divisions 01–98 without overlap.
  const overlaps = await s.one<{ n: number }>(
    `SELECT count(*)::DOUBLE AS n FROM national_value_added a JOIN national_value_added b
     ON a.year = b.year AND a.industry < b.industry AND a.isic_from <= b.isic_to AND b.isic_from <= a.isic_to`,
  );
  assert.equal(overlaps?.n, 0);
});

test("oecd-iot-va: bad number, missing column, cp1252 bytes, truncated file; load twice", async () => {
  const s = await store();
  const text = readFileSync(FIXTURE, "utf8");
  await checkContract(s, {
    loader: "oecd-iot-va",
    good: FIXTURE,
    badNumber: { content: text.replace("61044.0", "61O44.0"), line: 3, field: "value_musd" },
    dropColumn: "year",
    encodingLine: 3,
    truncate: { keepChars: text.indexOf("D25,") + "D25,".length, line: 5 },
  });
});

test("oecd-iot-va: an unknown country, a bad industry code, a duplicate and a bad year are refused naming line, field and value", async () => {
  const s = await store();
  const head = "country,year,row_code,industry_no,oecd_isic4_code_assumed,description,value_musd\n";
  const cases: [string, number, string, RegExp][] = [
    ["JPX,2018,VALU,11,D20,Chemicals,1\n", 2, "country", /unknown country code 'JPX'/],
    ["JPN,2018,VALU,11,C20,Chemicals,1\n", 2, "oecd_isic4_code_assumed", /OECD industry code such as D26/],
    ["JPN,2018,VALU,11,D20,Chemicals,1\nJPN,2018,VALU,11,D20,Chemicals,2\n", 3, "oecd_isic4_code_assumed", /JPN 2018 D20 appears again \(first on line 2\)/],
    ["JPN,20x8,VALU,11,D20,Chemicals,1\n", 2, "year", /not a number/],
  ];
  for (const [rows, line, field, message] of cases) {
    const f = tempFile("va.csv", head + rows);
    const err = await expectProblem(ingest(s, "oecd-iot-va", [f]), f, line, field);
    assert.match(err.message, message);
    assert.ok(err.problems.some((p) => p.value !== undefined), "the problem carries the value found");
  }
  // An empty value is no data: no row, never 0.
  const [r] = await ingest(s, "oecd-iot-va", [tempFile("va.csv", head + "JPN,2018,VALU,11,D20,Chemicals,\n")]);
  assert.equal(r.rows, 0);
});
