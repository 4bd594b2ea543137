import { z } from "zod";
import { crmaBenchmarks } from "../analytics/benchmarks/benchmarks.ts";
import { BenchmarksRequestSchema } from "../analytics/benchmarks/request.ts";
import { assess } from "../analytics/criticality/assess.ts";
import { AssessRequestSchema } from "../analytics/criticality/request.ts";
import { exposure } from "../analytics/exposure.ts";
import { ExposureRequestSchema } from "../analytics/exposure-request.ts";
import { overview } from "../analytics/overview.ts";
import { OverviewRequestSchema } from "../analytics/overview-request.ts";
import { scan } from "../analytics/scan.ts";
import { ScanRequestSchema } from "../analytics/scan-request.ts";
import { plan } from "../plan/plan.ts";
import { parseRequest as parsePlanRequest, PlanRequestSchema } from "../plan/request.ts";
import { ScenarioSchema, SimulateRunSchema } from "../simulate/request.ts";
import { parseScenario, validateScenario } from "../simulate/scenario.ts";
import { simulate } from "../simulate/simulate.ts";
import { materials, MaterialsRequestSchema } from "../store/queries/materials-request.ts";
import { tariffs } from "../tariffs/exposure.ts";
import { tariffTimeline } from "../tariffs/timeline.ts";
import { TariffRequestSchema, TimelineQuerySchema } from "../tariffs/request.ts";
import type { Store } from "../store/store.ts";
import { blocsFrom, withBloc } from "../store/queries/blocs.ts";
import * as S from "./schemas.ts";
import { AlertsRequest, AnomaliesRequest, EventsRequest, RestrictionsRequest } from "../monitor/request.ts";
import { listAlerts, listAnomalies } from "../monitor/alerts/list.ts";
import { listEvents } from "./monitor.ts";
import { partners } from "../plan/partners.ts";
import { PartnersRequestSchema } from "../plan/partners-request.ts";
import { listRestrictions } from "../monitor/restrictions/list.ts";
import { BriefBodySchema, BriefRequestSchema, briefPdf } from "../report/brief-request.ts";
import { countries, CountriesRequestSchema } from "../store/queries/countries-request.ts";
import { parseRequest } from "../domain/request.ts";

/** What a route handler gets: the store, its validated query and the request body. */
export interface RouteContext<Q> {
  store: Store;
  query: Q;
  body: unknown;
}

/** One API route as data: the app, the OpenAPI document and the tests all read this table. */
export interface Route {
  method: "get" | "post";
  path: string;
  summary: string;
  /** The query's schema: the capability's own request schema, shared with the CLI. */
  query: z.ZodType;
  /** Request body schema (documentation; the handler validates with the library's own parser). */
  body?: z.ZodType;
  /** Requires the token when CHOKEPOINT_TOKEN is set (writes or heavy computation). */
  guarded?: boolean;
  /** Same input, same answer while the server runs (the store is read-only for the API). */
  cacheable: boolean;
  /** Runs the capability; `query` is what `query.parse` returned. */
  run: (ctx: RouteContext<unknown>) => Promise<unknown>;
}

/** A route whose handler sees its query typed by its schema. */
function route<S extends z.ZodType>(r: Omit<Route, "query" | "run"> & { query: S; run: (ctx: RouteContext<z.output<S>>) => Promise<unknown> }): Route {
  return { ...r, run: (ctx) => r.run({ ...ctx, query: r.query.parse(ctx.query) }) };
}

