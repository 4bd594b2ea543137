/**
 * World-scale benchmark (issue 8), from one run with N rows chosen on the command line:
 *  - ingest: `ingest(store, "baci", [file])` (hash, validation, transaction) against DuckDB's own
 *    `CREATE TABLE … AS SELECT * FROM read_csv(…)` with the same explicit types (goal ≥ 0.8× its speed);
 *  - scan: chokepoint's every-product scan for EU27 against a hand-written DuckDB SQL query of the
 *    same figures (goal ≤ 1.25× its time) and against pandas (Debian python3-pandas, if installed;
 *    goal ≥ 5× faster), checking that all three agree.
 * Each measurement runs in a fresh child process (peak RSS is per child); repetitions alternate
 * contenders so load from other processes hits both. Ingest reports the best wall-clock time of the
 * repetitions and the median CPU time (steadier on a shared machine); the scan, the median.
 *
 * Usage: npx tsx bench/baci-bench.ts --rows 1000000 [--reps 5] [--dir /tmp/baci-bench]
 * Synthetic data from bench/baci-generate.ts: never real figures.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateBaci } from "./baci-generate.ts";
import { PANDAS_SCAN } from "./baci-pandas.ts";
import { type PhaseResult } from "./baci-phases.ts";

const EU27 = "AUT BEL BGR CYP CZE DEU DNK ESP EST FIN FRA GRC HRV HUN IRL ITA LTU LUX LVA MLT NLD POL PRT ROU SVK SVN SWE".split(" ");
const PYTHON = "/usr/bin/python3"; // Debian's python3 (python3-pandas), not pyenv's

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}

function child(phase: string, args: Record<string, string>): PhaseResult {
  const self = fileURLToPath(new URL("./baci-phases.ts", import.meta.url));
  const res = spawnSync(process.execPath, ["--import", "tsx", self, phase, JSON.stringify(args)], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (res.status !== 0) throw new Error(`${phase} failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split("\n").pop()!) as PhaseResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f2 = (x: number) => x.toFixed(2);

async function main(): Promise<void> {
  const rows = Number(arg("rows", "1000000"));
  const reps = Number(arg("reps", "5"));
  const dir = arg("dir", `/tmp/baci-bench-${rows}`);
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const gen = generateBaci({ rows, out: join(dir, "release"), year: 2023 });
  const mb = Number(spawnSync("stat", ["-c", "%s", gen.trade], { encoding: "utf8" }).stdout) / 1e6;
  console.log(`synthetic BACI year: ${gen.rows.toLocaleString("en-US")} rows, ${mb.toFixed(0)} MB (generated in ${f2((performance.now() - t0) / 1000)} s)`);

  const raw: PhaseResult[] = [];
  const ours: PhaseResult[] = [];
  for (let r = 0; r < reps; r++) {
    for (const [name, list] of [["raw", raw], ["ingest", ours]] as const) {
      const db = join(dir, `${name}.duckdb`);
      rmSync(db, { force: true });
      rmSync(`${db}.wal`, { force: true });
      list.push(child(name, { db, trade: gen.trade, countries: gen.countries, products: gen.products }));
    }
  }
  const best = (xs: PhaseResult[]) => Math.min(...xs.map((x) => x.seconds));
  const rawS = best(raw);
  const oursS = best(ours);
  const rawCpu = median(raw.map((x) => x.cpuSeconds!));
  const oursCpu = median(ours.map((x) => x.cpuSeconds!));
  // Each repetition runs the two back to back, so a pair shares the machine's state at that moment:
  // the median of the per-pair ratios is the figure judged (best-of-N alone swung 0.65–0.87× here).
  const pairRatios = raw.map((x, i) => x.seconds / ours[i].seconds);
  const ratio = median(pairRatios);
  console.log(`\ningest (${reps} alternating pairs; best wall-clock, median CPU; fresh database each time)`);
  console.log(`  DuckDB read_csv → table   ${f2(rawS)} s   ${(rows / rawS / 1e6).toFixed(2)} M rows/s   CPU ${f2(rawCpu)} s   peak RSS ${median(raw.map((x) => x.rssMB)).toFixed(0)} MB`);
  console.log(`  chokepoint ingest baci    ${f2(oursS)} s   ${(rows / oursS / 1e6).toFixed(2)} M rows/s   CPU ${f2(oursCpu)} s   peak RSS ${median(ours.map((x) => x.rssMB)).toFixed(0)} MB`);
  console.log(`    runs: read_csv ${raw.map((x) => f2(x.seconds)).join(" ")} s; ingest ${ours.map((x) => f2(x.seconds)).join(" ")} s`);
  const hashS = median(ours.map((x) => x.hashSeconds ?? 0));
  console.log(`    sha256 of the file alone ${f2(hashS)} s: ingest() hashes a new big file on a worker thread while DuckDB loads it;\n    ingest includes the row checks, the codes-used list and the year's world aggregate`);
  console.log(`  throughput ratio ${f2(ratio)}× wall (median of pairs: ${pairRatios.map(f2).join(" ")}; best-of ${f2(rawS / oursS)}×), ${f2(rawCpu / oursCpu)}× CPU  (goal ≥ 0.80×: ${ratio >= 0.8 ? "met" : "NOT met"})`);

  const scanDb = join(dir, "ingest.duckdb");
  const s = child("scan", { db: scanDb, members: EU27.join(","), reps: String(reps) });
  const sRatio = s.seconds / s.handSeconds!;
  console.log(`\nscan EU27, every HS6 product (median of ${reps}, warm)`);
  console.log(`  chokepoint scan           ${f2(s.seconds)} s   CPU ${f2(s.cpuSeconds!)} s   ${s.products} products, ${s.dependent} dependent`);
  console.log(`  hand-written DuckDB SQL   ${f2(s.handSeconds!)} s   agree: ${s.agree}`);
  console.log(`    the scan reads the year's world exports per (product, exporter), aggregated once by the load (included in`);
  console.log(`    the ingest time above); rebuilding that aggregate takes ${f2(s.worldSeconds!)} s, so a scan from raw rows alone would be ${f2(s.seconds + s.worldSeconds!)} s`);
  console.log(`    (${f2((s.seconds + s.worldSeconds!) / s.handSeconds!)}× of the hand-written SQL even then)`);
  console.log(`  time ratio ${f2(sRatio)}×  (goal ≤ 1.25×: ${sRatio <= 1.25 ? "met" : "NOT met"})`);

  if (existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import pandas"]).status === 0) {
    const script = join(dir, "pandas_scan.py");
    writeFileSync(script, PANDAS_SCAN);
    const p = spawnSync(PYTHON, [script, gen.trade, s.memberCodes!.join(",")], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (p.status !== 0) throw new Error(`pandas failed: ${p.stderr}`);
    const pd = JSON.parse(p.stdout) as { read_s: number; compute_s: number; compute_cpu_s: number; products: number; dependent: number; hhi_sum: number };
    const agree = pd.products === s.products && pd.dependent === s.dependent && Math.abs(pd.hhi_sum - s.hhiSum!) < 1e-6 * s.products!;
    const speed = pd.compute_s / s.seconds;
    console.log(`  pandas ${spawnSync(PYTHON, ["-c", "import pandas; print(pandas.__version__)"], { encoding: "utf8" }).stdout.trim()} (compute only)  ${f2(pd.compute_s)} s   CPU ${f2(pd.compute_cpu_s)} s   (+ read_csv ${f2(pd.read_s)} s)   agree: ${agree}`);
    console.log(`  chokepoint is ${speed.toFixed(1)}× faster than pandas' compute (goal ≥ 5×: ${speed >= 5 ? "met" : "NOT met"}); ${(pd.compute_cpu_s / s.cpuSeconds!).toFixed(1)}× less CPU`);
    console.log(`    counting the load-time world aggregate as part of the scan: ${(pd.compute_s / (s.seconds + s.worldSeconds!)).toFixed(1)}× faster`);
  } else {
    console.log("  pandas: not installed (apt-get install python3-pandas) — skipped");
  }
  console.log(`\nmachine: ${spawnSync("nproc", { encoding: "utf8" }).stdout.trim()} cores, node ${process.version}; data: synthetic (bench/baci-generate.ts)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
