// Dashboard pages fully loaded, in real Chromium, on the shipped database (issue 16: Overview,
// Material and Alerts < 1.5 s warm). "Fully loaded" = the page's data-driven content is drawn
// (a selector that only appears once the data arrived) and no "Loading…" placeholder is left.
// Each load opens a fresh browser context (no HTTP cache). Cold = a fresh server without its
// start-up warm-up, first visit of the page; warm = the same page loaded again, N times.
// For each page: median/max, and every /api call it made with its time (of the slowest load).
// Baseline in the same run: the page shell alone (HTML + JS, title drawn).
// Run: npm run bench:pages -- [--runs 5] [--db path] [--no-cold]
import { chromium, type Browser } from "playwright-core";
import { openStore } from "../src/ingest/starter/open.ts";
import { startServer, type RunningServer } from "../src/api/server.ts";
import { ensureWebBuild } from "../src/api/web-build.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../src/report/pdf.ts";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg("--runs") ?? 5);
const COLD = !process.argv.includes("--no-cold");

interface PageCase { name: string; path: string; ready: string[] }
const PAGES: PageCase[] = [
  { name: "overview ALLIANCE", path: "/?bloc=ALLIANCE", ready: ["svg.cp-matrix", "table tbody tr"] },
  { name: "material gallium ALLIANCE", path: "/material/gallium?bloc=ALLIANCE", ready: ["svg.cp-map", "svg.cp-sankey", "ul.kpis"] },
  { name: "alerts ALLIANCE", path: "/alerts?bloc=ALLIANCE", ready: ["ol.alerts li"] },
];

interface Load { ms: number; calls: { path: string; ms: number }[]; dcl: number; lastApi: number }

async function load(browser: Browser, base: string, c: PageCase): Promise<Load> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  const calls: { path: string; ms: number }[] = [];
  page.on("requestfinished", (r) => {
    const u = new URL(r.url());
    if (!u.pathname.startsWith("/api/")) return;
    const t = r.timing();
    calls.push({ path: u.pathname + u.search, ms: Math.round(t.responseEnd) });
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const t0 = performance.now();
  await page.goto(new URL(c.path, base).href);
  for (const sel of c.ready) await page.locator(sel).first().waitFor({ timeout: 300_000 });
  if (c.ready[0] !== "h1") await page.waitForFunction(() => !document.querySelector(".loading"), null, { timeout: 300_000, polling: 10 });
  const ms = Math.round(performance.now() - t0);
  // Where the time went, from the page's own clock: HTML + JS parsed, and the last API answer's end.
  const [dcl, lastApi] = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const api = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.name.includes("/api/"));
    return [Math.round(nav.domContentLoadedEventEnd), Math.round(Math.max(0, ...api.map((r) => r.responseEnd)))];
  });
  const failed = await page.locator(".error, [role=alert]").count();
  await ctx.close();
  if (errors.length || failed) console.warn(`  ${c.name}: ${errors.length} script errors, ${failed} error boxes ${errors.join("; ")}`);
  return { ms, calls, dcl, lastApi };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
};

const webDist = await ensureWebBuild();
const store = await openStore(arg("--db") ? { db: arg("--db") } : {});
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
// The glossary asks the API for nothing but the blocs: HTML + JS + first paint, the floor under every page.
const shell: PageCase = { name: "baseline: page shell", path: "/glossary", ready: ["h1"] };
const rows: Record<string, string | number>[] = [];
const detail: { name: string; slowest: Load }[] = [];

async function serve(): Promise<RunningServer> {
  return startServer({ store, port: 0, webDist, warmUp: false, token: "" });
}

for (const c of PAGES) {
  let cold: Load | undefined;
  let s: RunningServer;
  if (COLD) {
    // A fresh server per page: its memo (and the store's) start empty for every page alike.
    s = await serve();
    cold = await load(browser, s.url, c);
  } else {
    s = await serve();
    await load(browser, s.url, c);
  }
  const warm: Load[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await load(browser, s.url, c));
  const base = await load(browser, s.url, shell);
  await s.close();
  const ms = warm.map((w) => w.ms);
  rows.push({
    page: c.name,
    "cold ms": cold?.ms ?? "-",
    "warm median ms": median(ms),
    "warm max ms": Math.max(...ms),
    "warm DOMContentLoaded ms": median(warm.map((w) => w.dcl)),
    "warm last API ms": median(warm.map((w) => w.lastApi)),
    "shell ms": base.ms,
    "< 1500 warm": Math.max(...ms) < 1500 ? "yes" : "NO",
  });
  detail.push({ name: `${c.name} (cold)`, slowest: cold ?? warm[0] });
  detail.push({ name: `${c.name} (slowest warm)`, slowest: warm.reduce((a, b) => (b.ms > a.ms ? b : a)) });
}

console.log(`pages fully loaded, ${RUNS} warm runs each, ${store.path}`);
console.table(rows);
for (const d of detail) {
  console.log(`${d.name}: ${d.slowest.ms} ms, DOMContentLoaded ${d.slowest.dcl} ms, last API answer ${d.slowest.lastApi} ms, ${d.slowest.calls.length} API calls`);
  for (const x of d.slowest.calls) console.log(`    ${String(x.ms).padStart(6)} ms  ${x.path}`);
}
await browser.close();
await store.close();
