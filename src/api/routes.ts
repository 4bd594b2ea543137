import type { z } from "zod";
import { PlanRequestSchema } from "../plan/request.ts";
import { PartnersRequestSchema } from "../plan/partners-request.ts";
import { ScenarioSchema } from "../simulate/scenario.ts";
import { TariffRequestSchema, TimelineQuerySchema } from "../tariffs/request.ts";
import type { Store } from "../store/store.ts";
import type { Capabilities } from "./capabilities.ts";
import * as S from "./schemas.ts";
import { AlertsRequest, AnomaliesRequest, EventsRequest, RestrictionsRequest } from "../monitor/request.ts";
import { listAlerts, listAnomalies } from "../monitor/alerts/list.ts";
import { listEvents } from "./monitor.ts";
import { listRestrictions } from "../monitor/restrictions/list.ts";

/** What a route handler gets: the store, the capabilities and its validated input. */
export interface RouteContext<Q = any> {
  store: Store;
  caps: Capabilities;
  query: Q;
  body: unknown;
}

/** One API route as data: the app, the OpenAPI document and the tests all read this table. */
export interface Route {
  method: "get" | "post";
  path: string;
  summary: string;
  query: z.ZodType;
  /** Request body schema (documentation; the handler validates with the library's own parser). */
  body?: z.ZodType;
  /** Requires the token when CHOKEPOINT_TOKEN is set (writes or heavy computation). */
  guarded?: boolean;
  /** Same input, same answer while the server runs (the store is read-only for the API). */
  cacheable: boolean;
  run: (ctx: RouteContext) => Promise<unknown>;
}

export const ROUTES: Route[] = [
  {
    method: "get", path: "/api/materials", summary: "The material catalogue with EU CRM/SRM and Japan flags", query: S.MaterialsQuery, cacheable: true,
    run: async ({ store, caps, query }) => {
      let mats: { id: string; grp: string | null; parent: string | null }[] = await (await caps.get("materials"))(store);
      if (query.group) mats = mats.filter((m) => m.grp === query.group || m.parent === query.group || m.id === query.group);
      return { materials: mats, source: { dataset: "chokepoint material catalogue", edition: "data/materials" } };
    },
  },
  {
    method: "get", path: "/api/exposure", summary: "Who supplies a bloc with a material at a stage; HHI, top supplier, CRM Act check", query: S.ExposureQuery, cacheable: true,
    run: async ({ store, caps, query }) => (await caps.get("exposure"))(store, query),
  },
  {
    method: "get", path: "/api/overview", summary: "Every material ranked by concentration of world supply, with the bloc's sourcing", query: S.OverviewQuery, cacheable: true,
    run: async ({ store, caps, query }) => (await caps.get("overview"))(store, query.bloc),
  },
  {
    method: "get", path: "/api/assess", summary: "EU criticality method (supply risk, economic importance) for a bloc", query: S.AssessQuery, cacheable: true,
    run: async ({ store, caps, query }) => (await caps.get("assess"))(store, { bloc: query.bloc, material: query.material }),
  },
  {
    method: "get", path: "/api/benchmarks", summary: "CRM Act 2030 benchmarks per strategic raw material; Japan's stockpile parameters", query: S.EmptyQuery, cacheable: true,
    run: async ({ store, caps }) => (await caps.get("benchmarks"))(store),
  },
  {
    method: "get", path: "/api/events", summary: "Stored events read from notices and news (chokepoint watch)", query: EventsRequest, cacheable: false,
    run: async ({ store, query }) => listEvents(store, EventsRequest.parse(query)),
  },
  {
    method: "get", path: "/api/anomalies", summary: "Collapses and spikes in monthly trade (any exporter, importer or reporter), newest first", query: AnomaliesRequest, cacheable: true,
    run: async ({ store, query }) => listAnomalies(store, AnomaliesRequest.parse(query)),
  },
  {
    method: "get", path: "/api/alerts", summary: "One alert per signal (event, measure in force, collapse in a bloc's imports) above the materiality thresholds, ranked by its own scenario's simulated shortfall", query: AlertsRequest, cacheable: false,
    run: async ({ store, query }) => listAlerts(store, AlertsRequest.parse(query)),
  },
  {
    method: "get", path: "/api/restrictions", summary: "Export restrictions on record on a date (default today): in force, suspended until, ended; destinations; official URL", query: RestrictionsRequest, cacheable: true,
    run: async ({ store, query }) => listRestrictions(store, RestrictionsRequest.parse(query)),
  },
  {
    method: "get", path: "/api/scan", summary: "Every HS6 product a bloc imports from outside (CEPII BACI): concentration, top supplier, its world share, EC dependency flag", query: S.ScanQuery, cacheable: true,
    run: async ({ store, caps, query }) => {
      const r = await (await caps.get("scan"))(store, { bloc: query.bloc, year: query.year, minTopShare: query.minTopShare, dependentOnly: query.dependent, materialsOnly: query.materials });
      return { ...r, products: r.products.slice(0, query.limit), returned: Math.min(query.limit, r.products.length) };
    },
  },
  {
    method: "post", path: "/api/simulate", summary: "Run a scenario (same schema as scenario files; JSON or YAML body)", query: S.SimulateQuery, body: ScenarioSchema, cacheable: true, guarded: true,
    run: async ({ store, caps, query, body }) => {
      const scenario = typeof body === "string" ? (await caps.get("parseScenario"))(body, "request body") : (await caps.get("validateScenario"))(body, "request body");
      return (await caps.get("simulate"))(store, scenario, { runs: query.runs, seed: query.seed, offThread: true });
    },
  },
  {
    method: "post", path: "/api/plan", summary: "Optimise the sourcing mix and stockpile (same fields as the plan command)", query: S.EmptyQuery, body: PlanRequestSchema, cacheable: true, guarded: true,
    run: async ({ store, caps, body }) => (await caps.get("plan"))(store, body),
  },
  {
    method: "get", path: "/api/tariffs", summary: "US tariffs in force on a date on an exporter's 2024 US sales: duty, effective rate, products, measures, trade effect", query: TariffRequestSchema, cacheable: true,
    run: async ({ store, caps, query }) => (await caps.get("tariffs"))(store, query),
  },
  {
    method: "get", path: "/api/tariffs/timeline", summary: "Effective US tariff rate on exporters' 2024 US sales at every measure date since 2024", query: TimelineQuerySchema, cacheable: true,
    run: async ({ store, caps, query }) => (await caps.get("tariffTimeline"))(store, { exporters: query.exporters.split(","), to: query.to }),
  },
  {
    method: "get", path: "/api/partners", summary: "Who else could supply a bloc where it depends on one country: alliance half first, then trusted partners, then others (CEPII BACI)", query: PartnersRequestSchema, cacheable: true,
    run: async ({ store, caps, query }) => (await caps.get("partners"))(store, query),
  },
];
