import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store } from "../src/store/store.ts";
import { createSchema } from "../src/store/schema.ts";
import { readManifest } from "../src/store/manifest.ts";
import { ingest } from "../src/ingest/ingest.ts";
import type { ChokepointError } from "../src/domain/error.ts";

const FIX = new URL("./fixtures/baci/comtrade-bulk/", import.meta.url).pathname;
let store: Store;

before(async () => {
  store = await Store.open(":memory:");
  await createSchema(store);
  for (const e of readManifest().filter((d) => d.id === "countries")) {
    await ingest(store, e.loader, e.files.map((f) => join(e.dir, f)), { dataset: e.id });
  }
});
after(() => store?.close());

const rowsOf = (dataset: string) =>
  store.all<{ flow: string; reporter: string; partner: string; product: string; value: number; quantity: number | null; month: number; classification: string }>(
    "SELECT flow, reporter, partner, product, value, quantity, month, classification FROM trade WHERE dataset = $1 ORDER BY reporter, flow, partner",
    [dataset],
  );

test("bulk file: totals only, M/X only, World and areas skipped, Comtrade's own codes mapped", async () => {
  const [r] = await ingest(store, "comtrade-bulk", [join(FIX, "TradeData_2023_A_HS6.txt")], { dataset: "bulk" });
  assert.equal(r.rows, 4);
  assert.deepEqual(await rowsOf("bulk"), [
    // 251 is Comtrade's (and BACI's) code for France.
    { flow: "M", reporter: "FRA", partner: "CHN", product: "260500", value: 900, quantity: 50, month: 0, classification: "HS6" },
    { flow: "M", reporter: "JPN", partner: "CHN", product: "811292", value: 5_000_000, quantity: 1000, month: 0, classification: "HS6" },
    // 842 = USA; a zero net weight is "not reported", not zero kilograms.
    { flow: "M", reporter: "JPN", partner: "USA", product: "811292", value: 1_000_000, quantity: null, month: 0, classification: "HS6" },
    // "Other Asia, nes" (490) is Taiwan; an export without primaryValue takes its FOB value.
    { flow: "X", reporter: "JPN", partner: "TWN", product: "811292", value: 20, quantity: 3, month: 0, classification: "HS6" },
  ]);
});

test("gzipped bulk files are read directly", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ct-bulk-"));
  const gz = join(dir, "TradeData_2023_A_HS6.txt.gz");
  writeFileSync(gz, gzipSync(readFileSync(join(FIX, "TradeData_2023_A_HS6.txt"))));
  const [r] = await ingest(store, "comtrade-bulk", [gz], { dataset: "bulk-gz" });
  assert.equal(r.rows, 4);
});

test("bad rows are reported with line and field, and nothing is written", async () => {
  await assert.rejects(ingest(store, "comtrade-bulk", [join(FIX, "bad_2023_A_HS6.txt")], { dataset: "bulk-bad" }), (e: ChokepointError) => {
    assert.equal(e.code, "validation_failed");
    assert.deepEqual(e.problems.map((p) => `${p.line}:${p.field}`), ["2:refYear", "3:primaryValue", "5:netWgt"]);
    return true;
  });
  assert.equal((await rowsOf("bulk-bad")).length, 0);
});
