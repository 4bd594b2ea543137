import type { Command } from "commander";
import { ChokepointError } from "../../domain/error.ts";
import { startServer } from "../../api/server.ts";
import { ensureWebBuild } from "../../api/web-build.ts";
import { openStore } from "../../ingest/starter/open.ts";
import { dbOption, progressBar } from "../context.ts";

/** `chokepoint serve`: the HTTP API and the dashboard. */
export function register(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API and the web dashboard (loopback by default)")
    .option("-p, --port <n>", "port (0 = any free port)", "8787")
    .option("--host <host>", "interface to bind; anything but loopback exposes the API to the network", "127.0.0.1")
    .option("--cors <origins>", "comma list of origins allowed by CORS (default: CORS off)")
    .option("--rebuild", "rebuild the dashboard (web/dist) before serving")
    .option("--no-dashboard", "serve only the API")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint serve                              http://127.0.0.1:8787/ (builds web/dist on first use)
  $ chokepoint serve --port 9000 --cors http://localhost:5173
  $ CHOKEPOINT_TOKEN=s3cret chokepoint serve      POST /api/simulate and /api/plan need "Authorization: Bearer s3cret"
  $ curl 'http://127.0.0.1:8787/api/exposure?material=gallium&bloc=JPN&basis=sourcing'

API: GET /api/materials, /api/exposure, /api/overview, /api/assess, /api/benchmarks, /api/events,
/api/anomalies, /api/alerts; POST /api/simulate, /api/plan; GET /api/openapi.json.`,
    )
    .action(async (opts: { port: string; host: string; cors?: string; rebuild?: boolean; dashboard: boolean }, cmd: Command) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ChokepointError("invalid_input", `invalid --port '${opts.port}' (expected 0–65535)`);
      const log = (m: string) => process.stderr.write(m + "\n");
      const webDist = opts.dashboard ? await ensureWebBuild({ force: opts.rebuild, log }) : undefined;
      // Build (or update) the database if it needs it, then hold it read-only: DuckDB's shared lock
      // lets CLI commands read the same file while the server runs (writes wait for it to stop).
      const built = await openStore({ db: dbOption(cmd), progress: progressBar("Building database from data/") });
      const store = built.readOnly || built.path === ":memory:" ? built : (await built.close(), await openStore({ db: built.path, access: "read" }));
      const s = await startServer({ store, port, host: opts.host, webDist, corsOrigins: opts.cors?.split(",").map((o) => o.trim()) });
      process.stdout.write(`chokepoint ${opts.dashboard ? "dashboard" : "API"}: ${s.url}\n`);
      if (!/^(127\.|::1$|localhost$)/.test(opts.host)) log(`warning: listening on ${opts.host}: the API is reachable from the network${process.env.CHOKEPOINT_TOKEN ? "" : " (set CHOKEPOINT_TOKEN to guard simulate and plan)"}`);
      const stop = () => {
        s.close()
          .then(() => store.close())
          .finally(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      s.warm.then(() => log("ready: overview and criticality for EU27, JPN and ALLIANCE computed"));
    });
}
