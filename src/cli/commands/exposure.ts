import { Command, Option } from "commander";
import { withBloc } from "../../store/queries/blocs.ts";
import { exposure, type Exposure } from "../../analytics/exposure.ts";
import { ExposureRequestSchema } from "../../analytics/exposure-request.ts";
import { parseRequest } from "../../domain/request.ts";
import { BASES, STAGES } from "../../domain/vocabulary.ts";
import { printJson, withStore } from "../context.ts";
import { bar, formatTable, pct } from "../table.ts";
import { coverageLines } from "../coverage.ts";

/** `chokepoint exposure`: who supplies a bloc with a material, and how concentrated it is. */
export function register(program: Command): void {
  program
    .command("exposure")
    .description("who supplies a bloc with a material at a stage, and how concentrated that supply is")
    .requiredOption("-m, --material <id>", "material id from the catalogue (see `chokepoint materials`)")
    .addOption(new Option("-s, --stage <stage>", "supply-chain stage (default: the material's natural stage)").choices(STAGES))
    .option("-b, --bloc <bloc>", "EU27, JPN, ALLIANCE, G7, or a comma list of countries (ISO3 or names: \"JPN,KOR\", \"Japan,South Korea\")", "ALLIANCE")
    .option("-y, --year <year>", "data year (default: the latest with data)")
    .addOption(new Option("--basis <basis>", "production: world supply; sourcing: the bloc's imports").choices(BASES).default("production"))
    .option("--hs <prefix>", "sourcing: only trade codes starting with this HS/CN prefix (e.g. 2846)")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint exposure -m rare-earths -b EU27 --basis sourcing --hs 2846 --year 2023
  $ chokepoint exposure --material gallium --stage processing --bloc ALLIANCE --year 2023 --json
  $ chokepoint exposure -m natural-graphite -b EU27 --basis sourcing --year 2024
  $ chokepoint exposure -m rare-earths -b JPN,KOR --basis production

Indicators: HHI on shares 0–1 (and 0–10 000), governance-weighted HHI (WGI on 0–10, EC 2017),
share from countries with export restrictions on record, the CRM Act check (no third country
above 65 %), and coverage notes naming what is missing.`,
    )
    .action(async (opts, cmd: Command) => {
      const req = parseRequest(ExposureRequestSchema, { material: opts.material, stage: opts.stage, bloc: opts.bloc, year: opts.year, basis: opts.basis, hs: opts.hs }, "exposure");
      const e = await withStore(cmd, async (store) => exposure(store, await withBloc(store, req)));
      if (opts.json) printJson(e);
      else process.stdout.write(renderExposure(e) + "\n");
    });
}

/** Human rendering: supplier table with bars, then indicators, sources and coverage. */
export function renderExposure(e: Exposure): string {
  const unit = e.total.unit;
  const rows = e.suppliers.slice(0, 15);
  const table = formatTable(rows, [
    { key: (s) => s.country + (s.inBloc ? " *" : "") + (s.restricted ? " !" : ""), title: "supplier" },
    { key: (s) => s.name ?? (s.aggregate ? "other countries" : ""), title: "name" },
    { key: (s) => pct(s.share), title: "share", align: "right" },
    { key: (s) => bar(s.share, 25), title: "" },
    { key: (s) => fmtAmount(s.amount, unit), title: unit, align: "right" },
  ]);
  const more = e.suppliers.length > rows.length ? `\n… ${e.suppliers.length - rows.length} more suppliers (--json for all)` : "";
  const lines = [
    `${e.material} · ${e.stage} · ${e.bloc} · ${e.year} · basis ${e.basis}`,
    "",
    table + more,
    "  * in bloc   ! export restriction on record",
    "",
    `HHI                      ${e.hhi.toFixed(3)}  (${e.hhi10000} on 0–10 000)`,
    `governance-weighted HHI  ${e.governanceWeightedHhi.toFixed(2)}  (0–10, WGI ${e.coverage.wgiYear ?? "–"})`,
    `top supplier             ${e.top ? `${e.top.country} ${pct(e.top.share)}` : "–"}`,
    `in-bloc share            ${pct(e.blocShare)}`,
    `from restricting states  ${pct(e.restrictedShare)}`,
    `import reliance          ${e.importReliance ? `${pct(e.importReliance.value)} (${e.importReliance.source.dataset})` : "–"}`,
    `CRM Act 65 % check       ${e.crma.breached ? `BREACHED: ${e.crma.country} ${pct(e.crma.share)}` : "ok"}`,
    "",
    `sources: ${e.sources.map((s) => `${s.dataset} ${s.edition}${s.year ? ` (${s.year})` : ""}`).join("; ")}`,
    ...e.coverage.notes.map((n) => `note: ${n}`),
    ...e.coverage.missing.map((n) => `missing: ${n}`),
    ...coverageLines(e.coverage),
  ];
  return lines.join("\n");
}

function fmtAmount(x: number, unit: string): string {
  if (unit === "USD") return x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : `${(x / 1e3).toFixed(0)} k`;
  if (unit === "%") return x.toFixed(1);
  return x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toPrecision(3);
}
