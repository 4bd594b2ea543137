import type { Command } from "commander";
import { listAlerts } from "../../monitor/alerts/list.ts";
import { createExtractor } from "../../monitor/extract/extract.ts";
import { gazetteerFromStore } from "../../monitor/extract/gazetteer-store.ts";
import { readInput } from "../../monitor/extract/input.ts";
import { AlertsRequest, parseMonitorRequest } from "../../monitor/request.ts";
import { printJson, progressBar, withStore } from "../context.ts";
import { formatTable, pct } from "../table.ts";
/** `chokepoint alerts`: events and trade collapses ranked by the bloc's exposure. */
export function register(program: Command): void {
  program
    .command("alerts")
    .description("rank stored events and recent trade collapses by what they put at risk for each bloc")
    .option("--bloc <bloc...>", "blocs to alert (EU27, JPN, ALLIANCE, G7, ISO3 list)", ["JPN", "EU27", "ALLIANCE"])
    .option("--text <file>", "also read events from this notice or news text (- for stdin)")
    .option("--months <n>", "trade collapses from the last n months of data", "6")
    .option("--runs <n>", "Monte Carlo runs per default scenario (seed fixed: deterministic)", "200")
    .option("--no-simulate", "rank by exposure only (severity × supplier share), without simulation")
    .option("--since <YYYY-MM-DD>", "only alerts dated on or after this day (recency filter)")
    .option("--min-value <usd>", "materiality: a trade collapse must lose at least this many USD in the month (default 1000000)")
    .option("--min-share <fraction>", "materiality: severity × supplier share must reach this share of the bloc's supply (default 0.01)")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
One alert per signal and bloc: a stored event, a measure in force today (chokepoint restrictions),
or a collapse in the bloc's monthly imports (summed over its members; a basket code such as
HS 811292 gives one alert naming its materials). Signals below the materiality thresholds are
dropped, and so are alerts whose own simulation rounds to a 0.0 % shortfall.
Each signal becomes a default scenario (ban → export_ban; licensing →
export_restriction 0.5; sanction → ban of the sanctioned supply to the sanctioning party;
disruption → outage 0.3; threats half; a collapse withholds the lost fraction; 12 of 24 months;
material stage from the catalogue), simulated with a fixed seed. Impact = the bloc's simulated
peak shortfall (p50 + p95)/2; without a simulable market, severity × supplier share. Each alert
carries its evidence, exposure, simulation, sources and the scenario (JSON for chokepoint simulate).
See docs/monitoring.md.

Examples:
  $ chokepoint watch --feed notices.xml --once && chokepoint alerts --bloc JPN
  $ echo "China will ban exports of gallium to Japan." | chokepoint alerts --text - --json
  $ chokepoint alerts --bloc ALLIANCE --runs 500 --json | jq '.alerts[0].scenario' > s.json && chokepoint simulate s.json`,
    )
    .action(async (opts: { bloc: string[]; text?: string; months: string; runs: string; simulate: boolean; since?: string; minValue?: string; minShare?: string; json?: boolean }, cmd: Command) => {
      const req = parseMonitorRequest(AlertsRequest, {
        bloc: opts.bloc, months: opts.months, runs: opts.runs, simulate: opts.simulate,
        ...(opts.since ? { since: opts.since } : {}), ...(opts.minValue ? { minValueUsd: opts.minValue } : {}), ...(opts.minShare ? { minShare: opts.minShare } : {}),
      }, "alerts");
      const out = await withStore(cmd, async (store) => {
        const extraEvents = opts.text ? createExtractor(await gazetteerFromStore(store))(readInput(opts.text)).map((e) => ({ ...e, link: null, feed: opts.text! })) : [];
        const bar = progressBar("Simulating alerts");
        let started = false;
        try {
          return await listAlerts(store, req, {
            extraEvents,
            onProgress: (done, total) => {
              if (!started) (bar?.start(total), (started = true));
              else bar?.tick("");
            },
          });
        } finally {
          if (started) bar?.stop();
        }
      });
      if (opts.json) return printJson(out);
      const alerts = out.alerts;
      process.stdout.write(
        formatTable(alerts.slice(0, 30), [
          { key: "bloc", title: "bloc" },
          { key: "kind", title: "kind" },
          { key: (a) => a.date ?? "", title: "date" },
          { key: (a) => (a.basket ? `HS ${a.basket.code}: ${a.materials.join("/")}` : a.materials.join(", ")), title: "materials" },
          { key: "supplier", title: "supplier" },
          { key: (a) => pct(a.shareAtRisk), title: "supply at risk", align: "right" },
          { key: (a) => (a.simulation ? `${pct(a.simulation.peakShortfall.p50)} (${pct(a.simulation.peakShortfall.p95)})` : "–"), title: "peak shortfall p50 (p95)", align: "right" },
          { key: (a) => (a.simulation?.valueAddedAtRisk ? Math.round(a.simulation.valueAddedAtRisk.p50).toLocaleString("en") : "–"), title: "VA at risk M€", align: "right" },
          { key: "summary", title: "what" },
        ]) + `\n\n${alerts.length} alerts on ${out.date} (${out.groups.map((g) => `${g.bloc} ${g.kind} ${g.count}`).join(", ")}); materiality: lost ≥ USD ${out.materiality.minValueUsd.toLocaleString("en")}/month and ≥ ${pct(out.materiality.minShare)} of the bloc's supply at risk.\n`,
      );
    });
}
