import { resolveBlocFrom } from "../domain/blocs.ts";
import { buildAlerts } from "../monitor/alerts/alerts.ts";
import { buildSeries, detectAnomalies, type Anomaly } from "../monitor/anomalies/detect.ts";
import { listCountries } from "../store/queries/countries.ts";
import { ensureMonitorTables, hs6Materials, monthlyFlows, storedEvents } from "../store/queries/monitor.ts";
import type { Store } from "../store/store.ts";

/**
 * Monitoring as the API serves it: the same composition as the `events`/`anomalies`/`alerts`
 * commands (stored events from `chokepoint watch`, anomalies in monthly trade, ranked alerts).
 */

/** Stored events, newest first. @example await listEvents(store, { limit: 50 }) */
export async function listEvents(store: Store, q: { limit?: number } = {}) {
  await ensureMonitorTables(store);
  const events = await storedEvents(store);
  return { events: events.slice(0, q.limit ?? 200), total: events.length };
}

/**
 * Collapses and spikes in monthly trade, newest first.
 * @example await listAnomalies(store, { exporter: "CHN", material: "gallium" })
 */
export async function listAnomalies(store: Store, q: { exporter?: string; material?: string; since?: string } = {}) {
  const rows = await monthlyFlows(store, q.exporter);
  let series = buildSeries(rows, {});
  const materials = await hs6Materials(store);
  if (q.material) series = series.filter((s) => (materials.get(s.product) ?? []).includes(q.material!));
  let anomalies: Anomaly[] = detectAnomalies(series, materials);
  if (q.since) anomalies = anomalies.filter((a) => a.period >= q.since!);
  anomalies.sort((a, b) => b.period.localeCompare(a.period) || Math.abs(b.score) - Math.abs(a.score));
  return { anomalies, series: series.length, method: "seasonal robust baseline (docs/monitoring.md)" };
}

/**
 * Alerts for blocs: stored events and trade collapses of the last `months` months, ranked by the
 * share of the bloc's supply at risk.
 * @example await listAlerts(store, { blocs: ["JPN"], months: 6 })
 */
export async function listAlerts(store: Store, q: { blocs: string[]; months: number }) {
  await ensureMonitorTables(store);
  const countries = await listCountries(store);
  const blocs = q.blocs.map((b) => resolveBlocFrom(b, countries));
  const events = await storedEvents(store);
  const rows = await monthlyFlows(store);
  const last = rows.reduce((m, r) => Math.max(m, r.year * 12 + r.month - 1), 0);
  const since = last - q.months + 1;
  const anomalies = detectAnomalies(buildSeries(rows, {}), await hs6Materials(store)).filter(
    (a) => Number(a.period.slice(0, 4)) * 12 + Number(a.period.slice(5)) - 1 >= since,
  );
  const alerts = await buildAlerts(store, events, anomalies, blocs);
  return { alerts, method: "exposure-ranked (no simulation)" };
}
