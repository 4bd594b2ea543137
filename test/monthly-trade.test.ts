// Issue 14 build 4: monthly trade for any reporter (plain CSV loader) and anomalies for it.
// The fixture is synthetic (a steady flow, then a drop from March 2025), written for this test.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/ingest/starter/open.ts";
import { ingest } from "../src/ingest/ingest.ts";
import { listAnomalies } from "../src/monitor/alerts/list.ts";
import { AnomaliesRequest } from "../src/monitor/request.ts";
import { ChokepointError } from "../src/domain/error.ts";

const store = await openStore({ db: ":memory:" });
after(() => store.close());

test("monthly-trade: DR Congo's exports load and the March 2025 collapse is found for exporter COD and reporter COD", async () => {
  await ingest(store, "monthly-trade", ["test/fixtures/monthly/cod_cobalt_exports.csv"], { dataset: "test-monthly" });
  for (const q of [{ exporter: "COD" }, { reporter: "COD", kind: "collapse" }]) {
    const r = await listAnomalies(store, AnomaliesRequest.parse(q));
    const first = r.anomalies.filter((a) => a.kind === "collapse").sort((a, b) => a.period.localeCompare(b.period))[0];
    assert.deepEqual([first?.exporter, first?.importer, first?.product, first?.period], ["COD", "CHN", "810520", "2025-03"]);
    assert.equal(first.observed, 400_000);
    // Newest first, one order for CLI and API.
    assert.deepEqual(r.anomalies.map((a) => a.period), [...r.anomalies.map((a) => a.period)].sort().reverse());
  }
});

test("monthly-trade: a bad month names file, line and field; nothing is loaded", async () => {
  const dir = mkdtempSync(join(tmpdir(), "monthly-"));
  const f = join(dir, "bad.csv");
  writeFileSync(f, "period,reporter,partner,flow,code,value,quantity\n2025-01,JPN,CHN,M,811292,100,\n2025-13,JPN,CHN,M,811292,100,\n");
  await assert.rejects(ingest(store, "monthly-trade", [f], { dataset: "bad" }), (e: ChokepointError) => {
    assert.equal(e.problems[0].line, 3);
    assert.equal(e.problems[0].field, "period");
    return true;
  });
  const n = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM trade WHERE reporter = 'JPN' AND month > 0");
  assert.equal(n?.n, 0);
});
