import type { Command } from "commander";
import cliProgress from "cli-progress";
import { parseRequest } from "../../domain/request.ts";
import { SimulateRunSchema } from "../../simulate/request.ts";
import { loadScenario } from "../../simulate/scenario.ts";
import { simulate, type SimulationResult } from "../../simulate/simulate.ts";
import { printJson, withStore } from "../context.ts";
import { formatTable, pct } from "../table.ts";
import { coverageLines } from "../coverage.ts";
import { gdpShareText } from "../../simulate/gdp-check.ts";

/** `chokepoint simulate FILE`: run a coercion/disruption scenario with Monte Carlo uncertainty. */
export function register(program: Command): void {
  program
    .command("simulate")
    .description("simulate export bans, restrictions, quotas, taxes, tariffs or outages: shortfall, price, stockpile cover, value added at risk")
    .argument("<file>", "scenario file (YAML or JSON; see scenarios/ and docs/simulator.md)")
    .option("--runs <n>", "Monte Carlo runs (overrides the file)")
    .option("--seed <s>", "random seed (overrides the file); same seed, same output")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint simulate scenarios/china-gallium-alliance.yaml
  $ chokepoint simulate scenarios/china-dy-tb-licensing-2025.yaml --runs 5000 --seed 7 --json
  $ chokepoint simulate scenarios/drc-cobalt-suspension-2025.yaml --json > cobalt.json

Shortfalls are fractions of each target's pre-shock demand (p5/p50/p95 over the runs);
stockpiles in days of demand; prices as relative change. Targets: every bloc named in the
scenario (ALLIANCE also reports EU27 and JPN) and each member with trade data.`,
    )
    .action(async (file: string, opts: { runs?: string; seed?: string; json?: boolean }, cmd: Command) => {
      const run = parseRequest(SimulateRunSchema, { runs: opts.runs, seed: opts.seed }, "simulate");
      const scenario = loadScenario(file);
      const out = await withStore(cmd, async (store) => {
        const bar = progress(scenario.shocks.length);
        try {
          return await simulate(store, scenario, { ...run, onProgress: bar?.tick });
        } finally {
          bar?.stop();
        }
      });
      if (opts.json) printJson(out);
      else process.stdout.write(renderSimulation(out) + "\n");
    });
}

/** A progress bar over all markets' runs, on stderr, only on a terminal. */
function progress(markets: number): { tick: (m: number, r: number, runs: number) => void; stop: () => void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar({ format: "Simulating [{bar}] {value}/{total} runs", stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    tick: (m, r, runs) => {
      if (!started) {
        bar.start(runs * markets, 0);
        started = true;
      }
      if (r % 50 === 49 || r === runs - 1) bar.update(m * runs + r + 1);
    },
    stop: () => started && bar.stop(),
  };
}

/** Human rendering: per market, a table of targets with p50 and the p5–p95 band. */
export function renderSimulation(out: SimulationResult): string {
  const lines = [`${out.scenario.name} — ${out.runs} runs, seed ${out.seed}`];
  const b = (x: { p5: number; p50: number; p95: number }, f: (v: number) => string) => `${f(x.p50)} (${f(x.p5)}–${f(x.p95)})`;
  for (const m of out.markets) {
    lines.push("", `${m.material} (${m.stage}), ${m.year}: top suppliers ${m.suppliers.slice(0, 3).map((s) => `${s.country} ${pct(s.share)}`).join(", ")}`);
    const rows = Object.entries(m.targets).map(([k, v]) => ({ k, v }));
    lines.push(
      formatTable(rows, [
        { key: (r) => r.k, title: "target" },
        { key: (r) => b(r.v.peakShortfall, (x) => pct(x)), title: "peak shortfall p50 (p5–p95)", align: "right" },
        { key: (r) => b(r.v.monthsCovered, (x) => x.toFixed(1)), title: "months covered", align: "right" },
        { key: (r) => b(r.v.priceChange, (x) => `+${pct(x, 0)}`), title: "peak price", align: "right" },
        { key: (r) => (r.v.valueAddedAtRisk ? b(r.v.valueAddedAtRisk, (x) => x.toFixed(0)) : "–"), title: "VA at risk, M€", align: "right" },
        { key: (r) => gdpShareText(r.v.gdp), title: "of GDP", align: "right" },
      ]),
    );
    lines.push(`Sources: ${m.sources.map((s) => `${s.dataset} (${s.edition}, ${s.year})`).join("; ")}`);
    if (m.valueAdded) lines.push(`Value added: ${m.valueAdded.source.dataset} end uses (SI_EI ${m.valueAdded.substitutionIndex})`);
    if (m.valueAddedJapan) lines.push(`Value added, Japan: same end uses × OECD national IOT ${m.valueAddedJapan.vaYear} (€${Math.round(m.valueAddedJapan.annualMeur).toLocaleString("en")} M a year at the ECB ${m.valueAddedJapan.fxYear} rate)`);
    for (const n of m.notes) lines.push(`Note: ${n}`);
    lines.push(...coverageLines(m.coverage, 4));
  }
  lines.push("", "Shortfall = share of pre-shock demand unmet; --json for monthly paths. Method: docs/simulator.md");
  return lines.join("\n");
}
