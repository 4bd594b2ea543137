import { LIMITS } from "../../domain/limits.ts";
import type { Command } from "commander";
import { resolveBlocFrom } from "../../domain/blocs.ts";
import { buildAlerts } from "../../monitor/alerts/alerts.ts";
import { buildSeries, detectAnomalies } from "../../monitor/anomalies/detect.ts";
import { createExtractor } from "../../monitor/extract/extract.ts";
import { gazetteerFromStore } from "../../monitor/extract/gazetteer-store.ts";
import { readInput } from "../../monitor/extract/input.ts";
import { listCountries } from "../../store/queries/countries.ts";
import { ensureMonitorTables, hs6Materials, monthlyFlows, storedEvents } from "../../store/queries/monitor.ts";
import { ChokepointError } from "../../domain/error.ts";
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
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Each event or recent trade collapse becomes a default scenario (ban → export_ban; licensing →
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
    .action(async (opts: { bloc: string[]; text?: string; months: string; runs: string; simulate: boolean; json?: boolean }, cmd: Command) => {
      const alerts = await withStore(cmd, async (store) => {
        await ensureMonitorTables(store);
        const countries = await listCountries(store);
        const blocs = opts.bloc.map((b) => resolveBlocFrom(b, countries));
        const events = await storedEvents(store);
        if (opts.text) events.push(...createExtractor(await gazetteerFromStore(store))(readInput(opts.text)).map((e) => ({ ...e, link: null, feed: opts.text! })));
        const rows = await monthlyFlows(store);
        const series = buildSeries(rows, {});
        const last = rows.reduce((m, r) => Math.max(m, r.year * 12 + r.month - 1), 0);
        const since = last - Number(opts.months) + 1;
        const anomalies = detectAnomalies(series, await hs6Materials(store)).filter(
          (a) => Number(a.period.slice(0, 4)) * 12 + Number(a.period.slice(5)) - 1 >= since,
        );
        const runs = Number(opts.runs);
        if (!Number.isInteger(runs) || runs < 1 || runs > LIMITS.runs) throw new ChokepointError("invalid_input", `invalid --runs '${opts.runs}' (expected an integer 1–${LIMITS.runs})`);
        const bar = progressBar("Simulating alerts");
        let started = false;
        try {
          return await buildAlerts(store, events, anomalies, blocs, {
            simulate: opts.simulate, runs,
            onProgress: (done, total) => {
              if (!started) (bar?.start(total), (started = true));
              else bar?.tick("");
            },
          });
        } finally {
          if (started) bar?.stop();
        }
      });
      if (opts.json) return printJson({ alerts, method: opts.simulate ? "simulated default scenario per alert; impact = peak shortfall (p50+p95)/2, else severity × supplier share" : "exposure-ranked (no simulation): impact = severity × supplier share" });
      process.stdout.write(
        formatTable(alerts.slice(0, 30), [
          { key: "bloc", title: "bloc" },
          { key: "material", title: "material" },
          { key: "supplier", title: "supplier" },
          { key: (a) => pct(a.supplierShare), title: "supplier share", align: "right" },
          { key: (a) => (a.simulation ? `${pct(a.simulation.peakShortfall.p50)} (${pct(a.simulation.peakShortfall.p95)})` : "–"), title: "peak shortfall p50 (p95)", align: "right" },
          { key: (a) => (a.simulation?.valueAddedAtRisk ? Math.round(a.simulation.valueAddedAtRisk.p50).toLocaleString("en") : "–"), title: "VA at risk M€", align: "right" },
          { key: (a) => pct(a.impact), title: "impact", align: "right" },
          { key: "summary", title: "what" },
        ]) + `\n\n${alerts.length} alerts, ranked by impact (simulated peak shortfall, else share of supply at risk).\n`,
      );
    });
}
