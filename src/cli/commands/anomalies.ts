import type { Command } from "commander";
import { listAnomalies } from "../../monitor/alerts/list.ts";
import { AnomaliesRequest, parseMonitorRequest } from "../../monitor/request.ts";
import { printJson, withStore } from "../context.ts";
import { formatTable } from "../table.ts";
/** `chokepoint anomalies`: collapses and spikes in monthly trade. */
export function register(program: Command): void {
  program
    .command("anomalies")
    .description("collapses and spikes in monthly trade against a seasonal, robust baseline")
    .option("--exporter <iso3>", "exporting country (e.g. CHN)")
    .option("--importer <iso3|bloc>", "importing country or bloc (EU27, JPN, ALLIANCE, G7, or ISO3 list); WLD = world total; default each partner and WLD")
    .option("--reporter <iso3>", "either side of the flow: this country as exporter or importer")
    .option("--kind <kind>", "collapse or spike")
    .option("--material <id>", "only products carrying this material (e.g. gallium, natural-graphite)")
    .option("--since <YYYY-MM>", "only anomalies from this month on")
    .option("--threshold <z>", "robust score beyond which a month is flagged", "3")
    .option("--min-baseline <usd>", "no flag while the 12-month median is below this many USD a month", "50000")
    .option("--min-active <n>", "no flag unless at least n of the 12 window months had trade", "9")
    .option("--persist <n>", "flag only after n consecutive months beyond the threshold", "1")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Method: on ln(1 + USD/1000), score = (x − median of the previous 12 months − same-month seasonal
offset) / max(1.4826·MAD, 0.3); collapse when score ≤ −3 and value < baseline/2, spike when
score ≥ 3 and value > 2·baseline; only series with a 12-month median ≥ USD 50 000 and trade in
≥ 9 of the 12 months are flagged (small, intermittent partner series raised most false alarms).
Months without a trade row count as zero. See docs/monitoring.md and bench/anomaly-validation.ts.

Examples:
  $ chokepoint anomalies --exporter CHN --material gallium --importer JPN
  $ chokepoint anomalies --exporter CHN --importer ALLIANCE --since 2023-01 --json`,
    )
    .action(async (opts: { exporter?: string; importer?: string; reporter?: string; material?: string; since?: string; kind?: string; threshold: string; minBaseline: string; minActive: string; persist: string; json?: boolean }, cmd: Command) => {
      const req = parseMonitorRequest(AnomaliesRequest, {
        ...(opts.exporter ? { exporter: opts.exporter.toUpperCase() } : {}), ...(opts.importer ? { importer: opts.importer } : {}),
        ...(opts.reporter ? { reporter: opts.reporter.toUpperCase() } : {}), ...(opts.material ? { material: opts.material.toLowerCase() } : {}),
        ...(opts.since ? { since: opts.since } : {}), ...(opts.kind ? { kind: opts.kind } : {}),
        threshold: opts.threshold, minBaseline: opts.minBaseline, minActive: opts.minActive, persist: opts.persist,
      }, "anomalies");
      const { anomalies, series, source } = await withStore(cmd, (store) => listAnomalies(store, req));
      if (opts.json) return printJson({ anomalies, series, source });
      process.stdout.write(
        formatTable(anomalies, [
          { key: "period", title: "month" },
          { key: "kind", title: "kind" },
          { key: (a) => `${a.exporter}→${a.importer}`, title: "flow" },
          { key: (a) => `${a.product} ${a.materials.join("/")}`, title: "product" },
          { key: (a) => a.observed.toLocaleString("en"), title: "observed USD", align: "right" },
          { key: (a) => a.baseline.toLocaleString("en"), title: "baseline USD", align: "right" },
          { key: (a) => a.score.toFixed(1), title: "score", align: "right" },
        ]) + `\n\n${anomalies.length} anomalies in ${series} series, newest first. Source: ${source.dataset} (${source.edition}).\n`,
      );
    });
}
