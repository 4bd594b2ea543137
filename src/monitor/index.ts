/** Monitoring: event extraction from text, feeds, trade anomalies, alerts (issue 6). */
export { createExtractor } from "./extract/extract.ts";
export { buildGazetteer, type Gazetteer } from "./extract/gazetteer.ts";
export { gazetteerFromStore } from "./extract/gazetteer-store.ts";
export type { MonitorEvent } from "../domain/monitor-event.ts";
export { buildSeries, detectAnomalies, type Anomaly } from "./anomalies/detect.ts";
export { buildAlerts } from "./alerts/alerts.ts";
export type { Alert } from "./alerts/rank.ts";
export { pollFeed } from "./feeds/watch.ts";
