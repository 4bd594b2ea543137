import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { Store } from "../store/store.ts";
import { requireToken } from "./auth.ts";
import { PromiseCache } from "./cache.ts";
import { errorResponse, fromZod } from "./errors.ts";
import { refuseHostPaths } from "./host-paths.ts";
import { hostCheck, readTypedBody, securityHeaders } from "./guards.ts";
import { LIMITS } from "../domain/limits.ts";
import { parse as parseYaml } from "yaml";
import { openApi } from "./openapi.ts";
import { capabilityList, ROUTES, type Route } from "./routes.ts";
import { serveDashboard } from "./static.ts";
import type { PdfAnswer } from "../report/brief-request.ts";
import { today } from "../store/queries/restrictions.ts";

export interface AppOptions {
  store: Store;
  /** Token for guarded endpoints; default `CHOKEPOINT_TOKEN`. */
  token?: string;
  /** Origins allowed by CORS; none (no CORS headers) unless configured. */
  corsOrigins?: string[];
  /** Host names (without port) requests may carry; others get 421 (DNS rebinding). Default: no check. */
  allowedHosts?: Set<string>;
  /** Largest accepted request body in bytes (default `LIMITS.bodyBytes`, src/domain/limits.ts). */
  maxBody?: number;
  /** Folder of the built dashboard (web/dist) to serve at `/`. */
  webDist?: string;
  /** Where unexpected errors are logged (default console.error). */
  logError?: (e: unknown) => void;
}

/**
 * The chokepoint HTTP API (and, given `webDist`, the dashboard) as a Hono app.
 *
 * @example
 * const app = createApp({ store: await openStore() });
 * const res = await app.request("/api/exposure?material=gallium&bloc=JPN");
 */
export function createApp(opts: AppOptions): Hono {
  const token = opts.token ?? process.env.CHOKEPOINT_TOKEN;
  const cache = new PromiseCache(500);
  const logError = opts.logError ?? ((e: unknown) => console.error(e));
  const app = new Hono();

  app.onError((e, c) => {
    const [status, body] = errorResponse(e);
    if (status === 500) logError(e);
    return c.json(body, status as 500);
  });
  app.use("*", securityHeaders);
  if (opts.allowedHosts) app.use("*", hostCheck(opts.allowedHosts));
  if (opts.corsOrigins?.length) app.use("/api/*", cors({ origin: opts.corsOrigins, allowHeaders: ["Content-Type", "Authorization"] }));
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: opts.maxBody ?? LIMITS.bodyBytes,
      onError: (c) => c.json({ code: "payload_too_large", path: [], message: `request body larger than ${opts.maxBody ?? LIMITS.bodyBytes} bytes` }, 413),
    }),
  );

  app.get("/api/health", async (c) => c.json({ ok: true, capabilities: capabilityList(), guarded: !!token }));
  app.get("/api/openapi.json", (c) => c.json(openApi(ROUTES)));
  for (const r of ROUTES) app.on(r.method.toUpperCase(), r.path, (c) => handle(c, r));
  const known = new Map(ROUTES.map((r) => [r.path, r.method.toUpperCase()]));
  app.all("/api/*", (c) => {
    const m = known.get(c.req.path);
    if (m) return c.json({ code: "method_not_allowed", path: [], message: `${c.req.method} ${c.req.path} is not supported (use ${m})` }, 405, { Allow: m });
    return c.json({ code: "not_found", path: [], message: `no such endpoint: ${c.req.method} ${c.req.path} (see /api/openapi.json)` }, 404);
  });
  if (opts.webDist) serveDashboard(app, opts.webDist);
  app.notFound((c) => c.json({ code: "not_found", path: [], message: `not found: ${c.req.path}` }, 404));
  return app;

  async function handle(c: Context, r: Route) {
    if (r.guarded) requireToken(token, c.req.header("authorization"));
    const raw = c.req.query();
    refuseHostPaths(raw, "query");
    const q = r.query.safeParse(raw);
    if (!q.success) throw fromZod(q.error, "query", raw);
    const body = r.method === "post" ? await readTypedBody(c) : undefined;
    if (body !== undefined) refuseHostPaths(typeof body === "string" ? yamlOrText(body) : body, "body");
    const run = () => r.run({ store: opts.store, query: q.data, body });
    // Keyed by the store's write generation (a load, `watch` or `extract` in this process makes
    // every earlier answer stale) and by today's date (measures in force, alerts default to today).
    const key = () => `${opts.store.generation} ${today()} ${r.method} ${r.path} ${JSON.stringify(q.data)} ${JSON.stringify(body ?? null)}`;
    const result = r.cacheable ? await cache.get(key(), run) : await run();
    if (isPdf(result)) return c.body(result.pdf as Uint8Array<ArrayBuffer>, 200, { "content-type": "application/pdf", "content-disposition": `attachment; filename="${result.filename}"` });
    return c.json(result as object);
  }
}

const isPdf = (r: unknown): r is PdfAnswer => !!r && typeof r === "object" && (r as PdfAnswer).pdf instanceof Uint8Array;

/** A YAML body as data for the path check (the route parses it again, with line numbers). */
function yamlOrText(text: string): unknown {
  try {
    return parseYaml(text, { maxAliasCount: LIMITS.yamlAliases });
  } catch {
    return text;
  }
}
