import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Store } from "../../store/store.ts";
import { createSchema } from "../../store/schema.ts";
import { ingest } from "../ingest.ts";
import { checkContract, expectProblem, tempFile } from "../../../test/fixtures/h1a/contract.ts";

const GDP = "test/fixtures/h1a/gdp.csv";

async function store(): Promise<Store> {
  const s = await Store.open(":memory:");
  await createSchema(s);
  await ingest(s, "countries", ["data/countries/countries.csv"]);
  return s;
}

test("gdp: US$ as published; World Bank aggregates kept and flagged; the Channel Islands are an economy", async () => {
  const s = await store();
  const [r] = await ingest(s, "gdp", [GDP], { dataset: "wb-gdp" });
  assert.equal(r.rows, 8);
  const deu = await s.one("SELECT usd, aggregate, name, dataset FROM gdp WHERE country = 'DEU' AND year = 2023");
  assert.deepEqual(deu, { usd: 4456081016705.961, aggregate: false, name: "Germany", dataset: "wb-gdp" });
  const agg = await s.all<{ country: string }>("SELECT country FROM gdp WHERE aggregate ORDER BY 1");
  assert.deepEqual(agg.map((x) => x.country), ["EUU", "WLD"]);
  assert.equal((await s.one<{ name: string }>("SELECT name FROM gdp WHERE country = 'KOR'"))?.name, "Korea, Rep.");
  assert.equal((await s.one<{ aggregate: boolean }>("SELECT aggregate FROM gdp WHERE country = 'CHI'"))?.aggregate, false);
});

test("gdp: the shipped file loads whole (1,512 rows, 2018–2023)", async () => {
  const s = await store();
  const [r] = await ingest(s, "gdp", ["data/gdp/gdp_current_usd_2018_2023.csv"]);
  assert.equal(r.rows, 1512); // every line of the file: 48 World Bank aggregates × 6 years among them
  const y = await s.one<{ lo: number; hi: number; agg: number }>("SELECT min(year) AS lo, max(year) AS hi, count(*) FILTER (WHERE aggregate)::DOUBLE AS agg FROM gdp");
  assert.deepEqual(y, { lo: 2018, hi: 2023, agg: 48 * 6 });
});

test("gdp: bad number, missing column, cp1252 bytes, truncated file; load twice", async () => {
  const s = await store();
  const text = readFileSync(GDP, "utf8");
  await checkContract(s, {
    loader: "gdp",
    good: GDP,
    badNumber: { content: text.replace("Finland,FIN,2023,300187202696", "Finland,FIN,2023,3OO187202696"), line: 4, field: "Value" },
    dropColumn: "Year",
    encodingLine: 3,
    truncate: { keepChars: text.indexOf("Japan,JPN,2023") + "Japan,JPN,2023".length, line: 7, field: "Value" },
  });
});

test("gdp: an unknown code, a zero, a duplicate and a bad year are refused naming line, field and value", async () => {
  const s = await store();
  const head = "Country Name,Country Code,Year,Value\n";
  const cases: [string, number, string, RegExp][] = [
    ["Germany,DEX,2023,1\n", 2, "Country Code", /unknown country code 'DEX'/],
    ["Germany,DEU,2023,0\n", 2, "Value", /positive.*left empty, not 0/],
    ["Germany,DEU,2023,1\nGermany,DEU,2023,2\n", 3, "Country Code", /DEU 2023 appears again \(first on line 2\)/],
    ["Germany,DEU,20x3,1\n", 2, "Year", /not a number/],
  ];
  for (const [rows, line, field, message] of cases) {
    const f = tempFile("gdp.csv", head + rows);
    const err = await expectProblem(ingest(s, "gdp", [f]), f, line, field);
    assert.match(err.message, message);
  }
  // An empty value is no data: no row, never 0.
  const empty = tempFile("gdp.csv", head + "Germany,DEU,2024,\n");
  const [r] = await ingest(s, "gdp", [empty]);
  assert.equal(r.rows, 0);
  assert.equal((await s.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM gdp"))?.n, 0);
});
