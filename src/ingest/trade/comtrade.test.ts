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
import { comtradePeriod, parseComtrade } from "./comtrade.ts";

const fx = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/trade/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "comtrade-"));
const HEADER = "refYear,refMonth,reporterISO,flowCode,partnerISO,cmdCode,primaryValue,netWgt\n";
let store: Store;

before(async () => {
  store = await tradeTestStore();
  await ingest(store, "comtrade", [fx("comtrade-real.csv"), fx("comtrade-breakdowns.csv"), fx("comtrade-minimal.csv")], { dataset: "ct" });
});
after(() => store.close());

type T = { source_file: string; flow: string; reporter: string; partner: string; classification: string; product: string; year: number; month: number; value: number; quantity: number | null };
const rows = (file: string) =>
  store.all<T>(
    `SELECT source_file, flow, reporter, partner, classification, product, year, month, value, quantity FROM trade
     WHERE source_file = $1 ORDER BY product, month`,
    [file],
  );

async function failing(name: string, content: string | Buffer): Promise<ChokepointError> {
  const file = join(dir, name);
  writeFileSync(file, content);
  const before = await tradeFingerprint(store);
  const err = await ingest(store, "comtrade", [file]).then(
    () => assert.fail("expected a validation error"),
    (e: unknown) => e as ChokepointError,
  );
  assert.equal(err.code, "validation_failed");
  assert.equal(await tradeFingerprint(store), before, "a failed load must leave the database unchanged");
  return err;
}

test("comtrade: periods from refYear/refMonth (52 = annual) or period", () => {
  assert.deepEqual(comtradePeriod("2022", "52", ""), { year: 2022, month: 0 });
  assert.deepEqual(comtradePeriod("2023", "9", "202309"), { year: 2023, month: 9 });
  assert.deepEqual(comtradePeriod("", "", "202310"), { year: 2023, month: 10 });
  assert.equal(comtradePeriod("", "", "2023-10"), undefined);
});

test("comtrade: real API rows load, partner World is kept apart as the reporter's total", async () => {
  const parsed = parseComtrade(fx("comtrade-real.csv"), await countryCodes(store));
  assert.deepEqual(parsed.skipped, {});
  assert.equal(parsed.totals.length, 3);
  assert.ok(parsed.totals.every((r) => r.partner === "WLD"));
  assert.deepEqual(await rows("comtrade-real.csv"), [
    { source_file: "comtrade-real.csv", flow: "M", reporter: "JPN", partner: "CHN", classification: "HS4", product: "2504", year: 2022, month: 0, value: 95925269.357, quantity: 52835000 },
    { source_file: "comtrade-real.csv", flow: "M", reporter: "JPN", partner: "CHN", classification: "HS4", product: "2822", year: 2022, month: 0, value: 7874483.692, quantity: 175065 },
    { source_file: "comtrade-real.csv", flow: "M", reporter: "JPN", partner: "CHN", classification: "HS6", product: "282520", year: 2022, month: 0, value: 1021979198.083, quantity: 30577600 },
  ]);
});

test("comtrade: breakdown rows are skipped so totals are not double counted; Other Asia nes is Taiwan", async () => {
  const parsed = parseComtrade(fx("comtrade-breakdowns.csv"), await countryCodes(store));
  assert.deepEqual(parsed.skipped, {
    "mode-of-transport breakdown": 1, "partner2 breakdown": 1, "customs-procedure breakdown": 1, "flow RM": 1, "partner _X": 1,
  });
  const r = await rows("comtrade-breakdowns.csv");
  assert.deepEqual(r.map((x) => [x.partner, x.value, x.quantity]), [["TWN", 1000, null]]);
});

test("comtrade: minimal columns (period, M49 codes, fobvalue, qty in kg only)", async () => {
  const r = await rows("comtrade-minimal.csv");
  assert.deepEqual(r.map((x) => [x.reporter, x.flow, x.partner, x.product, x.year, x.month, x.value, x.quantity]), [
    ["CHN", "X", "KOR", "250410", 2023, 0, 1000, null],
    ["CHN", "X", "JPN", "811292", 2023, 8, 178114, 2500],
    ["CHN", "X", "JPN", "811292", 2023, 10, 177308, null],
  ]);
});

test("comtrade: loading the same file twice changes nothing", async () => {
  const before = await tradeFingerprint(store);
  const [r] = await ingest(store, "comtrade", [fx("comtrade-real.csv")], { dataset: "ct" });
  assert.equal(r.skipped, true);
  assert.equal(await tradeFingerprint(store), before);
});

test("comtrade: a bad number names file, line and field", async () => {
  const err = await failing("bad.csv", `${HEADER}2022,52,JPN,M,CHN,2504,95925269.357,5e\n`);
  assert.deepEqual(err.problems.map((p) => [p.file?.endsWith("bad.csv"), p.line, p.field, p.value]), [[true, 2, "netWgt", "5e"]]);
  assert.match(err.message, /bad\.csv:2 field 'netWgt': not a number/);
});

test("comtrade: a missing column names it and its alternatives", async () => {
  const err = await failing("missing.csv", "refYear,reporterISO,flowCode,partnerISO,cmdCode\n2022,JPN,M,CHN,2504\n");
  assert.deepEqual(err.problems.map((p) => [p.line, p.field]), [[1, "primaryValue"]]);
  assert.match(err.message, /missing column 'primaryValue' \(or 'cifvalue', 'fobvalue'\)/);
});

test("comtrade: cp1252 bytes are rejected with line and field", async () => {
  const bytes = Buffer.concat([Buffer.from(`${HEADER}2022,52,JPN,M,CHN,2504,1,1\n2022,52,JPN,M,CHN,2504,1,`), Buffer.from([0x80]), Buffer.from("\n")]);
  const err = await failing("cp1252.csv", bytes);
  assert.deepEqual(err.problems.map((p) => [p.code, p.line, p.field]), [["bad_encoding", 3, "netWgt"]]);
});

test("comtrade: a truncated file is rejected with line and field", async () => {
  const err = await failing("truncated.csv", `${HEADER}2022,52,JPN,M,CHN,2504,1,1\n2022,52,JP`);
  assert.deepEqual(err.problems.map((p) => [p.code, p.line, p.field]), [["truncated_row", 3, "flowCode"]]);
});

test("comtrade: unknown partners and product codes are problems", async () => {
  const err = await failing("unknown.csv", `${HEADER}2022,52,JPN,M,ZZZ,2504,1,1\n2022,52,JPN,M,CHN,25041,1,1\n`);
  assert.deepEqual(err.problems.map((p) => [p.line, p.field, p.code]), [
    [2, "partnerISO", "unknown_country"],
    [3, "cmdCode", "invalid_product"],
  ]);
});

test("comtrade: a bad row after several written batches (50,000 good rows) rolls the whole file back", async () => {
  const before = await tradeFingerprint(store);
  const limit = async () => (await store.one<{ v: string }>("SELECT current_setting('memory_limit') AS v"))?.v;
  const limitBefore = await limit();
  let text = HEADER;
  for (let i = 0; i < 50_000; i++) text += `${2000 + (i % 20)},${1 + (i % 12)},JPN,M,CHN,${String(100000 + i).slice(0, 6)},1,1\n`;
  const err = await failing("late-bad.csv", `${text}2022,52,JPN,M,CHN,2504,-5,1\n`);
  assert.deepEqual(err.problems.map((p) => [p.line, p.field, p.code]), [[50_002, "primaryValue", "negative_value"]]);
  assert.equal(await tradeFingerprint(store), before);
  assert.equal(await limit(), limitBefore); // the load's 512 MiB limit is lifted again
});
