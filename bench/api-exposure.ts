// API latency at a fixed request rate (autocannon): p50/p99 of an exposure request at 200 req/s
// against the budget (p99 < 50 ms), with /api/health in the same run as the baseline
// (the server's own overhead without any analysis).
// Run: npx tsx bench/api-exposure.ts [--rate 200] [--seconds 10]
// @ts-expect-error autocannon ships no type declarations (and @types/autocannon is not installed)
import autocannon from "autocannon";
import { openStore } from "../src/ingest/starter/open.ts";
import { startServer } from "../src/api/server.ts";

const arg = (k: string, d: number) => Number(process.argv[process.argv.indexOf(k) + 1] ?? d) || d;
const rate = arg("--rate", 200);
const seconds = arg("--seconds", 10);
const store = await openStore();
const server = await startServer({ store, port: 0, warmUp: false, token: "" });

async function measure(path: string) {
  await fetch(new URL(path, server.url)).then((r) => r.arrayBuffer()); // first computation (and module loading), as any first visitor would pay
  const r = await autocannon({ url: new URL(path, server.url).href, connections: 10, overallRate: rate, duration: seconds });
  return { path, requests: r.requests.total, non2xx: r.non2xx, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max };
}

const exposurePath = "/api/exposure?material=gallium&stage=processing&bloc=ALLIANCE&basis=production";
const baseline = await measure("/api/health");
const exposure = await measure(exposurePath);
console.table([baseline, exposure]);
console.log(`exposure p99 ${exposure.p99} ms at ${rate} req/s (budget 50 ms): ${exposure.p99 < 50 ? "within" : "OVER"} budget; baseline p99 ${baseline.p99} ms`);
await server.close();
store.close();
