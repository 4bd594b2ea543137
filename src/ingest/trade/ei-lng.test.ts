import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ChokepointError } from "../../domain/error.ts";
import type { Store } from "../../store/store.ts";
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
  assert.deepEqual(parsed.skipped, { aggregate: 2, "zero or empty": 1 });
  const rows = await store.all<{ partner: string; quantity: number; qty_unit: string; value: number | null; classification: string; product: string }>(
    `SELECT partner, quantity, qty_unit, value, classification, product FROM trade
     WHERE source_file = 'ei-lng-small.csv' AND reporter = 'JPN' ORDER BY quantity DESC`,
  );
  assert.deepEqual(rows.map((r) => [r.partner, r.quantity]), [["AUS", 37.494409], ["MYS", 14.267461], ["RUS", 8.356657], ["USA", 7.527746]]);
  assert.deepEqual([rows[0].qty_unit, rows[0].value, rows[0].classification, rows[0].product], ["bcm", null, "EI", "LNG"]);
});

test("ei-lng: without flag columns, EI's Other… rows are recognised by name", async () => {
  const parsed = parseEiLng(fx("ei-lng-noflags.csv"), await countryCodes(store));
  assert.deepEqual(parsed.skipped, { aggregate: 2 });
  assert.deepEqual(parsed.rows.map((r) => [r.reporter, r.partner, r.quantity]), [["JPN", "QAT", 3.5]]);
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
