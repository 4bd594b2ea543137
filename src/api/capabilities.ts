import { ChokepointError } from "../domain/error.ts";

/**
 * What the API can serve, resolved lazily by dynamic import: each capability names the module and
 * export that implements it. Modules are built by different people at different times, so a
 * missing module or export is a 501 `not_implemented` for its routes, never a crash or fake data.
 */
export type CapabilityName =
  | "materials"
  | "exposure"
  | "overview"
  | "assess"
  | "benchmarks"
  | "simulate"
  | "validateScenario"
  | "parseScenario"
  | "plan"
  | "events"
  | "anomalies"
  | "alerts"
  | "scan"
  | "tariffs"
  | "tariffTimeline"
  | "partners";

// Thunks (not strings) so the bundler-free tsx loader and tsc both see real module paths.
type Loader = () => Promise<Record<string, unknown>>;
export type CapabilityTable = Record<CapabilityName, { load: Loader; name: string; issue: string }>;

export const CAPABILITIES: CapabilityTable = {
  materials: { load: () => import("../store/queries/materials.ts"), name: "listMaterials", issue: "material catalogue" },
  exposure: { load: () => import("../analytics/exposure.ts"), name: "exposure", issue: "exposure" },
  overview: { load: () => import("../analytics/overview.ts"), name: "overview", issue: "overview" },
  assess: { load: () => import("../analytics/criticality/assess.ts"), name: "assess", issue: "criticality assessment" },
  benchmarks: { load: () => import("../analytics/benchmarks/benchmarks.ts"), name: "crmaBenchmarks", issue: "CRM Act benchmarks" },
  simulate: { load: () => import("../simulate/index.ts"), name: "simulate", issue: "simulator" },
  validateScenario: { load: () => import("../simulate/index.ts"), name: "validateScenario", issue: "simulator" },
  parseScenario: { load: () => import("../simulate/index.ts"), name: "parseScenario", issue: "simulator" },
  plan: { load: () => import("../plan/plan.ts"), name: "plan", issue: "planner" },
  events: { load: () => import("./monitor.ts"), name: "listEvents", issue: "monitoring (events)" },
  anomalies: { load: () => import("./monitor.ts"), name: "listAnomalies", issue: "monitoring (anomalies)" },
  alerts: { load: () => import("./monitor.ts"), name: "listAlerts", issue: "monitoring (alerts)" },
  scan: { load: () => import("../analytics/scan.ts"), name: "scan", issue: "world-scale scan (BACI)" },
  tariffs: { load: () => import("../tariffs/exposure.ts"), name: "tariffs", issue: "US tariffs" },
  tariffTimeline: { load: () => import("../tariffs/timeline.ts"), name: "tariffTimeline", issue: "US tariffs (timeline)" },
  partners: { load: () => import("../plan/partners.ts"), name: "partners", issue: "partner finder (BACI)" },
};

/** Resolves capabilities once each and remembers the answer (including "not there"). */
export class Capabilities {
  private readonly cache = new Map<CapabilityName, Promise<((...a: never[]) => unknown) | null>>();
  constructor(private readonly table: CapabilityTable = CAPABILITIES) {}

  /**
   * The implementing function, or a 501 `not_implemented` error naming what is missing.
   * @example const exposure = await caps.get("exposure"); await exposure(store, query);
   */
  async get<F = (...a: any[]) => Promise<any>>(name: CapabilityName): Promise<F> {
    const fn = await this.probe(name);
    if (!fn) {
      const c = this.table[name];
      throw new ChokepointError("not_implemented", `${c.issue} is not available in this build (${name}: export '${c.name}' not found)`);
    }
    return fn as F;
  }

  /** Which capabilities are available (for /api/health and the dashboard). */
  async list(): Promise<Record<CapabilityName, boolean>> {
    const names = Object.keys(this.table) as CapabilityName[];
    const got = await Promise.all(names.map((n) => this.probe(n)));
    return Object.fromEntries(names.map((n, i) => [n, !!got[i]])) as Record<CapabilityName, boolean>;
  }

  private probe(name: CapabilityName) {
    if (!this.cache.has(name)) {
      const c = this.table[name];
      this.cache.set(
        name,
        c.load().then(
          (m) => (typeof m[c.name] === "function" ? (m[c.name] as (...a: never[]) => unknown) : null),
          (e: NodeJS.ErrnoException) => {
            if (e?.code === "ERR_MODULE_NOT_FOUND") return null;
            throw e;
          },
        ),
      );
    }
    return this.cache.get(name)!;
  }
}
