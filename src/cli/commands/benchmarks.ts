import type { Command } from "commander";
import { crmaBenchmarks } from "../../analytics/benchmarks/benchmarks.ts";
import { printJson, withStore } from "../context.ts";
import { formatTable, pct } from "../table.ts";

/** `chokepoint benchmarks`: CRM Act 2030 benchmarks per strategic raw material, and Japan's parameters. */
export function register(program: Command): void {
  program
    .command("benchmarks")
    .description("CRM Act 2030 benchmarks for strategic raw materials (status and gap), Japan's stockpile parameters")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint benchmarks
  $ chokepoint benchmarks --json

Benchmarks (Regulation (EU) 2024/1252, Art. 5): EU extraction ≥ 10 %, processing ≥ 40 %, recycling ≥ 25 %
of EU consumption; no single third country above 65 %. JOGMEC stockpile: 60 days (up to 180).`,
    )
    .action(async (opts, cmd: Command) => {
      const b = await withStore(cmd, (store) => crmaBenchmarks(store));
      if (opts.json) return printJson(b);
      const cell = (m: (typeof b.materials)[number], k: string) => {
        const s = m.benchmarks.find((x) => x.benchmark === k)!;
        return s.current === null ? "–" : `${pct(s.current, 0)}${s.met ? " ✓" : " ✗"}`;
      };
      process.stdout.write(
        formatTable(b.materials, [
          { key: "material", title: "strategic material" },
          { key: (m) => cell(m, "extraction"), title: "extraction ≥10%", align: "right" },
          { key: (m) => cell(m, "processing"), title: "processing ≥40%", align: "right" },
          { key: (m) => cell(m, "recycling"), title: "recycling ≥25%", align: "right" },
          { key: (m) => cell(m, "maxSingleThirdCountry"), title: "top third country ≤65%", align: "right" },
        ]) +
          `\n\nJapan: JOGMEC stockpile ${b.japan.stockpile.baseDays} days (up to ${b.japan.stockpile.maxDaysHighRisk}); ${b.japan.specifiedCriticalProducts.length} specified critical products.\n` +
          "Extraction/processing use the EU's share of world supply (study) as a proxy for share of EU consumption.\n",
      );
    });
}
