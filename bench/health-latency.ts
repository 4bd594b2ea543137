/**
 * Benchmark: `/api/health` latency (p50/p99) while a 20,000-run simulation is in flight, against
 * the same server idle in the same run (issue #18; goal p99 < 50 ms). Requests go over HTTP to a
 * server on port 0, one every 20 ms, measured from send to body read.
 * Run: npx tsx bench/health-latency.ts [--db path]
 */
import { performance } from "node:perf_hooks";
import { openStore } from "../src/ingest/starter/open.ts";
import { startServer } from "../src/api/server.ts";
import { LIMITS } from "../src/domain/limits.ts";
import { stopMonteCarloWorkers } from "../src/simulate/monte-carlo-thread.ts";

const dbArg = process.argv.indexOf("--db");
const store = await openStore({ db: dbArg > 0 ? process.argv[dbArg + 1] : ":memory:" });
const server = await startServer({ store, port: 0, token: "", warmUp: false, logError: () => undefined });
const base = server.url.replace(/\/$/, "");
const SCENARIO = { name: "bench", year: 2023, shocks: [{ type: "export_ban", actor: "CHN", material: "gallium", stage: "processing", targets: ["JPN"] }], seed: 7 };

async function probe(until: () => boolean, max = 400): Promise<number[]> {
  const out: number[] = [];
  while (!until() && out.length < max) {
    const t = performance.now();
    await (await fetch(`${base}/api/health`)).text();
    out.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  return out;
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const line = (label: string, xs: number[]) =>
  console.log(`${label.padEnd(34)} n=${String(xs.length).padStart(4)}  p50 ${q(xs, 0.5).toFixed(1).padStart(6)} ms  p99 ${q(xs, 0.99).toFixed(1).padStart(6)} ms  max ${Math.max(...xs).toFixed(1).padStart(6)} ms`);

await probe(() => false, 20); // warm the connection path
let n = 0;
const idle = await probe(() => ++n > 150);
let done = false;
const t0 = performance.now();
const sim = fetch(`${base}/api/simulate?runs=${LIMITS.runs}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(SCENARIO) })
  .then(async (r) => { await r.text(); done = true; return r.status; });
const busy = await probe(() => done, 100_000);
const status = await sim;
line("idle", idle);
line(`during ${LIMITS.runs}-run simulation (${status})`, busy);
console.log(`simulation took ${((performance.now() - t0) / 1000).toFixed(1)} s; p99 busy/idle ${(q(busy, 0.99) / q(idle, 0.99)).toFixed(2)}×`);
await server.close();
await stopMonteCarloWorkers();
await store.close();
