import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Store } from "../../store/store.ts";
import { createSchema } from "../../store/schema.ts";
import { ingest } from "../ingest.ts";
import { checkContract, expectProblem, tempFile } from "../../../test/fixtures/h1a/contract.ts";

// Loaders of the small reference tables: hs, fx, export-restrictions.
const HS = "test/fixtures/h1a/hs.csv";
const FX = "test/fixtures/h1a/fx.csv";
const ER = "test/fixtures/h1a/export_restrictions.csv";

async function store(withCatalogue = false): Promise<Store> {
  const s = await Store.open(":memory:");
  await createSchema(s);
  if (withCatalogue) {
    await ingest(s, "countries", ["data/countries/countries.csv"]);
    await ingest(s, "materials", ["data/materials/materials.csv"]);
  }
  return s;
}

test("hs: codes with parents and levels; TOTAL skipped", async () => {
  const s = await store();
  const [r] = await ingest(s, "hs", [HS]);
  assert.equal(r.rows, 9);
  const row = await s.one("SELECT code, parent, level, section FROM hs_codes WHERE code = '811292'");
  assert.deepEqual(row, { code: "811292", parent: "8112", level: 6, section: "XV" });
  assert.equal((await s.one<{ parent: string | null }>("SELECT parent FROM hs_codes WHERE code = '28'"))?.parent, null);
  const [all] = await ingest(s, "hs", ["data/hs/harmonized-system.csv"]);
  assert.equal(all.rows, 6939); // 97 chapters + 1,229 headings + 5,613 subheadings
});

test("hs: bad level, missing column, cp1252 bytes, truncated file; load twice", async () => {
  const s = await store();
  const text = readFileSync(HS, "utf8");
  await checkContract(s, {
    loader: "hs",
    good: HS,
    badNumber: { content: text.replace("Cerium compounds,2846,6", "Cerium compounds,2846,6x"), line: 6, field: "level" },
    dropColumn: "description",
    encodingLine: 4,
    truncate: { keepChars: text.indexOf("XV,811292") + "XV,811292".length, line: 10, field: "description" },
  });
});

test("fx: ECB USD-per-EUR averages become EUR per USD", async () => {
  const s = await store();
  await ingest(s, "fx", ["data/fx/ecb_annual_averages.csv"]);
  const rows = await s.all<{ year: number; currency: string; per_usd: number }>("SELECT year, currency, per_usd FROM fx_rates ORDER BY year");
  assert.deepEqual(rows.map((r) => [r.year, r.currency, Math.round(r.per_usd * 1e6) / 1e6]), [[2022, "EUR", 0.949668], [2023, "EUR", 0.924813], [2024, "EUR", 0.923873]]);
  // 1,000,000 EUR of 2023 imports = 1,081,300 USD.
  assert.equal(Math.round(1e6 / rows[1].per_usd), 1081300);
});

test("fx: bad rate, missing column, cp1252 bytes, truncated file; load twice; non-USD pair", async () => {
  const s = await store();
  const text = readFileSync(FX, "utf8");
  await checkContract(s, {
    loader: "fx",
    good: FX,
    badNumber: { content: text.replace("2023,EUR,USD,1.0813", "2023,EUR,USD,1.08l3"), line: 3, field: "rate" },
    dropColumn: "rate",
    encodingLine: 2,
    truncate: { keepChars: text.indexOf("2024,USD,EUR") + "2024,USD".length, line: 4, field: "quote" },
  });
  const cross = tempFile("fx.csv", "year,base,quote,rate,source\n2023,EUR,JPY,151,x\n");
  await expectProblem(ingest(s, "fx", [cross]), cross, 2, "quote");
});

test("export-restrictions: notices with dates, checked against countries and materials", async () => {
  const s = await store(true);
  await ingest(s, "export-restrictions", ["data/export-restrictions/export_restrictions.csv"]);
  const ga = await s.all<{ start: string; source: string }>(
    "SELECT strftime(start_date, '%Y-%m-%d') AS start, source FROM export_restrictions WHERE country = 'CHN' AND material = 'gallium' ORDER BY start_date",
  );
  assert.deepEqual(ga.map((r) => r.start), ["2023-08-01", "2024-12-03", "2026-01-06"]);
  assert.match(ga[0].source, /2023 No\. 23/);
  const idn = await s.one<{ material: string; start: string }>("SELECT material, strftime(start_date, '%Y-%m-%d') AS start FROM export_restrictions WHERE country = 'IDN'");
  assert.deepEqual(idn, { material: "nickel", start: "2020-01-01" });
  const bad = tempFile("export_restrictions.csv", readFileSync(ER, "utf8").replace("CHN,germanium", "CHN,germanum"));
  const err = await expectProblem(ingest(s, "export-restrictions", [bad]), bad, 3, "material");
  assert.match(err.message, /unknown material 'germanum'/);
});

test("export-restrictions: bad date, missing column, cp1252 bytes, truncated file; load twice", async () => {
  const s = await store(true);
  const text = readFileSync(ER, "utf8");
  await checkContract(s, {
    loader: "export-restrictions",
    good: ER,
    badNumber: { content: text.replace("2023-12-01", "2023-13-01"), line: 4, field: "start_date" },
    dropColumn: "source",
    encodingLine: 3,
    truncate: { keepChars: text.indexOf("IDN,nickel") + "IDN,nickel".length, line: 5, field: "measure" },
  });
});
