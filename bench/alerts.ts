// Alerts page/API latency: listAlerts (what GET /api/alerts and `chokepoint alerts` run) for
// ALLIANCE and for the default three blocs, simulated (200 runs per alert scenario), against a
// same-run baseline without simulation (exposure lookups and signal reading only).
// Usage: node --import tsx bench/alerts.ts [--db path]
import { performance } from "node:perf_hooks";
import { openStore } from "../src/ingest/starter/open.ts";
import { listAlerts } from "../src/monitor/alerts/list.ts";
import { AlertsRequest } from "../src/monitor/request.ts";

const dbArg = process.argv.indexOf("--db");
const store = await openStore({ db: dbArg > 0 ? process.argv[dbArg + 1] : ":memory:" });
const time = async (q: object) => {
  const t = performance.now();
  const out = await listAlerts(store, AlertsRequest.parse(q), { date: "2026-12-05" });
  return { ms: performance.now() - t, n: out.alerts.length };
};
await time({ bloc: "ALLIANCE", simulate: false }); // warm the memoised reference reads
for (const bloc of ["ALLIANCE", undefined]) {
  const label = bloc ?? "JPN+EU27+ALLIANCE";
  const base = await time({ ...(bloc ? { bloc } : {}), simulate: false });
  const sim = await time({ ...(bloc ? { bloc } : {}) });
  console.log(`${label}: ${sim.n} alerts, simulated ${(sim.ms / 1000).toFixed(2)} s; exposure-only baseline ${(base.ms / 1000).toFixed(2)} s (${(sim.ms / base.ms).toFixed(1)}×)`);
}
await store.close();
