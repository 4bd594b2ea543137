import type { Command } from "commander";
import { resolveBlocFrom } from "../../domain/blocs.ts";
import { ChokepointError } from "../../domain/error.ts";
import { DEFAULT_DETECT } from "../../monitor/anomalies/baseline.ts";
import { buildSeries, detectAnomalies } from "../../monitor/anomalies/detect.ts";
import { listCountries } from "../../store/queries/countries.ts";
import { hs6Materials, monthlyFlows } from "../../store/queries/monitor.ts";
import { printJson, withStore } from "../context.ts";
import { formatTable } from "../table.ts";

/** `chokepoint anomalies`: collapses and spikes in monthly trade. */
export function register(program: Command): void {
  program
    .command("anomalies")
    .description("collapses and spikes in monthly trade against a seasonal, robust baseline")
    .option("--exporter <iso3>", "exporting country (e.g. CHN)")
    .option("--importer <iso3|bloc>", "importing country or bloc (EU27, JPN, ALLIANCE, G7, or ISO3 list); WLD = world total; default each partner and WLD")
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
    .action(async (opts: { exporter?: string; importer?: string; material?: string; since?: string; threshold: string; minBaseline: string; minActive: string; persist: string; json?: boolean }, cmd: Command) => {
      if (opts.since && !/^\d{4}-\d{2}$/.test(opts.since)) throw new ChokepointError("invalid_input", `--since '${opts.since}' is not YYYY-MM`);
      const { rows, materials, countries } = await withStore(cmd, async (store) => ({
        rows: await monthlyFlows(store, opts.exporter?.toUpperCase()),
        materials: await hs6Materials(store),
        countries: await listCountries(store),
      }));
      if (rows.length === 0) throw new ChokepointError("no_data", `no monthly trade${opts.exporter ? ` for exporter ${opts.exporter}` : ""} in the store`);
      let importerFilter: string | undefined;
      let bloc: { id: string; members: string[] } | undefined;
      if (opts.importer) {
        const b = /^(WLD|WORLD)$/i.test(opts.importer) ? { id: "WLD", members: ["WLD"] } : resolveBlocFrom(opts.importer, countries);
        if (b.members.length === 1) importerFilter = b.members[0];
        else bloc = b;
      }
      let series = buildSeries(rows, { bloc });
      if (importerFilter) series = series.filter((s) => s.importer === importerFilter);
      if (opts.material) {
        const m = opts.material.toLowerCase();
        series = series.filter((s) => (materials.get(s.product) ?? []).includes(m));
        if (series.length === 0) throw new ChokepointError("no_data", `no monthly series carries material '${opts.material}'`);
      }
      const num = (name: string, v: string, min: number, max: number) => {
        const n = Number(v);
        if (!Number.isFinite(n) || n < min || n > max) throw new ChokepointError("invalid_input", `invalid --${name} '${v}' (expected a number ${min}–${max})`);
        return n;
      };
      const detect = {
        ...DEFAULT_DETECT,
        threshold: num("threshold", opts.threshold, 0.5, 100),
        minBaseline: num("min-baseline", opts.minBaseline, 0, 1e12),
        minActive: num("min-active", opts.minActive, 0, 12),
        persist: num("persist", opts.persist, 1, 12),
      };
      let anomalies = detectAnomalies(series, materials, detect);
      if (opts.since) anomalies = anomalies.filter((a) => a.period >= opts.since!);
      anomalies.sort((a, b) => a.period.localeCompare(b.period) || Math.abs(b.score) - Math.abs(a.score));
      if (opts.json) return printJson({ anomalies, series: series.length });
      process.stdout.write(
        formatTable(anomalies, [
          { key: "period", title: "month" },
          { key: "kind", title: "kind" },
          { key: (a) => `${a.exporter}→${a.importer}`, title: "flow" },
          { key: (a) => `${a.product} ${a.materials.join("/")}`, title: "product" },
          { key: (a) => a.observed.toLocaleString("en"), title: "observed USD", align: "right" },
          { key: (a) => a.baseline.toLocaleString("en"), title: "baseline USD", align: "right" },
          { key: (a) => a.score.toFixed(1), title: "score", align: "right" },
        ]) + `\n\n${anomalies.length} anomalies in ${series.length} series. Source: ${anomalies[0]?.source.dataset ?? rows[0].dataset} (${rows[0].edition}).\n`,
      );
    });
}
