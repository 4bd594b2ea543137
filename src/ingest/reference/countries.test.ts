import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Store } from "../../store/store.ts";
import { createSchema } from "../../store/schema.ts";
import { ingest } from "../ingest.ts";
import { checkContract, expectProblem, tempFile } from "../../../test/fixtures/h1a/contract.ts";

const COUNTRIES = "test/fixtures/h1a/countries.csv";
const ALIASES = "test/fixtures/h1a/aliases.csv";

async function emptyStore(): Promise<Store> {
  const store = await Store.open(":memory:");
  await createSchema(store);
  return store;
}

test("countries: loads ISO codes, regions and bloc flags (Kosovo without M49)", async () => {
  const store = await emptyStore();
  await ingest(store, "countries", [COUNTRIES]);
  const rows = await store.all<{ iso3: string; m49: string | null; eu27: boolean; g7: boolean }>(
    "SELECT iso3, m49, eu27, g7 FROM countries ORDER BY iso3",
  );
  assert.deepEqual(rows.map((r) => r.iso3), ["CHN", "COD", "DEU", "JPN", "XKX"]);
  assert.deepEqual(rows.find((r) => r.iso3 === "DEU"), { iso3: "DEU", m49: "276", eu27: true, g7: true });
  assert.equal(rows.find((r) => r.iso3 === "XKX")?.m49, null);
});

test("countries: bad flag, missing column, cp1252 bytes, truncated file; load twice", async () => {
  const store = await emptyStore();
  const text = readFileSync(COUNTRIES, "utf8");
  await checkContract(store, {
    loader: "countries",
    good: COUNTRIES,
    badNumber: { content: text.replace("DEU,DE,276,Germany,Europe,Western Europe,,1,1,1", "DEU,DE,276,Germany,Europe,Western Europe,,1,yes,1"), line: 4, field: "oecd" },
    dropColumn: "iso2",
    encodingLine: 5,
    truncate: { keepChars: text.indexOf("XKX,XK,,Kosovo,Europe") + "XKX,XK,,Kosovo,Europe".length, line: 6, field: "sub_region" },
  });
});

test("countries: a repeated iso3 is reported with both lines", async () => {
  const store = await emptyStore();
  const dup = tempFile("countries.csv", readFileSync(COUNTRIES, "utf8") + "CHN,CN,156,China again,Asia,Eastern Asia,,0,0,0,0\n");
  const err = await expectProblem(ingest(store, "countries", [dup]), dup, 7, "iso3");
  assert.match(err.message, /repeats line 2/);
});

test("country-aliases: lowercased, deduplicated, iso3 checked against countries", async () => {
  const store = await emptyStore();
  await ingest(store, "countries", [COUNTRIES]);
  const n = await ingest(store, "country-aliases", [ALIASES]);
  assert.equal(n[0].rows, 6); // "Japan" and "JAPAN" are one alias
  const rows = await store.all<{ alias: string; iso3: string }>("SELECT alias, iso3 FROM country_aliases ORDER BY alias");
  assert.deepEqual(rows.find((r) => r.alias === "congo, d.r."), { alias: "congo, d.r.", iso3: "COD" });
  assert.ok(rows.every((r) => r.alias === r.alias.toLowerCase()));

  const unknown = tempFile("aliases.csv", "alias,iso3\nAtlantis,ATL\n");
  const err = await expectProblem(ingest(store, "country-aliases", [unknown]), unknown, 2, "iso3");
  assert.match(err.message, /unknown iso3 'ATL'/);
});

test("country-aliases: missing column, cp1252 bytes, truncated file; load twice", async () => {
  const store = await emptyStore();
  await ingest(store, "countries", [COUNTRIES]);
  const text = readFileSync(ALIASES, "utf8");
  await checkContract(store, {
    loader: "country-aliases",
    good: ALIASES,
    // Aliases hold no numbers: the "bad value" case is an iso3 that is not a country.
    badNumber: { content: text.replace("Germany,DEU", "Germany,D3U"), line: 5, field: "iso3" },
    dropColumn: "iso3",
    encodingLine: 3,
    truncate: { keepChars: text.indexOf("XK,XKX") + 2, line: 8, field: "iso3" },
  });
});
