// The dashboard in real Chromium (playwright-core, Debian's /usr/bin/chromium): every page opens,
// the bloc switch works by mouse and keyboard, a scenario runs, a 390 px phone has no sideways
// scroll. Screenshots land in test/output/ (gitignored) for people to look at.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { startServer, type RunningServer } from "../src/api/server.ts";
import { ensureWebBuild } from "../src/api/web-build.ts";
import { ingest } from "../src/ingest/ingest.ts";
import { baciFiles } from "../src/ingest/trade/baci-files.ts";
import { scan } from "../src/analytics/scan.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const out = join(import.meta.dirname, "output");
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;

let store: Store;
let server: RunningServer;
let browser: Browser;
let page: Page;
before(async () => {
  if (skip) return;
  mkdirSync(out, { recursive: true });
  const webDist = await ensureWebBuild();
  store = await openStore({ db: ":memory:" });
  server = await startServer({ store, port: 0, webDist, warmUp: false, token: "" });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
after(async () => {
  // A browser that does not answer must not hold the run open.
  await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000).unref())]);
  await server?.close();
  await store?.close();
});

const url = (p: string) => new URL(p, server.url).href;
const shot = (name: string) => page.screenshot({ path: join(out, `${name}.png`), fullPage: true });

test("overview: criticality matrix, bloc switch by mouse and keyboard, state in the URL", { skip, timeout: 180_000 }, async () => {
  await page.goto(url("/?bloc=EU27"));
  // The first page of a fresh server computes every bloc's mixes cold (BACI and Japan's HS6 now feed them).
  await page.locator("svg.cp-matrix").waitFor({ timeout: 60_000 });
  assert.ok((await page.locator("svg.cp-matrix circle").count()) >= 60);
  assert.match(await page.locator("h1").innerText(), /EU27/);
  await page.getByRole("radio", { name: "JPN" }).click();
  await page.waitForURL(/bloc=JPN/);
  await page.locator("svg.cp-matrix title", { hasText: "Criticality matrix, JPN" }).waitFor({ state: "attached", timeout: 60_000 });
  await page.locator("table tbody tr").first().waitFor({ timeout: 60_000 });
  assert.ok(await page.locator(".sources").count() >= 1, "figures name their sources");
  await shot("overview-jpn-1280");
  await page.getByRole("radio", { name: "EU27" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/bloc=EU27/);
  await page.goBack();
  await page.waitForURL(/bloc=JPN/);
});

test("material: map, Sankey, supplier table and trend for gallium", { skip, timeout: 90_000 }, async () => {
  await page.goto(url("/material/gallium?bloc=ALLIANCE"));
  await page.locator("svg.cp-map").waitFor({ timeout: 30_000 });
  assert.match(await page.locator("svg.cp-map").innerHTML(), /China: 9\d\.\d %/);
  await page.locator("svg.cp-sankey").waitFor({ timeout: 30_000 });
  await page.locator("#prod-h ~ h3 + .chart figure svg, #prod-h ~ p.note").first().waitFor({ timeout: 30_000 });
  assert.match(await page.locator("table").first().innerText(), /China/);
  await shot("material-gallium-1280");
});

test("scenario: run a Chinese gallium ban on Japan from the form", { skip, timeout: 90_000 }, async () => {
  await page.goto(url("/scenario?material=gallium&actor=CHN&targets=JPN&type=export_ban&duration=12"));
  assert.match(await page.locator("textarea").inputValue(), /type: export_ban/);
  await page.getByRole("button", { name: "Run scenario" }).click();
  await page.locator(".results table tbody tr").first().waitFor({ timeout: 60_000 });
  assert.match(await page.locator(".results table").innerText(), /Japan\s+\d+\.\d %/);
  assert.equal(await page.locator(".results figure.plot svg").count() >= 2, true);
  await shot("scenario-gallium-ban-1280");
  await page.locator("textarea").fill("name: broken\nyear: 2023\nshocks: []\n");
  await page.getByRole("button", { name: "Run scenario" }).click();
  await page.locator(".error").waitFor();
  assert.match(await page.locator(".error").innerText(), /shocks/);
});

test("plan and alerts pages open", { skip, timeout: 90_000 }, async () => {
  await page.goto(url("/plan?material=cobalt&bloc=ALLIANCE"));
  await page.locator(".kpis, p.error").first().waitFor({ timeout: 60_000 });
  assert.equal(await page.locator("p.error").count(), 0, await page.locator("p.error").first().innerText().catch(() => ""));
  await shot("plan-cobalt-1280");
  await page.goto(url("/alerts?bloc=JPN"));
  await page.locator("ol.alerts, p.note").first().waitFor({ timeout: 60_000 });
  await shot("alerts-jpn-1280");
});

test("products: the BACI scan as a chart and a ranked table; the dependent-only switch", { skip, timeout: 90_000 }, async () => {
  // BACI ships in data/ (2022, 2024): the page draws at once; a user's extra load is read on the next visit.
  await ingest(store, "baci", baciFiles([join(import.meta.dirname, "fixtures", "baci")]));
  const lib = await scan(store, { bloc: "EU27" });
  await page.goto(url("/products?bloc=EU27"));
  await page.locator("svg.cp-scan").waitFor({ timeout: 30_000 });
  assert.equal(await page.locator("svg.cp-scan circle.pt").count(), lib.products.length);
  assert.equal(await page.locator("svg.cp-scan circle.dep").count(), lib.coverage.dependent);
  assert.equal(await page.locator("table tbody tr").count(), Math.min(30, lib.products.length));
  assert.match(await page.locator("table tbody tr").first().innerText(), new RegExp(lib.products[0].hs6));
  assert.match(await page.locator(".sources").last().innerText(), /CEPII BACI/);
  await shot("products-eu27-1280");
  await page.getByRole("link", { name: "Only dependent products" }).click();
  await page.waitForURL(/dependent=true/);
  // The old table stays on screen until the new answer arrives: wait for the rows to change.
  const want = Math.min(30, lib.coverage.dependent);
  await page.waitForFunction((n) => document.querySelectorAll("table tbody tr").length === n, want, { timeout: 30_000 }).catch(() => {});
  assert.equal(await page.locator("table tbody tr").count(), want);
  // A second year loaded: the page offers both and switches, keeping the other settings.
  const dir = mkdtempSync(join(tmpdir(), "baci-y2021-"));
  writeFileSync(join(dir, "BACI_HS22_Y2021_V202501.csv"), "t,i,j,k,v,q\n2021,156,276,811292,800.000,4.000\n");
  await ingest(store, "baci", [join(dir, "BACI_HS22_Y2021_V202501.csv")]);
  // (ALLIANCE: a request not made before, as the server keeps answers while it runs.)
  await page.goto(url("/products?bloc=ALLIANCE&dependent=true"));
  await page.getByRole("navigation", { name: "BACI year" }).getByRole("link", { name: "2021" }).click();
  await page.waitForURL(/year=2021/);
  assert.match(page.url(), /dependent=true/);
  await page.locator("p.big", { hasText: "(2021)" }).waitFor({ timeout: 30_000 });
});

test("a 390 px phone: no sideways scrolling on overview, material and products", { skip, timeout: 90_000 }, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [p, sel, name] of [["/?bloc=EU27", "svg.cp-matrix", "overview-eu27-390"], ["/material/gallium?bloc=JPN", "svg.cp-map", "material-gallium-390"], ["/products?bloc=EU27", "svg.cp-scan", "products-eu27-390"]] as const) {
    await page.goto(url(p));
    await page.locator(sel).waitFor({ timeout: 30_000 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 391, `${p}: page is ${width}px wide`);
    await shot(name);
  }
});
