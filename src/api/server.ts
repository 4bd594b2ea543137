import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import type { Store } from "../store/store.ts";
import { createApp, type AppOptions } from "./app.ts";
import { allowedHostNames } from "./guards.ts";

/** What the dashboard asks for first, computed in the background at startup so first paint is fast. */
export const WARM_PATHS = [
  "/api/materials",
  "/api/benchmarks",
  "/api/assess?bloc=EU27",
  "/api/overview?bloc=ALLIANCE",
  "/api/assess?bloc=ALLIANCE",
  "/api/overview?bloc=EU27",
  "/api/assess?bloc=JPN",
  "/api/overview?bloc=JPN",
  // The alerts page's default question (one simulation per alert: the slowest answer, so last).
  "/api/alerts?bloc=ALLIANCE&months=12",
];

export interface RunningServer {
  url: string;
  /** Resolves when every WARM_PATHS answer is cached. */
  warm: Promise<void>;
  close: () => Promise<void>;
}

/**
 * Serve the API (and dashboard) on host:port — loopback by default. Port 0 picks a free port.
 * @example const s = await startServer({ store, port: 0, webDist: "web/dist" }); console.log(s.url);
 */
export async function startServer(opts: Omit<AppOptions, "store"> & { store: Store; port?: number; host?: string; warmUp?: boolean }): Promise<RunningServer> {
  const host = opts.host ?? "127.0.0.1";
  const app = createApp({ allowedHosts: allowedHostNames(host), ...opts });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 8787, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/`;
  const warm = opts.warmUp === false ? Promise.resolve() : (async () => {
    for (const p of WARM_PATHS) await Promise.resolve(app.request(p)).then((r) => r.arrayBuffer()).catch(() => undefined);
  })();
  return {
    url,
    warm,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections (browsers, autocannon) would hold close() open indefinitely.
        (server as import("node:http").Server).closeAllConnections?.();
      }),
  };
}
