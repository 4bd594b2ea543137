import type { Command } from "commander";
import { resolveBlocFrom } from "../../domain/blocs.ts";
import { buildAlerts } from "../../monitor/alerts/alerts.ts";
import { buildSeries, detectAnomalies } from "../../monitor/anomalies/detect.ts";
import { createExtractor } from "../../monitor/extract/extract.ts";
import { gazetteerFromStore } from "../../monitor/extract/gazetteer-store.ts";
import { readInput } from "../../monitor/extract/input.ts";
import { listCountries } from "../../store/queries/countries.ts";
import { ensureMonitorTables, hs6Materials, monthlyFlows, storedEvents } from "../../store/queries/monitor.ts";
import { printJson, withStore } from "../context.ts";
import { formatTable, pct } from "../table.ts";

/** `chokepoint alerts`: events and trade collapses ranked by the bloc's exposure. */
export function register(program: Command): void {
  program
    .command("alerts")
    .description("rank stored events and recent trade collapses by what they put at risk for each bloc")
    .option("--bloc <bloc...>", "blocs to alert (EU27, JPN, ALLIANCE, G7, ISO3 list)", ["JPN", "EU27", "ALLIANCE"])
    .option("--text <file>", "also read events from this notice or news text (- for stdin)")
    .option("--months <n>", "trade collapses from the last n months of data", "6")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Impact = severity × the supplier's share of the bloc's supply (sourcing basis, else world production).
Severity: ban 1, licensing/sanction 0.5, disruption 0.3 (threats half, lifted 0); for a collapse, the
lost fraction of the flow. Not yet simulated: see docs/monitoring.md.

Examples:
  $ chokepoint watch --feed notices.xml --once && chokepoint alerts --bloc JPN
  $ echo "China will ban exports of gallium to Japan." | chokepoint alerts --text - --json`,
    )
    .action(async (opts: { bloc: string[]; text?: string; months: string; json?: boolean }, cmd: Command) => {
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
        return buildAlerts(store, events, anomalies, blocs);
      });
      if (opts.json) return printJson({ alerts, method: "exposure-ranked (no simulation)" });
      process.stdout.write(
        formatTable(alerts.slice(0, 30), [
          { key: "bloc", title: "bloc" },
          { key: "material", title: "material" },
          { key: "supplier", title: "supplier" },
          { key: (a) => pct(a.supplierShare), title: "supplier share", align: "right" },
          { key: (a) => pct(a.impact), title: "at risk", align: "right" },
          { key: "summary", title: "what" },
        ]) + `\n\n${alerts.length} alerts, ranked by share of supply at risk (exposure-based, not simulated).\n`,
      );
    });
}
