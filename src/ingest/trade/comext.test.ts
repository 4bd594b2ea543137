import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ChokepointError } from "../../domain/error.ts";
import type { Store } from "../../store/store.ts";
import { countryCodes, extraGroupImportShares } from "../../store/queries/trade.ts";
import { tradeFingerprint, tradeTestStore } from "../../../test/fixtures/trade/store.ts";
import { ingest } from "../ingest.ts";
import { parseComext, parsePeriod } from "./comext.ts";

const fixture = fileURLToPath(new URL("../../../test/fixtures/trade/comext-small.csv", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "comext-"));
const HEADER = "DECLARANT_ISO,PARTNER_ISO,PRODUCT_NC,FLOW,PERIOD,VALUE_IN_EUROS\n";
let store: Store;

before(async () => {
  store = await tradeTestStore();
  await ingest(store, "comext", [fixture], { dataset: "comext-test" });
});
after(() => store.close());

async function failing(name: string, content: string | Buffer): Promise<ChokepointError> {
  const file = join(dir, name);
  writeFileSync(file, content);
  const before = await tradeFingerprint(store);
  const err = await ingest(store, "comext", [file]).then(
    () => assert.fail("expected a validation error"),
    (e: unknown) => e as ChokepointError,
  );
  assert.ok(err instanceof ChokepointError);
  assert.equal(err.code, "validation_failed");
  assert.equal(await tradeFingerprint(store), before, "a failed load must leave the database unchanged");
  return err;
}

test("comext: periods YYYY, YYYY52 (annual) and YYYYMM", () => {
  assert.deepEqual(parsePeriod("2024"), { year: 2024, month: 0 });
  assert.deepEqual(parsePeriod("202452"), { year: 2024, month: 0 });
  assert.deepEqual(parsePeriod("202403"), { year: 2024, month: 3 });
  assert.equal(parsePeriod("202413"), undefined);
  assert.equal(parsePeriod("24"), undefined);
});

test("comext: loads rows, maps EL→GRC, skips confidential partner and product codes", async () => {
  const parsed = parseComext(fixture, await countryCodes(store));
  assert.equal(parsed.rows.length, 7);
  assert.deepEqual(parsed.skipped, { QZ: 1, "confidential product": 1 });
  const gr = await store.all<{ reporter: string; month: number; value: number; quantity: number; qty_unit: string }>(
    "SELECT reporter, month, value, quantity, qty_unit FROM trade WHERE dataset = 'comext-test' AND reporter = 'GRC'",
  );
  assert.deepEqual(gr, [{ reporter: "GRC", month: 0, value: 1000, quantity: 500, qty_unit: "kg" }]);
  const x = await store.one<{ flow: string; partner: string; year: number }>(
    "SELECT flow, partner, year FROM trade WHERE dataset = 'comext-test' AND product = '28469050'",
  );
  assert.deepEqual(x, { flow: "X", partner: "JPN", year: 2023 });
  const monthly = await store.one<{ month: number }>("SELECT month FROM trade WHERE partner = 'MOZ'");
  assert.equal(monthly?.month, 3);
});

test("comext: extra-group shares exclude intra-group partners and monthly rows (hand-computed)", async () => {
  // DEU+GRC annual 2024 HS 2504 imports: AT 2,028,585 + CN 14,305,946 + 14,956,016 + 1,000 + BR 6,578,576.
  const s = await extraGroupImportShares(store, { dataset: "comext-test", reporters: ["DEU", "GRC"], productPrefix: "2504", year: 2024 });
  assert.deepEqual(s.map((r) => r.partner), ["CHN", "BRA", "AUT"]);
  assert.equal(s[0].value, 29_262_962);
  assert.ok(Math.abs(s[0].share - 29_262_962 / 37_870_123) < 1e-12);
  const withAustria = await extraGroupImportShares(store, { dataset: "comext-test", reporters: ["DEU", "AUT"], productPrefix: "2504", year: 2024 });
  assert.ok(!withAustria.some((r) => r.partner === "AUT"), "a member of the group is not a supplier to it");
});

test("comext: loading the same file twice changes nothing", async () => {
  const before = await tradeFingerprint(store);
  const [r] = await ingest(store, "comext", [fixture], { dataset: "comext-test" });
  assert.equal(r.skipped, true);
  assert.equal(await tradeFingerprint(store), before);
});

test("comext: a bad number names file, line and field", async () => {
  const err = await failing("bad-number.csv", `${HEADER}DE,CN,25041000,1,2024,12a4\nDE,CN,25049000,1,2024,5\n`);
  assert.match(err.message, /bad-number\.csv/);
  assert.deepEqual(err.problems.map((p) => [p.line, p.field, p.code, p.value]), [[2, "VALUE_IN_EUROS", "invalid_number", "12a4"]]);
});

test("comext: a missing column names the column and its accepted spellings", async () => {
  const err = await failing("missing.csv", "DECLARANT_ISO,PARTNER_ISO,PRODUCT_NC,FLOW,PERIOD\nDE,CN,25041000,1,2024\n");
  assert.match(err.message, /missing\.csv:1: missing column 'VALUE_IN_EUROS' \(or 'VALUE_EUR'\)/);
  assert.deepEqual(err.problems.map((p) => [p.line, p.field]), [[1, "VALUE_IN_EUROS"]]);
});

test("comext: cp1252 bytes are rejected with line and field", async () => {
  const bytes = Buffer.concat([Buffer.from(`${HEADER}DE,CN,25041000,1,2024,1\nDE,C`), Buffer.from([0xe9]), Buffer.from("N,25041000,1,2024,2\n")]);
  const err = await failing("cp1252.csv", bytes);
  assert.deepEqual(err.problems.map((p) => [p.code, p.line, p.field]), [["bad_encoding", 3, "PARTNER_ISO"]]);
  assert.match(err.message, /cp1252\.csv:3: field 'PARTNER_ISO'/);
});

test("comext: a truncated file is rejected with line and field", async () => {
  const err = await failing("truncated.csv", `${HEADER}DE,CN,25041000,1,2024,1\nDE,CN,2504`);
  assert.deepEqual(err.problems.map((p) => [p.code, p.line, p.field]), [["truncated_row", 3, "FLOW"]]);
});

test("comext: unknown partner codes are problems, not silently dropped", async () => {
  const err = await failing("unknown.csv", `${HEADER}DE,ZZ,25041000,1,2024,1\nDE,CN,25041000,3,2024,1\n`);
  assert.deepEqual(err.problems.map((p) => [p.line, p.field, p.code]), [
    [2, "PARTNER_ISO", "unknown_country"],
    [3, "FLOW", "invalid_flow"],
  ]);
});
