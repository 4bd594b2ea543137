import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ChokepointError } from "../../domain/error.ts";
import { Store } from "../../store/store.ts";
import { createSchema } from "../../store/schema.ts";
import { countryCodes } from "../../store/queries/trade.ts";
import { tradeFingerprint, tradeTestStore } from "../../../test/fixtures/trade/store.ts";
import { ingest } from "../ingest.ts";
import { parseEiLng } from "./ei-lng.ts";

const fx = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/trade/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "ei-lng-"));
const HEADER = "year,importer,exporter,value_bcm\n";
let store: Store;

before(async () => {
  store = await tradeTestStore();
  await ingest(store, "ei-lng", [fx("ei-lng-small.csv"), fx("ei-lng-noflags.csv")], { dataset: "ei" });
});
after(() => store.close());

async function failing(name: string, content: string | Buffer): Promise<ChokepointError> {
  const file = join(dir, name);
  writeFileSync(file, content);
  const before = await tradeFingerprint(store);
  const err = await ingest(store, "ei-lng", [file]).then(
    () => assert.fail("expected a validation error"),
    (e: unknown) => e as ChokepointError,
  );
  assert.equal(err.code, "validation_failed");
  assert.equal(await tradeFingerprint(store), before, "a failed load must leave the database unchanged");
  return err;
}

test("ei-lng: Japan's 2023 LNG imports by exporter in bcm; aggregates and zero cells skipped", async () => {
  const parsed = parseEiLng(fx("ei-lng-small.csv"), await countryCodes(store));
  // 'Other EU' is not skipped: it is reporter XEU (counted in blocs holding every EU member).
  assert.deepEqual(parsed.skipped, { aggregate: 1, "zero or empty": 1 });
  assert.deepEqual(parsed.rows.filter((r) => r.reporter === "XEU").map((r) => [r.partner, r.quantity]), [["QAT", 3.206333]]);
  const rows = await store.all<{ partner: string; quantity: number; qty_unit: string; value: number | null; classification: string; product: string }>(
    `SELECT partner, quantity, qty_unit, value, classification, product FROM trade
     WHERE source_file = 'ei-lng-small.csv' AND reporter = 'JPN' ORDER BY quantity DESC`,
  );
  assert.deepEqual(rows.map((r) => [r.partner, r.quantity]), [["AUS", 37.494409], ["MYS", 14.267461], ["RUS", 8.356657], ["USA", 7.527746]]);
  assert.deepEqual([rows[0].qty_unit, rows[0].value, rows[0].classification, rows[0].product], ["bcm", null, "EI", "LNG"]);
});

test("ei-lng: without flag columns, EI's Other… rows are recognised by name", async () => {
  const parsed = parseEiLng(fx("ei-lng-noflags.csv"), await countryCodes(store));
  assert.deepEqual(parsed.skipped, { aggregate: 1 });
  assert.deepEqual(parsed.rows.map((r) => [r.reporter, r.partner, r.quantity]), [["JPN", "QAT", 3.5], ["XEU", "QAT", 9]]);
});

test("ei-lng: loading the same file twice changes nothing", async () => {
  const before = await tradeFingerprint(store);
  assert.equal((await ingest(store, "ei-lng", [fx("ei-lng-small.csv")], { dataset: "ei" }))[0].skipped, true);
  assert.equal(await tradeFingerprint(store), before);
});

test("ei-lng: a bad number names file, line and field", async () => {
  const err = await failing("bad.csv", `${HEADER}2023,Japan,Qatar,3.5\n2023,Japan,US,n/a\n`);
  assert.deepEqual(err.problems.map((p) => [p.line, p.field, p.code, p.value]), [[3, "value_bcm", "invalid_number", "n/a"]]);
});

test("ei-lng: a missing column names it", async () => {
  const err = await failing("missing.csv", "year,importer,value_bcm\n2023,Japan,3.5\n");
  assert.deepEqual(err.problems.map((p) => [p.line, p.field]), [[1, "exporter"]]);
});

test("ei-lng: cp1252 bytes are rejected with line and field", async () => {
  const bytes = Buffer.concat([Buffer.from(`${HEADER}2023,C`), Buffer.from([0xf4]), Buffer.from("te d'Ivoire,Qatar,1\n")]);
  const err = await failing("cp1252.csv", bytes);
  assert.deepEqual(err.problems.map((p) => [p.code, p.line, p.field]), [["bad_encoding", 2, "importer"]]);
});

test("ei-lng: a truncated file is rejected with line and field", async () => {
  const err = await failing("truncated.csv", `${HEADER}2023,Japan,Qatar,3.5\n2023,Jap`);
  assert.deepEqual(err.problems.map((p) => [p.code, p.line, p.field]), [["truncated_row", 3, "exporter"]]);
});

test("ei-lng: an unknown country name is a problem", async () => {
  const err = await failing("unknown.csv", `${HEADER}2023,Japon,Qatar,3.5\n`);
  assert.deepEqual(err.problems.map((p) => [p.line, p.field, p.code]), [[2, "importer", "unknown_country"]]);
});

test("ei-lng: the bp/EI matrices' layout (data_year, importer_row, exporter_col, bcm) — Japan 2021 from the shipped file", async () => {
  // The shipped file against the shipped country list and aliases.
  const full = await Store.open(":memory:");
  await createSchema(full);
  await ingest(full, "countries", ["data/countries/countries.csv"]);
  await ingest(full, "country-aliases", ["data/countries/aliases.csv"]);
  const parsed = parseEiLng("data/lng/lng_trade_matrix_bcm_2021.csv", await countryCodes(full));
  await full.close();
  assert.deepEqual(parsed.problems, []);
  const jp = parsed.rows.filter((r) => r.reporter === "JPN").sort((a, b) => (b.quantity ?? 0) - (a.quantity ?? 0));
  // Hand-read: Japan ← Australia 36.295493075 bcm, ← Malaysia 13.872969637525024 (bp 2022 edition).
  assert.deepEqual(jp.slice(0, 2).map((r) => [r.partner, r.quantity, r.year]), [["AUS", 36.295493075, 2021], ["MYS", 13.872969637525024, 2021]]);
  // The 'Total imports' column is Japan's World row; 'Other European Union' is reporter XEU.
  assert.deepEqual(parsed.totals.filter((r) => r.reporter === "JPN").map((r) => [r.partner, r.quantity]), [["WLD", 101.31880057233514]]);
  const xeu = parsed.rows.filter((r) => r.reporter === "XEU");
  assert.ok(xeu.length > 0);
  assert.ok(Math.abs(xeu.reduce((t, r) => t + (r.quantity ?? 0), 0) - 25.514245458751454 * 0.9767448879994625) < 1e-6, "XEU named exporters");
});

test("ei-lng: a negative cell in the matrices' layout names file, line and field", async () => {
  const err = await failing("matrix.csv", "edition,data_year,importer_row,exporter_col,bcm\nbp 2022,2021,Japan,Qatar,12.3\nbp 2022,2021,Japan,US,-1\n");
  assert.deepEqual(err.problems.map((p) => [p.line, p.field, p.code, p.value]), [[3, "bcm", "negative_value", "-1"]]);
});
