import type { Command } from "commander";
import { blocsFrom } from "../../store/queries/blocs.ts";
import { OverviewRequestSchema } from "../../analytics/overview-request.ts";
import { parseRequest } from "../../domain/request.ts";
import { overview, type Overview } from "../../analytics/overview.ts";
import { printJson, progressBar, withStore } from "../context.ts";
import { formatTable, pct } from "../table.ts";
import { coverageLines } from "../coverage.ts";

/** `chokepoint overview`: every material ranked by supply concentration, for a bloc. */
export function register(program: Command): void {
  program
    .command("overview")
    .description("all materials ranked by supply concentration, with the bloc's own sourcing")
    .option("-b, --bloc <bloc>", "EU27, JPN, ALLIANCE, G7, or a comma list of countries (ISO3 or names: \"JPN,KOR\", \"Japan,South Korea\")", "ALLIANCE")
    .option("--json", "machine-readable output")
    .option("--limit <n>", "rows to show in the table", (v) => Number(v), 40)
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint overview --bloc ALLIANCE
  $ chokepoint overview --bloc JPN --json > jpn.json`,
    )
    .action(async (opts, cmd: Command) => {
      const req = parseRequest(OverviewRequestSchema, { bloc: opts.bloc }, "overview");
      const o = await withStore(cmd, async (store) => {
        const bar = progressBar("Computing exposure");
        let started = false;
        const res = await overview(store, (await blocsFrom(store)).resolve(req.bloc), (done, total) => {
          if (!started) bar?.start(total);
          started = true;
          bar?.tick("");
        });
        bar?.stop();
        return res;
      });
      if (opts.json) return printJson(o);
      const rows = o.materials.slice(0, opts.limit);
      const flags = (r: (typeof rows)[number]) =>
        [r.flags.euCrm ? "CRM" : "", r.flags.euStrategic ? "SRM" : "", r.flags.jpCritical ? "JP" : ""].filter(Boolean).join(" ");
      process.stdout.write(
        `${o.bloc}: ${o.materials.length} material-stages ranked by concentration of world supply\n\n` +
          formatTable(rows, [
            { key: "material", title: "material" },
            { key: "stage", title: "stage" },
            { key: "year", title: "year", align: "right" },
            { key: (r) => (r.top ? `${r.top.country} ${pct(r.top.share, 0)}` : "–"), title: "top producer" },
            { key: (r) => r.hhi.toFixed(2), title: "HHI", align: "right" },
            { key: (r) => r.governanceWeightedHhi.toFixed(1), title: "HHI·WGI", align: "right" },
            { key: (r) => pct(r.blocShare, 0), title: `in ${o.bloc}`, align: "right" },
            { key: (r) => (r.sourcing?.top ? `${r.sourcing.top.country} ${pct(r.sourcing.top.share, 0)}${r.sourcing.stage !== r.stage ? ` (${r.sourcing.stage})` : ""}` : "–"), title: "top source of imports" },
            { key: (r) => (r.sourcing?.crmaBreached ? ">65 %" : ""), title: "CRMA (imports)" },
            { key: flags, title: "flags" },
          ]) +
          `\n\nHHI on shares 0–1 (world production, USGS MCS or EU 2023 study); HHI·WGI governance-weighted (0–10).` +
          `\nCRMA: a single third country supplies over 65 % of the bloc's imports (Reg. (EU) 2024/1252 benchmark).` +
          `\nflags: CRM = EU critical 2023, SRM = EU strategic (Reg. 2024/1252), JP = Japan's designated critical products.` +
          (o.unavailable.length ? `\n${o.unavailable.length} material-stages without production data (--json lists them).` : "") +
          "\n\n" + criticalityLines(o).join("\n") +
          "\n" + coverageLines(o.coverage, 3).join("\n") +
          "\n",
      );
    });
}

/** The bloc's EU-method verdict: "N critical, M not assessable (missing …)" and the unassessed materials. */
export function criticalityLines(o: Overview): string[] {
  if (!o.criticality) return [`criticality (EU method): not assessed: ${o.criticalityUnavailable ?? "inputs missing"}`];
  const s = o.criticality.summary;
  return [
    `criticality (EU method, ${o.bloc}): ${s.text}.`,
    ...(s.unassessed.length ? [`not assessable: ${s.unassessed.map((u) => `${u.material} (${u.missing.join(", ") || u.reason})`).join("; ")}`] : []),
    "(chokepoint assess --bloc " + o.bloc + " for the table and the full reasons)",
  ];
}