export const ROUTES: Route[] = [
  route({
    method: "get", path: "/api/blocs", summary: "Blocs a request may name (EU27, JPN, ALLIANCE, G7, configured blocs) with their members; any comma list of countries and blocs is accepted too", query: S.EmptyQuery, cacheable: true,
    run: async ({ store }) => ({ blocs: (await blocsFrom(store)).list() }),
  }),
  route({
    method: "get", path: "/api/materials", summary: "The material catalogue with EU CRM/SRM and Japan flags", query: MaterialsRequestSchema, cacheable: true,
    run: ({ store, query }) => materials(store, query),
  }),
  route({
    method: "get", path: "/api/exposure", summary: "Who supplies a bloc with a material at a stage; HHI, top supplier, CRM Act check", query: ExposureRequestSchema, cacheable: true,
    run: async ({ store, query }) => exposure(store, await withBloc(store, query)),
  }),
  route({
    method: "get", path: "/api/overview", summary: "Every material ranked by concentration of world supply, with the bloc's sourcing", query: OverviewRequestSchema, cacheable: true,
    run: async ({ store, query }) => overview(store, (await withBloc(store, query)).bloc),
  }),
  route({
    method: "get", path: "/api/assess", summary: "EU criticality method (supply risk, economic importance) for a bloc", query: AssessRequestSchema, cacheable: true,
    run: async ({ store, query }) => assess(store, await withBloc(store, query)),
  }),
  route({
    method: "get", path: "/api/benchmarks", summary: "CRM Act 2030 benchmarks per strategic raw material; Japan's stockpile parameters", query: BenchmarksRequestSchema, cacheable: true,
    run: ({ store }) => crmaBenchmarks(store),
  }),
  route({
    method: "get", path: "/api/events", summary: "Stored events read from notices and news (chokepoint watch)", query: EventsRequest, cacheable: false,
    run: ({ store, query }) => listEvents(store, query),
  }),
  route({
    method: "get", path: "/api/anomalies", summary: "Collapses and spikes in monthly trade (any exporter, importer or reporter), newest first", query: AnomaliesRequest, cacheable: true,
    run: ({ store, query }) => listAnomalies(store, query),
  }),
  route({
    method: "get", path: "/api/alerts", summary: "One alert per signal (event, measure in force, collapse in a bloc's imports) above the materiality thresholds, ranked by its own scenario's simulated shortfall", query: AlertsRequest, cacheable: true,
    run: ({ store, query }) => listAlerts(store, query),
  }),
  route({
    method: "get", path: "/api/restrictions", summary: "Export restrictions on record on a date (default today): in force, suspended until, ended; destinations; official URL", query: RestrictionsRequest, cacheable: true,
    run: ({ store, query }) => listRestrictions(store, query),
  }),
  route({
    method: "get", path: "/api/scan", summary: "Every HS6 product a bloc imports from outside (CEPII BACI): concentration, top supplier, its world share, EC dependency flag", query: ScanRequestSchema, cacheable: true,
    run: async ({ store, query }) => {
      const r = await scan(store, { bloc: (await withBloc(store, query)).bloc, year: query.year, minTopShare: query.minTopShare, dependentOnly: query.dependent, materialsOnly: query.materials });
      return { ...r, products: r.products.slice(0, query.limit), returned: Math.min(query.limit, r.products.length) };
    },
  }),
  route({
    method: "post", path: "/api/simulate", summary: "Run a scenario (same schema as scenario files; JSON or YAML body)", query: SimulateRunSchema, body: ScenarioSchema, cacheable: true, guarded: true,
    run: ({ store, query, body }) => {
      const scenario = typeof body === "string" ? parseScenario(body, "request body") : validateScenario(body, "request body");
      return simulate(store, scenario, { runs: query.runs, seed: query.seed, offThread: true });
    },
  }),
  route({
    method: "post", path: "/api/plan", summary: "Optimise the sourcing mix and stockpile (same fields as the plan command)", query: S.EmptyQuery, body: PlanRequestSchema, cacheable: true, guarded: true,
    run: async ({ store, body }) => plan(store, await withBloc(store, parsePlanRequest(body))),
  }),
  route({
    method: "get", path: "/api/tariffs", summary: "US tariffs in force on a date on an exporter's 2024 US sales: duty, effective rate, products, measures, trade effect", query: TariffRequestSchema, cacheable: true,
    run: ({ store, query }) => tariffs(store, query),
  }),
  route({
    method: "get", path: "/api/tariffs/timeline", summary: "Effective US tariff rate on exporters' 2024 US sales at every measure date since 2024", query: TimelineQuerySchema, cacheable: true,
    run: ({ store, query }) => tariffTimeline(store, { exporters: query.exporters.split(","), to: query.to }),
  }),
  route({
    method: "get", path: "/api/partners", summary: "Who else could supply a bloc where it depends on one country: alliance half first, then trusted partners, then others (CEPII BACI)", query: PartnersRequestSchema, cacheable: true,
    run: async ({ store, query }) => partners(store, await withBloc(store, query)),
  }),
  route({
    method: "get", path: "/api/countries", summary: "Country names by ISO3 code, with EU membership (for labels and the bloc picker)", query: CountriesRequestSchema, cacheable: true,
    run: ({ store }) => countries(store),
  }),
  route({
    method: "get", path: "/api/brief", summary: "A 2–4 page briefing on one material for one bloc, as PDF (application/pdf)", query: BriefRequestSchema, cacheable: false,
    run: async ({ store, query }) => briefPdf(store, await withBloc(store, query)),
  }),
  route({
    method: "post", path: "/api/brief", summary: "A briefing as PDF with a scenario's result (body: material, bloc, scenario object, runs)", query: S.EmptyQuery, body: BriefBodySchema, cacheable: false, guarded: true,
    run: async ({ store, body }) => briefPdf(store, await withBloc(store, parseRequest(BriefBodySchema, body, "brief"))),
  }),
];

/** What the server can answer, by capability (for /api/health and the dashboard): every route is built in. */
export function capabilityList(): Record<string, boolean> {
  return Object.fromEntries(ROUTES.map((r) => [r.path.replace(/^\/api\//, ""), true]));
}
