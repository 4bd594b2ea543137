import type { Command } from "commander";
import { blocsFrom } from "../../store/queries/blocs.ts";
import { writeFileSync } from "node:fs";
import { scan, type ScanResult } from "../../analytics/scan.ts";
import { SCAN_COLUMNS, scanCsv, scanTable } from "../../analytics/scan-output.ts";
import { ChokepointError } from "../../domain/error.ts";
import { writeParquet } from "../../store/queries/scan.ts";
import { printJson, withStore } from "../context.ts";
import { formatTable, pct } from "../table.ts";
import { ScanRequestSchema } from "../../analytics/scan-request.ts";
import { parseRequest } from "../../domain/request.ts";

/** `chokepoint scan`: every HS6 product where one supplier dominates a bloc's imports (BACI). */
export function register(program: Command): void {
  program
    .command("scan")
    .description("every HS6 product a bloc imports, ranked by dependence (CEPII BACI; EC 2021 criteria)")
    .option("-y, --year <year>", "BACI year (default: the latest loaded)")
    .option("-b, --bloc <bloc>", "EU27, JPN, ALLIANCE, G7, or a comma list of countries (ISO3 or names: \"JPN,KOR\", \"Japan,South Korea\")", "ALLIANCE")
    .option("--min-top-share <fraction>", "only products whose top supplier has at least this share (0–1)")
    .option("--dependent", "only products meeting all three Commission criteria")
    .option("--materials", "only products that carry a catalogue material (gallium, graphite, …)")
    .option("--limit <n>", "rows to show in the table (files and --json get every row)", "25")
    .option("--json", "machine-readable output (every product)")
    .option("--csv <file>", "write every product as CSV")
    .option("--parquet <file>", "write every product as Parquet")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint ingest baci BACI_HS22_V202501/          load a BACI release first
  $ chokepoint scan --year 2023 --bloc EU27 --min-top-share 0.5
  $ chokepoint scan --bloc JPN --dependent --json
  $ chokepoint scan --bloc EU27 --materials --dependent     critical-material products only
  $ chokepoint scan --year 2023 --bloc ALLIANCE --parquet scan-2023.parquet

For each product: the bloc's imports from outside the bloc (USD), supplier count, HHI, top supplier
and share, that supplier's share of world exports (near 100 %: the bloc cannot switch), and the
Commission's dependency flag (SWD(2021) 352: HHI > 0.4, extra-bloc share of imports > 50 %,
extra-bloc imports above the bloc's own exports). HS6 codes map to catalogue materials where known.`,
    )
    .action(async (opts, cmd: Command) => {
      const q = parseRequest(ScanRequestSchema, { year: opts.year, bloc: opts.bloc, minTopShare: opts.minTopShare, dependent: opts.dependent, materials: opts.materials, limit: opts.limit }, "scan");
      await withStore(cmd, async (store) => {
        const r = await scan(store, { year: q.year, bloc: (await blocsFrom(store)).resolve(q.bloc), minTopShare: q.minTopShare, dependentOnly: q.dependent, materialsOnly: q.materials });
        try {
          if (opts.csv) writeFileSync(opts.csv, scanCsv(r));
          if (opts.parquet) await writeParquet(store, SCAN_COLUMNS, scanTable(r), opts.parquet);
        } catch (e) {
          throw new ChokepointError("io_error", `cannot write ${opts.csv ?? opts.parquet}: ${(e as Error).message}`);
        }
        if (opts.json) printJson(r);
        else process.stdout.write(renderScan(r, q.limit) + (opts.csv || opts.parquet ? `\nwrote ${[opts.csv, opts.parquet].filter(Boolean).join(", ")}\n` : "\n"));
      });
    });
}

/** Human rendering: the ranked table, then method, coverage and source. */
export function renderScan(r: ScanResult, limit: number): string {
  const rows = r.products.slice(0, limit);
  const usd = (x: number) => (x >= 1e9 ? `${(x / 1e9).toFixed(2)} bn` : x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : `${(x / 1e3).toFixed(0)} k`);
  const table = formatTable(rows, [
    { key: (p) => String(p.rank), title: "#", align: "right" },
    { key: (p) => p.hs6, title: "HS6" },
    { key: (p) => (p.description ?? "").slice(0, 38), title: "product" },
    { key: (p) => [...new Set(p.materials.map((m) => m.material))].slice(0, 2).join(",") || "", title: "material" },
    { key: (p) => usd(p.importValue), title: "imports USD", align: "right" },
    { key: (p) => String(p.suppliers), title: "n", align: "right" },
    { key: (p) => p.hhi.toFixed(2), title: "HHI", align: "right" },
    { key: (p) => `${p.top.country} ${pct(p.top.share, 0)}`, title: "top supplier" },
    { key: (p) => pct(p.topWorldShare, 0), title: "top world", align: "right" },
    { key: (p) => (p.dependent ? "yes" : ""), title: "dependent" },
  ]);
  const c = r.coverage;
  return [
    `chokepoint scan · ${r.bloc} · ${r.year} · ${c.productsListed} of ${c.productsImported} imported products listed · ${c.dependent} dependent`,
    "",
    table,
    c.productsListed > rows.length ? `… ${c.productsListed - rows.length} more (--limit, --json, --csv or --parquet for all)` : "",
    `method: ${r.method}`,
    `source: ${r.sources.map((s) => `${s.dataset} ${s.edition} (${s.year})`).join("; ")}`,
    ...(c.missingMembers.length ? [`missing: bloc members not in BACI's country list: ${c.missingMembers.join(", ")}`] : []),
    ...(c.unmappedCountryCodes.length ? [`note: BACI codes without ISO3 (load country_codes): ${c.unmappedCountryCodes.join(", ")}`] : []),
  ].filter((l, i, a) => l !== "" || a[i - 1] !== "").join("\n");
}
