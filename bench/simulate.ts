/**
 * Simulator benchmark (printed figures, not a test). Budgets from issue 4:
 *   1. one scenario on the starter data in < 100 ms (the gallium scenario, market loading included);
 *   2. 10 000 Monte Carlo draws in < 10 s;
 *   3. every material × {CHN ban on ALLIANCE} in < 60 s.
 * Baseline in the same run: the pure model alone (no store), so the share spent in SQL is visible.
 *
 * Usage: npx tsx bench/simulate.ts [--sweep-runs 200]
 */
import { openStore } from "../src/ingest/starter/open.ts";
import { listMaterials } from "../src/store/queries/materials.ts";
import { simulate } from "../src/simulate/simulate.ts";
import { loadScenario, validateScenario } from "../src/simulate/scenario.ts";
import { monteCarlo } from "../src/simulate/monte-carlo.ts";
import { DEFAULT_PARAMS } from "../src/simulate/params.ts";
import { scenarioOn, smallMarket } from "../src/simulate/fixture-market.ts";

const sweepRuns = Number(process.argv[process.argv.indexOf("--sweep-runs") + 1]) || 200;
const ms = (t0: number) => performance.now() - t0;
const line = (name: string, took: number, budget: number, extra = "") =>
  console.log(`${name.padEnd(52)} ${took.toFixed(1).padStart(9)} ms   budget ${budget} ms   ${took <= budget ? "OK" : "OVER"} ${extra}`);

let t0 = performance.now();
const store = await openStore({ db: ":memory:" });
console.log(`store built from data/ in ${ms(t0).toFixed(0)} ms (not counted)`);
const gallium = loadScenario("scenarios/china-gallium-alliance.yaml");
await simulate(store, gallium, { runs: 10 }); // warm up JIT and DuckDB caches

const median = async (f: () => Promise<unknown>) => {
  const xs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    await f();
    xs.push(ms(t));
  }
  return xs.sort((a, b) => a - b)[3];
};
line("1. gallium scenario, 1 run (load + model), median of 7", await median(() => simulate(store, gallium, { runs: 1 })), 100);
line("1b. gallium scenario, 100 runs, median of 7", await median(() => simulate(store, gallium, { runs: 100 })), 100);
t0 = performance.now();
await simulate(store, gallium);
line(`1c. gallium scenario, file's ${gallium.runs} runs`, ms(t0), 1000);

t0 = performance.now();
const big = await simulate(store, gallium, { runs: 10_000 });
line("2. gallium scenario, 10 000 draws", ms(t0), 10_000, `(${Object.keys(big.targets).length} targets × 24 months)`);
const m = smallMarket();
t0 = performance.now();
monteCarlo(m, scenarioOn(m, { severity: 0.8 }), DEFAULT_PARAMS, 10_000, 1, [{ key: "JPN", members: ["JPN"], consumers: [0] }], null);
line("   baseline: pure model, 2 consumers, 10 000 draws", ms(t0), 10_000);

const materials = await listMaterials(store);
t0 = performance.now();
let ok = 0;
const skipped: string[] = [];
for (const mat of materials) {
  const s = validateScenario({
    name: `CHN bans ${mat.id}`, year: 2023, horizonMonths: 24, runs: sweepRuns, seed: 1,
    shocks: [{ type: "export_ban", actor: "CHN", material: mat.id, targets: ["ALLIANCE"], durationMonths: 12 }],
    responses: { stockpileDays: { JPN: 60 } },
  });
  try {
    await simulate(store, s);
    ok++;
  } catch (e) {
    skipped.push(`${mat.id}: ${(e as Error).message.split("\n")[0].slice(0, 80)}`);
  }
}
line(`3. sweep: ${materials.length} materials × CHN ban on ALLIANCE (${sweepRuns} runs each)`, ms(t0), 60_000, `(${ok} ran, ${skipped.length} without data)`);
for (const s of skipped) console.log(`   skipped ${s}`);
store.close();
