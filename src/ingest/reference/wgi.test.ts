import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Store } from "../../store/store.ts";
import { createSchema } from "../../store/schema.ts";
import { ingest } from "../ingest.ts";
import { checkContract } from "../../../test/fixtures/h1a/contract.ts";

const FIXTURE = "test/fixtures/h1a/WGIData.csv";

async function emptyStore(): Promise<Store> {
  const store = await Store.open(":memory:");
  await createSchema(store);
  return store;
}

test("wgi: estimates only, one row per economy × year × indicator", async () => {
  const store = await emptyStore();
  const [r] = await ingest(store, "wgi", [FIXTURE]);
  assert.equal(r.rows, 6 * 13); // 3 economies × 2 .EST series × 2010–2022; the STD.ERR row is skipped
  const cc = await store.one<{ estimate: number }>("SELECT estimate FROM wgi WHERE iso3 = 'CHN' AND year = 2022 AND indicator = 'CC'");
  assert.equal(cc?.estimate, 0.0159702487289906);
  const jp = await store.one<{ estimate: number }>("SELECT estimate FROM wgi WHERE iso3 = 'JPN' AND year = 2010 AND indicator = 'CC'");
  assert.equal(jp?.estimate, 1.55362319946289); // not the standard error 0.1467… of the same row key
});

test("wgi: shipped file gives Japan's 2022 governance score as in DESIGN.md", async () => {
  const store = await emptyStore();
  await ingest(store, "wgi", ["data/wgi/WGIData.csv"]);
  // WGI_c = (2.5 − mean of the six estimates) · 2; hand-computed from WGIData.csv: mean 1.374618 → 2.250764.
  const r = await store.one<{ n: number; score: number }>(
    "SELECT count(*)::DOUBLE AS n, (2.5 - avg(estimate)) * 2 AS score FROM wgi WHERE iso3 = 'JPN' AND year = 2022",
  );
  assert.equal(r?.n, 6);
  assert.ok(Math.abs((r?.score ?? 0) - 2.250764) < 1e-5, String(r?.score));
  const n = await store.one<{ n: number }>("SELECT count(DISTINCT iso3)::DOUBLE AS n FROM wgi");
  assert.equal(n?.n, 214);
});

test("wgi: bad number, missing column, cp1252 bytes, truncated file; load twice", async () => {
  const store = await emptyStore();
  const text = readFileSync(FIXTURE, "utf8");
  const cut = '"Japan","JPN","Control of Corruption: Standard Error","CC.STD.ERR","0.146791517734528"';
  await checkContract(store, {
    loader: "wgi",
    good: FIXTURE,
    badNumber: { content: text.replace('"CC.EST","-0.570009887218475"', '"CC.EST","-0,57O"'), line: 2, field: "2010" },
    dropColumn: "Indicator Code",
    encodingLine: 3,
    truncate: { keepChars: text.indexOf(cut) + cut.length - 40, line: 8 },
  });
});
