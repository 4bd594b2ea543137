// Round one's lesson applied to alerts: JPN's rare-earth imports come only from the truncated UN Comtrade
// preview (data/comtrade-japan, 500-record cap), so an alert that says "CHN supplies 98.6 %" of them must
// say it is incomplete and name the truncation — in the library, the CLI's JSON and the API alike.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import { listAlerts } from "../src/monitor/alerts/list.ts";
import { AlertsRequest } from "../src/monitor/request.ts";

const store = await openStore({ db: ":memory:" });
after(() => store.close());
const TRUNCATED = /comtrade-japan-imports is truncated \(UN Comtrade public preview API capped at 500 records/;

test("JPN alerts on rare earths: incomplete, the truncation named; an alert on complete data says complete", async () => {
  const out = await listAlerts(store, AlertsRequest.parse({ bloc: "JPN", runs: 50 }), { date: "2026-12-05" });
  const re = out.alerts.filter((a) => a.material === "rare-earths" && a.basis === "sourcing");
  assert.ok(re.length >= 1, "a rare-earths alert for JPN from its sourcing");
  for (const a of re) {
    assert.equal(a.coverage.complete, false, a.signal);
    assert.ok(a.coverage.warnings.some((w) => TRUNCATED.test(w) && w.startsWith(`${a.supplier}'s share (sourcing ${a.year})`)), a.coverage.warnings.join("\n"));
  }
  // Every alert states its coverage.
  for (const a of out.alerts) {
    assert.equal(typeof a.coverage.complete, "boolean");
    assert.ok(Array.isArray(a.coverage.warnings));
  }
});

test("EU27 gallium alert: China's share rests on complete Comext records, so its share carries no warning", async () => {
  const out = await listAlerts(store, AlertsRequest.parse({ bloc: "EU27", runs: 50 }), { date: "2026-12-05" });
  const ga = out.alerts.filter((a) => a.material === "gallium" && a.basis === "sourcing" && a.supplier === "CHN");
  assert.ok(ga.length >= 1, out.alerts.map((a) => `${a.material}/${a.basis}`).join(", "));
  for (const a of ga) assert.deepEqual(a.coverage.warnings.filter((w) => w.startsWith("CHN's share")), [], a.signal);
  assert.ok(ga.some((a) => a.coverage.complete), "at least one is complete throughout");
});
