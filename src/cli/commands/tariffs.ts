import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import { ChokepointError } from "../../domain/error.ts";
import { timelineChartInput, timelineSvg } from "../../report/tariff-timeline-chart.ts";
import { tariffs, type TariffExposure } from "../../tariffs/exposure.ts";
import { TODAY } from "../../tariffs/request.ts";
import { tariffTimeline, type TariffTimeline } from "../../tariffs/timeline.ts";
import { printJson, withStore } from "../context.ts";
import { formatTable, pct } from "../table.ts";

/** `chokepoint tariffs`: what the US measures in force on a day cost an exporter's US sales. */
export function register(program: Command): void {
  program
    .command("tariffs")
    .description("US tariffs on an exporter's 2024 US sales at a date: duty, effective rate, products, measures, trade effect")
    .option("-e, --exporter <id>", "Census partner: JPN, EU27, CHN, KOR, TWN, GBR, … (ISO3 or EU27)")
    .option("--importer <id>", "importer (only USA: the shipped data are US imports)", "USA")
    .option("-d, --date <YYYY-MM-DD>", "day the measures are read at", TODAY)
    .option("--top <n>", "products (HS4) and HS10 lines listed", "25")
    .option("--no-effect", "skip the trade-effect Monte Carlo")
    .option("--runs <n>", "Monte Carlo runs for the trade effect", "1000")
    .option("--seed <n>", "random seed", "42")
    .option("--timeline", "effective rate from 2024-01-01 to --date at every measure date (exporters: --exporter, default JPN and EU27)")
    .option("--svg <file>", "with --timeline: also write the chart as SVG")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint tariffs --exporter JPN --date 2025-10-14
  $ chokepoint tariffs --exporter EU27 --date 2026-03-01 --json
  $ chokepoint tariffs -e KOR --no-effect --top 10
  $ chokepoint tariffs --timeline --json
  $ chokepoint tariffs --timeline --exporter JPN,EU27,KOR --svg timeline.svg

Rates are fractions of 2024 customs value at constant 2024 volumes (US Census imports for consumption).
baselineRate = the 2024 duty actually paid / customs value. Measures: data/us-tariffs/measures.json
(IEEPA, Sections 232, 122, 301), each with instrument, Federal Register citation, dates and an evidence
note; the coverage warnings say what is unverified or approximated. Method: docs/tariffs.md.`,
    )
    .action(async (opts, cmd: Command) => {
      await withStore(cmd, async (store) => {
        if (opts.timeline) {
          const t = await tariffTimeline(store, { exporters: opts.exporter ? String(opts.exporter).split(",") : undefined, to: opts.date });
          if (opts.svg) writeOut(opts.svg, timelineSvg(timelineChartInput(t)));
          if (opts.json) printJson(t);
          else process.stdout.write(renderTimeline(t) + (opts.svg ? `\nwrote ${opts.svg}\n` : "\n"));
          return;
        }
        if (!opts.exporter) throw new ChokepointError("invalid_input", "--exporter is required (e.g. --exporter JPN), or use --timeline");
        const r = await tariffs(store, { exporter: opts.exporter, importer: opts.importer, date: opts.date, top: opts.top, effect: opts.effect, runs: opts.runs, seed: opts.seed });
        if (opts.json) printJson(r);
        else process.stdout.write(renderExposure(r) + "\n");
      });
    });
}

function writeOut(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new ChokepointError("io_error", `cannot write ${file}: ${(e as Error).message}`);
  }
}

const bn = (v: number) => `${(v / 1e9).toFixed(2)} bn`;

function renderExposure(r: TariffExposure): string {
  const head = [
    `US tariffs on ${r.exporter}'s exports to the US at ${r.date} (2024 trade: USD ${bn(r.tradeValue)})`,
    `  duty at constant 2024 volume  USD ${bn(r.duty)}   effective rate ${pct(r.effectiveRate, 2)}`,
    `  2024 duty actually paid       USD ${bn(r.baselineDuty)}   baseline rate  ${pct(r.baselineRate, 2)}`,
  ];
  if (r.effect) head.push(`  modelled change in US sales   ${pct(r.effect.changeShare.p50)} (p5 ${pct(r.effect.changeShare.p5)} – p95 ${pct(r.effect.changeShare.p95)}), USD ${bn(r.effect.change.p50)}`);
  const products = formatTable(r.byProduct, [
    { key: "hs", title: "HS4" },
    { key: (p) => (p.description ?? "").slice(0, 44), title: "product" },
    { key: (p) => bn(p.tradeValue), title: "2024 USD", align: "right" },
    { key: (p) => pct(p.baselineRate), title: "2024 rate", align: "right" },
    { key: (p) => pct(p.rate), title: "rate", align: "right" },
  ]);
  const measures = formatTable(r.measures, [
    { key: "id", title: "measure" },
    { key: (m) => m.instrument.slice(0, 60), title: "instrument" },
    { key: (m) => bn(m.tradeValue), title: "covers USD", align: "right" },
    { key: (m) => (m.modelled ? bn(m.dutyAdded) : "not modelled"), title: "duty added", align: "right" },
  ]);
  const warn = r.coverage.warnings.map((w) => `  - ${w}`).join("\n");
  return [...head, "", products, "", measures, "", `coverage: ${r.coverage.complete ? "complete" : "incomplete"}`, warn].join("\n");
}

function renderTimeline(t: TariffTimeline): string {
  const dates = t.series[0]?.points.map((p) => p.date) ?? [];
  const rows = dates.map((d, i) => ({ d, cells: t.series.map((s) => pct(s.points[i].effectiveRate, 2)) }));
  return formatTable(rows, [{ key: (r) => r.d, title: "from" }, ...t.series.map((s, j) => ({ key: (r: { cells: string[] }) => r.cells[j], title: s.exporter, align: "right" as const }))]);
}
