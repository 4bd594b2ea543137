import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Store } from "../../store/store.ts";
import { createSchema } from "../../store/schema.ts";
import { ingest } from "../ingest.ts";
import { checkContract } from "../../../test/fixtures/h1a/contract.ts";

const FIXTURE = "test/fixtures/h1a/wgi-long-small.csv";

async function emptyStore(): Promise<Store> {
  const store = await Store.open(":memory:");
  await createSchema(store);
  return store;
}

test("wgi-long: the shipped 2024 update gives Japan's 2023 estimates (hand-read from the file)", async () => {
  const store = await emptyStore();
  await ingest(store, "wgi-long", ["data/wgi/wgi_2024update_long_1996_2023.csv"]);
  // JPNcc2023 line of wgi_2024update_long_1996_2023.csv: estimate 1.395660638809204
  const cc = await store.one<{ estimate: number }>("SELECT estimate FROM wgi WHERE iso3 = 'JPN' AND year = 2023 AND indicator = 'CC'");
  assert.equal(cc?.estimate, 1.395660638809204);
  // Six 2023 estimates (cc 1.39566, ge 1.63127, pv 0.95114, rl 1.53554, rq 1.46933, va 1.10551): mean 1.348072 → WGI_c 2.303856
  const r = await store.one<{ n: number; score: number }>(
    "SELECT count(*)::DOUBLE AS n, (2.5 - avg(estimate)) * 2 AS score FROM wgi WHERE iso3 = 'JPN' AND year = 2023",
  );
  assert.equal(r?.n, 6);
  assert.ok(Math.abs((r?.score ?? 0) - 2.303856) < 1e-5, String(r?.score));
  const y = await store.one<{ y0: number; y1: number }>("SELECT min(year)::DOUBLE AS y0, max(year)::DOUBLE AS y1 FROM wgi");
  assert.deepEqual([y?.y0, y?.y1], [1996, 2023]);
});

test("wgi-long then wgi: the 2023 update's 2010–2022 values win, 2023 stays from the 2024 update", async () => {
  const store = await emptyStore();
  await ingest(store, "wgi-long", ["data/wgi/wgi_2024update_long_1996_2023.csv"]);
  await ingest(store, "wgi", ["data/wgi/WGIData.csv"]);
  const rows = await store.all<{ year: number; source: string }>(
    "SELECT year::INTEGER AS year, any_value(source_file) AS source FROM wgi WHERE iso3 = 'JPN' AND indicator = 'CC' AND year IN (2009, 2019, 2023) GROUP BY year ORDER BY year",
  );
  assert.deepEqual(rows.map((r) => [r.year, r.source]), [
    [2009, "wgi_2024update_long_1996_2023.csv"], [2019, "WGIData.csv"], [2023, "wgi_2024update_long_1996_2023.csv"],
  ]);
});

test("wgi-long: bad number, missing column, cp1252 bytes, truncated file; load twice", async () => {
  const store = await emptyStore();
  const text = readFileSync(FIXTURE, "utf8");
  const cut = "JPNcc2023,JPN,Japan,20";
  await checkContract(store, {
    loader: "wgi-long",
    good: FIXTURE,
    badNumber: { content: text.replace("1.395660638809204", "1.39O"), line: 3, field: "estimate" },
    dropColumn: "estimate",
    encodingLine: 4,
    truncate: { keepChars: text.indexOf(cut) + cut.length, line: 3 },
  });
});

test("wgi-long: an unknown indicator names file, line and field", async () => {
  const store = await emptyStore();
  const { tempFile, expectProblem } = await import("../../../test/fixtures/h1a/contract.ts");
  const f = tempFile("wgi-bad.csv", "code,year,indicator,estimate\nJPN,2023,cc,1.2\nJPN,2023,xx,1.0\n");
  await expectProblem(ingest(store, "wgi-long", [f]), f, 3, "indicator");
});
