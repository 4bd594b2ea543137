// Overview first render on loopback: from navigation until the criticality matrix and the
// concentration table are drawn, in headless Chromium. Budget (issue 7): 1.5 s. In the same run:
// the shell alone (HTML + JS, no data) as the baseline, and a cold server (no warm-up) for contrast.
// Run: npx tsx bench/overview-render.ts [--cold]
import { chromium } from "playwright-core";
import { openStore } from "../src/ingest/starter/open.ts";
import { startServer } from "../src/api/server.ts";
import { ensureWebBuild } from "../src/api/web-build.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../src/report/pdf.ts";

const webDist = await ensureWebBuild();
const store = await openStore();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

async function render(url: string, ready: string[]): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const t0 = performance.now();
  await page.goto(url);
  for (const sel of ready) await page.locator(sel).first().waitFor({ timeout: 120_000 });
  const ms = performance.now() - t0;
  await page.close();
  return Math.round(ms);
}

const rows: { case: string; ms: number }[] = [];
if (process.argv.includes("--cold")) {
  const cold = await startServer({ store, port: 0, webDist, warmUp: false, token: "" });
  rows.push({ case: "cold server (nothing computed yet)", ms: await render(new URL("/?bloc=ALLIANCE", cold.url).href, ["svg.cp-matrix", "table tbody tr"]) });
  await cold.close();
}
const s = await startServer({ store, port: 0, webDist, token: "" });
const t = performance.now();
await s.warm;
console.log(`warm-up (overview + assess for 3 blocs, benchmarks, materials): ${Math.round(performance.now() - t)} ms after start`);
rows.push({ case: "baseline: page shell (HTML + JS, title drawn)", ms: await render(new URL("/?bloc=ALLIANCE", s.url).href, ["h1"]) });
for (let i = 0; i < 3; i++) rows.push({ case: `overview ALLIANCE, matrix + table (run ${i + 1})`, ms: await render(new URL("/?bloc=ALLIANCE", s.url).href, ["svg.cp-matrix", "table tbody tr"]) });
rows.push({ case: "overview JPN, matrix + table", ms: await render(new URL("/?bloc=JPN", s.url).href, ["svg.cp-matrix", "table tbody tr"]) });
console.table(rows);
const first = rows.find((r) => r.case.startsWith("overview ALLIANCE"))!.ms;
console.log(`overview first render ${first} ms (budget 1500 ms): ${first < 1500 ? "within" : "OVER"} budget`);
await browser.close();
await s.close();
store.close();
