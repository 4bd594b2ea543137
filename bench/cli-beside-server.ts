// The CLI beside a running `chokepoint serve` (issue 17): wall time of `chokepoint exposure -m gallium
// --json` on the default database alone (read-write open) and while the server holds the file
// (a refused read-write open, then a read-only one), alternating, in the same run.
// Run: npx tsx bench/cli-beside-server.ts [--reps 5]   (uses a fresh database in a temp folder)
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const reps = Number(process.argv[process.argv.indexOf("--reps") + 1] ?? 5) || 5;
const bin = new URL("../bin/chokepoint.mjs", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "chokepoint-bench-serve-"));
const env = { ...process.env, CHOKEPOINT_DB: join(dir, "chokepoint.duckdb"), CHOKEPOINT_TOKEN: "" };

const cli = (...args: string[]) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env });
  if (r.status !== 0) throw new Error(`chokepoint ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return performance.now() - t;
};

async function startServer() {
  const s = spawn(process.execPath, [bin, "serve", "--port", "0", "--no-dashboard"], { env, stdio: ["ignore", "pipe", "ignore"] });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    s.stdout!.on("data", (d) => ((out += d), /chokepoint API: /.test(out) && resolve()));
    s.once("exit", (c) => reject(new Error(`serve exited ${c}`)));
  });
  return s;
}

cli("data", "status"); // build once
cli("exposure", "-m", "gallium", "--json"); // warm the file cache
const alone: number[] = [];
const beside: number[] = [];
for (let i = 0; i < reps; i++) {
  alone.push(cli("exposure", "-m", "gallium", "--json"));
  const s = await startServer();
  beside.push(cli("exposure", "-m", "gallium", "--json"));
  const gone = new Promise((r) => s.once("exit", r));
  s.kill("SIGTERM");
  await gone;
}
rmSync(dir, { recursive: true, force: true });
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratios = alone.map((a, i) => beside[i] / a);
console.table({ alone: alone.map(Math.round), "beside serve": beside.map(Math.round) });
console.log(`exposure -m gallium --json: alone median ${med(alone).toFixed(0)} ms, beside a running server ${med(beside).toFixed(0)} ms; ratio (median of pairs) ${med(ratios).toFixed(2)}×`);
