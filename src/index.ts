/**
 * chokepoint as a library.
 * @example
 * import { openStore, exposure } from "chokepoint";
 * const store = await openStore();
 * const e = await exposure(store, { material: "gallium", stage: "processing", bloc: "ALLIANCE", basis: "production" });
 */
export { ChokepointError, type ErrorCode, type Problem } from "./domain/error.ts";
export { Store } from "./store/store.ts";
export { openStore } from "./ingest/starter/open.ts";
export { ingest } from "./ingest/ingest.ts";
export { loaders } from "./ingest/registry.ts";
export { exposure, CRMA_MAX_SHARE, type Exposure, type ExposureQuery, type Supplier } from "./analytics/exposure.ts";
export { overview, type Overview, type OverviewRow } from "./analytics/overview.ts";
export { hhi, governanceWeightedHhi, wgiScale } from "./analytics/concentration.ts";
export { resolveBlocFrom, type Bloc } from "./domain/blocs.ts";
export { listMaterials, resolveMaterial, type Material } from "./store/queries/materials.ts";
export { datasetStatus, type DatasetStatus } from "./store/queries/status.ts";
export { STAGES, BASES, type Stage, type Basis, type SourceRef } from "./domain/vocabulary.ts";
export { assess, type Assessment } from "./analytics/criticality/assess.ts";
export { plan, type PlanReport } from "./plan/plan.ts";
export { extraGroupImportShares, countryCodes, type TradeRow, type PartnerShare } from "./store/queries/trade.ts";
export { simulate, type SimulationResult, type SimulateOptions, runModel, loadScenario, parseScenario, validateScenario, type Scenario } from "./simulate/index.ts";
export { createExtractor, buildGazetteer, gazetteerFromStore, buildSeries, detectAnomalies, buildAlerts, pollFeed, type MonitorEvent, type Anomaly, type Alert } from "./monitor/index.ts";
export { scan, type ScanResult, type ScanProduct, type ScanOptions } from "./analytics/scan.ts";
