import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ChokepointError } from "../../domain/error.ts";
import type { Store } from "../../store/store.ts";
import { countryCodes } from "../../store/queries/trade.ts";
import { tradeFingerprint, tradeTestStore } from "../../../test/fixtures/trade/store.ts";
import { ingest } from "../ingest.ts";
import { parseItc, tradeMapFile } from "./itc.ts";

const fixture = fileURLToPath(new URL(
  "../../../test/fixtures/trade/itc/282520 Lithium hydroxide/Trade_Map_-_List_of_supplying_markets_for_a_product_imported_by_Japan.txt",
  import.meta.url,
));
const dir = join(mkdtempSync(join(tmpdir(), "itc-")), "283691 Li carbonate");
mkdirSync(dir);
const NAME = "Trade_Map_-_List_of_supplying_markets_for_a_product_imported_by_Japan.txt";
const HEADER = "Exporters\t2021-Imported quantity, Tons\t2022-Imported quantity, Tons\t\n";
let store: Store;

before(async () => {
  store = await tradeTestStore();
  await ingest(store, "itc", [fixture], { dataset: "itc" });
});
after(() => store.close());

async function failing(content: string | Buffer, name = NAME): Promise<ChokepointError> {
  const file = join(dir, name);
  writeFileSync(file, content);
  const before = await tradeFingerprint(store);
  const err = await ingest(store, "itc", [file]).then(
    () => assert.fail("expected a validation error"),
    (e: unknown) => e as ChokepointError,
  );
  assert.equal(err.code, "validation_failed");
  assert.equal(await tradeFingerprint(store), before, "a failed load must leave the database unchanged");
  return err;
}

test("itc: reporter, flow and HS code come from Trade Map's file and folder names", () => {
  assert.deepEqual(tradeMapFile("282520 Li/Trade_Map_-_List_of_supplying_markets_for_a_product_imported_by_Korea__Republic_of.txt"), {
    reporterName: "Korea, Republic of", flow: "M", mirror: false, product: "282520",
  });
  assert.deepEqual(tradeMapFile("x/7502_Trade_Map_-_List_of_importing_markets_for_a_product_exported_by_Turkmenistan_(Mirror).txt"), {
    reporterName: "Turkmenistan", flow: "X", mirror: true, product: "7502",
  });
});

test("itc: tonnes by partner and year; World, Area Nes, Mixed and No Quantity skipped and counted", async () => {
  const parsed = parseItc(fixture, await countryCodes(store));
  assert.deepEqual(parsed.skipped, { "aggregate partner": 3, "No Quantity": 1, "unit Mixed": 1 });
  const rows = await store.all<{ partner: string; year: number; quantity: number; qty_unit: string; product: string; classification: string; reporter: string }>(
    "SELECT reporter, partner, year, quantity, qty_unit, product, classification FROM trade ORDER BY partner, year",
  );
  assert.deepEqual(rows.map((r) => [r.reporter, r.partner, r.year, r.quantity]), [
    ["JPN", "CHN", 2020, 200], ["JPN", "CHN", 2021, 330], ["JPN", "KOR", 2020, 10], ["JPN", "USA", 2020, 90], ["JPN", "USA", 2021, 60],
  ]);
  assert.deepEqual([rows[0].qty_unit, rows[0].product, rows[0].classification], ["t", "282520", "HS6"]);
});

test("itc: 'Special categories' (partners withheld by the reporter) is an aggregate, not an unknown country", async () => {
  const file = join(dir, NAME);
  writeFileSync(file, `${HEADER}"World"\t14\t13\t\n"China"\t12\t13\t\n"Special categories"\t2\t\t\n`);
  const parsed = parseItc(file, await countryCodes(store));
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.skipped, { "aggregate partner": 3 });
  assert.deepEqual(parsed.rows.map((r) => [r.partner, r.year, r.quantity]), [["CHN", 2021, 12], ["CHN", 2022, 13]]);
});

test("itc: loading the same file twice changes nothing", async () => {
  const before = await tradeFingerprint(store);
  assert.equal((await ingest(store, "itc", [fixture], { dataset: "itc" }))[0].skipped, true);
  assert.equal(await tradeFingerprint(store), before);
});

test("itc: a bad number names file, line and field", async () => {
  const err = await failing(`${HEADER}"China"\t12\t1x3\t\n`);
  assert.deepEqual(err.problems.map((p) => [p.line, p.field, p.value]), [[2, "2022-Imported quantity, Tons", "1x3"]]);
  assert.ok(err.problems[0].file?.endsWith(NAME));
});

test("itc: a missing column names it", async () => {
  const err = await failing(`Exporters\t\n"China"\t\n`);
  assert.deepEqual(err.problems.map((p) => [p.line, p.field]), [[1, "YYYY-Imported quantity"]]);
});

test("itc: cp1252 bytes are rejected with line and field", async () => {
  const bytes = Buffer.concat([Buffer.from(`${HEADER}"C`), Buffer.from([0xf4]), Buffer.from(`te d'Ivoire"\t1\t2\t\n`)]);
  const err = await failing(bytes);
  assert.deepEqual(err.problems.map((p) => [p.code, p.line, p.field]), [["bad_encoding", 2, "Exporters"]]);
});

test("itc: a truncated file is rejected with line and field", async () => {
  const err = await failing(`${HEADER}"China"\t12\t13\t\n"United States of Am`);
  assert.deepEqual(err.problems.map((p) => [p.code, p.line, p.field]), [["truncated_row", 3, "2021-Imported quantity, Tons"]]);
});

test("itc: a file name without the HS code is refused", async () => {
  const err = await failing(`${HEADER}"China"\t12\t13\t\n`, "imports_japan.txt");
  assert.match(err.message, /cannot tell reporter and HS code/);
});
