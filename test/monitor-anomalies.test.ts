// Validation on the shipped China monthly exports (UN Comtrade): the graphite controls (MOFCOM/GAC
// Announcement No. 39 of 2023, in force 1 December 2023) must show as a collapse in China's world
// exports of natural graphite (HS 250410) in the month they took effect.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import { hs6Materials, monthlyFlows } from "../src/store/queries/monitor.ts";
import { buildSeries, detectAnomalies } from "../src/monitor/anomalies/detect.ts";
import { validate } from "../src/monitor/anomalies/validate.ts";

const store = await openStore({ db: ":memory:" });
after(() => store.close());

test("graphite controls: collapse detected in 2023-12 with no false alarm on the world series", async () => {
  const rows = await monthlyFlows(store, "CHN");
  const series = buildSeries(rows, {});
  const anomalies = detectAnomalies(series, await hs6Materials(store));
  const [world] = validate(series.filter((s) => s.importer === "WLD"), anomalies, [
    { name: "graphite", products: ["250410"], effective: "2023-12" },
  ]);
  assert.equal(world.collapseDelay, 0);
  assert.equal(world.falseAlarms, 0);
  const dec = anomalies.find((a) => a.importer === "WLD" && a.product === "250410" && a.period === "2023-12")!;
  assert.equal(dec.kind, "collapse");
  assert.equal(dec.material, "natural-graphite");
  assert.ok(dec.observed < dec.baseline / 2);
  assert.equal(dec.source.year, 2023);
});
