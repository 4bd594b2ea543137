import { ensureMonitorTables, storedEvents } from "../store/queries/monitor.ts";
import type { Store } from "../store/store.ts";

export { listAlerts, listAnomalies } from "../monitor/alerts/list.ts";

/**
 * Monitoring as the API serves it: alerts and anomalies come from monitor/alerts/list.ts (the
 * composition the CLI uses too); stored events from `chokepoint watch`, newest first.
 * @example await listEvents(store, { limit: 50 })
 */
export async function listEvents(store: Store, q: { limit?: number } = {}) {
  await ensureMonitorTables(store);
  const events = await storedEvents(store);
  return { events: events.slice(0, q.limit ?? 200), total: events.length };
}
