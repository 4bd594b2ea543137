import { blocsFrom } from "../../store/queries/blocs.ts";
import { ChokepointError } from "../../domain/error.ts";
import { ensureMonitorTables, hs6Materials, monthlyFlows, storedEvents, type MonthlyFlow } from "../../store/queries/monitor.ts";
import { restrictionsInForce, today, type Restriction } from "../../store/queries/restrictions.ts";
import type { Store } from "../../store/store.ts";
import { DEFAULT_DETECT } from "../anomalies/baseline.ts";
import { buildSeries, detectAnomalies, type Anomaly } from "../anomalies/detect.ts";
import type { MonitorEvent } from "../../domain/monitor-event.ts";
import type { AlertsRequest, AnomaliesRequest } from "../request.ts";
import { buildAlerts, MATERIALITY } from "./alerts.ts";
import type { Alert } from "./rank.ts";

const DEFAULT_BLOCS = ["JPN", "EU27", "ALLIANCE"];
const monthKey = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;

/**
 * Collapses and spikes in monthly trade, newest first (then by |score|), for the CLI and the API
 * alike. Any reporter: `exporter`, `importer` (country, bloc summed over its members, or WLD) and
 * `reporter` (either side of the flow).
 *
 * @example await listAnomalies(store, AnomaliesRequest.parse({ exporter: "CHN", material: "gallium" }))
 */
export async function listAnomalies(store: Store, q: AnomaliesRequest) {
  let rows: MonthlyFlow[] = await monthlyFlows(store, q.exporter);
  if (q.reporter) rows = rows.filter((r) => r.exporter === q.reporter || r.importer === q.reporter);
  if (rows.length === 0) {
    throw new ChokepointError("no_data", `no monthly trade${q.exporter ? ` for exporter ${q.exporter}` : ""}${q.reporter ? ` with ${q.reporter} on either side` : ""} in the store (load some: chokepoint ingest monthly-trade <file>)`);
  }
  const materials = await hs6Materials(store);
  let importer: string | undefined;
  let bloc: { id: string; members: string[] } | undefined;
  if (q.importer) {
    const b = (await blocsFrom(store)).resolve(q.importer, { world: true });
    if (b.members.length === 1) importer = b.members[0];
    else bloc = b;
  }
  let series = buildSeries(rows, { bloc });
  if (importer) series = series.filter((s) => s.importer === importer);
  if (q.material) {
    series = series.filter((s) => (materials.get(s.product) ?? []).includes(q.material!));
    if (series.length === 0) throw new ChokepointError("no_data", `no monthly series carries material '${q.material}'`);
  }
  const detect = { ...DEFAULT_DETECT, threshold: q.threshold, minBaseline: q.minBaseline, minActive: q.minActive, persist: q.persist };
  let anomalies: Anomaly[] = detectAnomalies(series, materials, detect);
  if (q.since) anomalies = anomalies.filter((a) => a.period >= q.since!);
  if (q.kind) anomalies = anomalies.filter((a) => a.kind === q.kind);
  anomalies.sort((a, b) => b.period.localeCompare(a.period) || Math.abs(b.score) - Math.abs(a.score));
  const source = { dataset: rows[0].dataset, edition: rows[0].edition };
  return { anomalies, series: series.length, source, method: "seasonal robust baseline (docs/monitoring.md)" };
}

/**
 * Collapses in each bloc's monthly imports (series summed over the members) from the last `months`
 * months of data: the trade signals alerts read. A dip to one member that others offset is no signal.
 */
export function blocCollapses(rows: readonly MonthlyFlow[], blocs: readonly { id: string; members: string[] }[], materials: Map<string, string[]>, months: number): Anomaly[] {
  if (!rows.length) return [];
  const last = rows.reduce((m, r) => Math.max(m, r.year * 12 + r.month - 1), 0);
  const since = last - months + 1;
  return blocs.flatMap((b) =>
    detectAnomalies(buildSeries(rows.filter((r) => b.members.includes(r.importer)), { bloc: b }), materials).filter((a) => a.kind === "collapse" && monthKey(a.period) >= since),
  );
}

/** A measure on record as an event for alerts (licensing → export_restriction; destinations → targets). */
export function restrictionEvent(r: Restriction): MonitorEvent & { kind: "restriction"; id: string } {
  return {
    kind: "restriction", id: `${r.country}|${r.measureId}`,
    type: "export_restriction", actor: r.country, targets: r.destinations ?? ["ALL"], products: r.materials, hsCodes: r.codes,
    measureDate: r.from, rate: null, status: "in_force",
    evidence: `${r.measureId}: ${r.measure}${r.url ? ` (${r.url})` : ""}`,
  };
}

/**
 * Alerts for blocs, as the CLI and the API serve them: stored events (plus `extraEvents`, e.g. from
 * a text), measures in force today, and collapses in the blocs' monthly imports of the last
 * `months` months; materiality thresholds, then one simulation per alert; `since` keeps alerts
 * dated on or after that day (a month counts from its first day).
 *
 * @example await listAlerts(store, AlertsRequest.parse({ bloc: "ALLIANCE" }))
 */
export async function listAlerts(
  store: Store,
  q: AlertsRequest,
  opts: { extraEvents?: MonitorEvent[]; date?: string; onProgress?: (done: number, total: number) => void } = {},
) {
  await ensureMonitorTables(store);
  const specs = q.bloc === undefined ? DEFAULT_BLOCS : typeof q.bloc === "string" ? [q.bloc] : q.bloc;
  const book = await blocsFrom(store);
  const blocs = specs.map((b) => book.resolve(b));
  const date = opts.date ?? today();
  const events: (MonitorEvent & { kind?: "event" | "restriction"; id?: string })[] = [...(await storedEvents(store)), ...(opts.extraEvents ?? [])];
  events.push(...(await restrictionsInForce(store, { date })).map(restrictionEvent));
  const rows = await monthlyFlows(store);
  const anomalies = blocCollapses(rows, blocs, await hs6Materials(store), q.months);
  const materiality = { minValueUsd: q.minValueUsd ?? MATERIALITY.minValueUsd, minShare: q.minShare ?? MATERIALITY.minShare };
  let alerts: Alert[] = await buildAlerts(store, events, anomalies, blocs, { simulate: q.simulate, runs: q.runs, ...materiality, onProgress: opts.onProgress });
  if (q.since) alerts = alerts.filter((a) => a.date !== null && (a.date.length === 7 ? `${a.date}-31` : a.date) >= q.since!);
  const groups = blocs.flatMap((b) =>
    (["restriction", "event", "anomaly"] as const).map((kind) => {
      const xs = alerts.filter((a) => a.bloc === b.id && a.kind === kind);
      return { bloc: b.id, kind, count: xs.length, latest: xs.reduce<string | null>((m, a) => (a.date && (!m || a.date > m) ? a.date : m), null) };
    }),
  ).filter((g) => g.count > 0);
  return {
    date, blocs: blocs.map((b) => b.id), alerts, groups, materiality,
    method: q.simulate
      ? "one alert per signal and bloc; simulated default scenario per alert (its own scenario); impact = peak shortfall (p50+p95)/2 in the worst market, else severity × supplier share"
      : "one alert per signal and bloc; exposure-ranked (no simulation): impact = severity × supplier share",
  };
}
