// Issue 16 in real Chromium: what an analyst sees at a glance. Each test would fail if its feature broke.
// Screenshots of every page at 1440 px and 390 px land in test/output/screens/ for review by eye;
// CHOKEPOINT_UPDATE_GOLDEN=1 writes them to test/golden/screens/ (committed, reviewed before commit).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { parse as parseYaml } from "yaml";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { startServer, type RunningServer } from "../src/api/server.ts";
import { ensureWebBuild } from "../src/api/web-build.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from "../src/report/pdf.ts";

const screens = process.env.CHOKEPOINT_UPDATE_GOLDEN === "1" ? join(import.meta.dirname, "golden", "screens") : join(import.meta.dirname, "output", "screens");
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;
let store: Store;
let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];
before(async () => {
  if (skip) return;
  mkdirSync(screens, { recursive: true });
  // A configured bloc for the picker (chokepoint.config.json's `blocs` section).
  const dir = mkdtempSync(join(tmpdir(), "cp-dash-"));
  writeFileSync(join(dir, "chokepoint.config.json"), JSON.stringify({ blocs: { QUAD: ["AUS", "IND", "JPN", "USA"] } }));
  process.env.CHOKEPOINT_CONFIG = join(dir, "chokepoint.config.json");
  const webDist = await ensureWebBuild();
  store = await openStore({ db: ":memory:" });
  server = await startServer({ store, port: 0, webDist, warmUp: false, token: "" });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on("pageerror", (e) => errors.push(e.message));
});
after(async () => {
  await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000).unref())]);
  await server?.close();
  await store?.close();
});
const url = (p: string) => new URL(p, server.url).href;
const T = { timeout: 90_000 };

test("unknown route and unknown material: a not-found message, no endless spinner", { skip, timeout: 60_000 }, async () => {
  await page.goto(url("/no/such/page"));
  await page.getByRole("heading", { name: "Not found" }).waitFor(T);
  await page.goto(url("/material/unobtainium"));
  await page.getByText("There is no material 'unobtainium'").waitFor(T);
  assert.equal(await page.locator(".loading").count(), 0);
  assert.ok(await page.getByRole("link", { name: "Go to the overview" }).isVisible());
  const icon = await page.evaluate(() => fetch("/favicon.svg").then((r) => r.headers.get("content-type")));
  assert.match(icon ?? "", /svg/);
});

test("overview ALLIANCE: headline counts, unassessed materials listed with reasons, matrix labels never overlap", { skip, timeout: 120_000 }, async () => {
  await page.goto(url("/?bloc=ALLIANCE"));
  await page.locator("svg.cp-matrix").waitFor(T);
  const head = await page.locator(".headline").innerText();
  const [crit, not, na] = [...head.matchAll(/(\d+)/g)].map((m) => Number(m[1]));
  const a = await (await fetch(url("/api/assess?bloc=ALLIANCE"))).json();
  const n = (...st: string[]) => a.materials.filter((m: any) => st.includes(m.status)).length;
  assert.deepEqual([crit, not, na], [n("critical"), n("not-critical"), n("unassessed", "undecided")], "the counts are the API's assess status");
  assert.equal(crit + not + na, a.materials.length, "every material counted once");
  assert.ok(na > 0);
  const items = page.locator("aside.unassessed li");
  assert.equal(await items.count(), na);
  assert.match((await items.first().textContent())!, / — \S/, "each with its reason");
  // Grouped by cause in plain words: every material once, no dataset ids or stage prefixes in the headings.
  const causes = page.locator("aside.unassessed p.cause");
  const counts = (await causes.evaluateAll((ps) => ps.map((p) => Number(p.getAttribute("data-count")))));
  assert.equal(counts.reduce((x, y) => x + y, 0), na, "the groups add up");
  const named = (await causes.locator("a").allTextContents()).sort();
  assert.deepEqual(named, a.materials.filter((m: any) => ["unassessed", "undecided"].includes(m.status)).map((m: any) => m.name).sort());
  const heads = await causes.locator("b").allTextContents();
  assert.ok(heads.includes("No customs codes for it in the trade data"), heads.join(" | "));
  for (const h of heads) assert.doesNotMatch(h, /extraction:|processing:|ALLIANCE|`/);
  // Boxes of the labels as Chromium draws them.
  for (const w of [1440, 390]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.waitForTimeout(400);
    const boxes = await page.locator("svg.cp-matrix g.labels text").evaluateAll((ts) => ts.map((t) => { const b = (t as SVGGraphicsElement).getBBox(); return { s: t.textContent, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height }; }));
    assert.ok(boxes.length >= 8, `${w}px: ${boxes.length} labels`);
    if (w === 1440) {
      // On a desktop every plotted dot is named (crowded ones by a leader line), not only hovered.
      const plotted = a.materials.filter((m: any) => m.ei !== null && (m.sr !== null || m.srRange)).map((m: any) => m.name);
      const named = new Set(boxes.map((b) => b.s));
      assert.deepEqual(plotted.filter((m: string) => !named.has(m)), [], "dots without a label");
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const p = boxes[i], q = boxes[j];
        assert.ok(p.x1 <= q.x0 || q.x1 <= p.x0 || p.y1 <= q.y0 || q.y1 <= p.y0, `${w}px: '${p.s}' overlaps '${q.s}'`);
      }
    // Readable on a phone: the chart is drawn at the screen's width, so 9 px text stays ≥ 8 px on screen.
    const px = await page.locator("svg.cp-matrix g.labels text").first().evaluate((t) => t.getBoundingClientRect().height);
    assert.ok(px >= 8, `${w}px: label text ${px.toFixed(1)} px high`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  // Repeated "China 100 %" rows are one row.
  assert.match(await page.locator("table.concentrated").innerText(), /\d+ materials:/);
});

test("CRM Act panel follows the bloc", { skip, timeout: 180_000 }, async () => {
  await page.goto(url("/?bloc=EU27"));
  await page.locator(".crma-headline").waitFor(T);
  const eu = await page.locator(".crma-headline").innerText();
  await page.getByRole("radio", { name: "JPN" }).click();
  await page.locator(".crma-headline", { hasText: "Japan" }).waitFor(T);
  assert.notEqual(await page.locator(".crma-headline").innerText(), eu);
});

test("bloc picker: blocs from GET /api/blocs (G7, configured QUAD) in the menu; a custom bloc KOR,EU27 renders overview and material page", { skip, timeout: 240_000 }, async () => {
  const api = await (await fetch(url("/api/blocs"))).json();
  const extra = api.blocs.map((b: any) => b.id).filter((id: string) => !["EU27", "JPN", "ALLIANCE"].includes(id));
  assert.ok(extra.includes("G7") && extra.includes("QUAD"), extra.join(","));
  await page.goto(url("/material/gallium?bloc=EU27"));
  const menu = page.getByLabel("More blocs");
  await menu.waitFor(T);
  const options = (await menu.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
  assert.deepEqual(options, extra, "the menu lists the server's other blocs");
  assert.match(await menu.locator("option[value=QUAD]").innerText(), /QUAD \(configured, 4 countries\)/);
  await menu.selectOption("QUAD");
  await page.waitForURL(/bloc=QUAD/);
  await page.getByRole("heading", { name: "Where QUAD buys it" }).waitFor(T);
  // Free entry: a list of countries and blocs, resolved by the server.
  await page.goto(url("/?bloc=EU27"));
  await page.getByLabel("Other bloc or list of countries and blocs").fill("KOR, EU27");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/bloc=KOR%2CEU27|bloc=KOR,EU27/);
  await page.locator("svg.cp-matrix, .error").first().waitFor({ timeout: 200_000 });
  assert.equal(await page.locator(".error").count(), 0, await page.locator(".error").first().innerText().catch(() => ""));
  assert.match(await page.locator("h1").innerText(), /KOR, EU27/);
  const assess = await (await fetch(url("/api/assess?bloc=KOR,EU27"))).json();
  assert.match(await page.locator(".headline").innerText(), new RegExp(`of ${assess.materials.length} materials`));
  await page.goto(url("/material/gallium?bloc=KOR,EU27"));
  await page.locator("table.sourcing-table tbody tr").first().waitFor(T);
  const ex = await (await fetch(url("/api/exposure?material=gallium&bloc=KOR,EU27&basis=sourcing"))).json();
  assert.ok(ex.blocMembers.includes("KOR") && ex.blocMembers.length === 28);
  const first = await page.locator("table.sourcing-table tbody tr").first().innerText();
  assert.match(first, new RegExp(`China\\s+${(ex.suppliers[0].share * 100).toFixed(1)} %`), "KOR,EU27's own mix, as the API gives it");
  assert.equal(await page.locator(".error").count(), 0);
});

test("material: switching the bloc changes the sourcing table; CSV download matches the API", { skip, timeout: 120_000 }, async () => {
  await page.goto(url("/material/natural-graphite?bloc=EU27"));
  await page.locator("table.sourcing-table tbody tr").first().waitFor(T);
  const eu = await page.locator("table.sourcing-table").innerText();
  assert.match(eu, /China\s+5\d\.\d %/, "China's share of EU graphite imports");
  assert.match(await page.locator("#src-h ~ h3").first().innerText(), /2022–2024/);
  assert.ok(await page.getByText("CRM Act 65 %").first().isVisible(), "the 65 % line is labelled");
  await page.getByRole("radio", { name: "JPN" }).click();
  await page.waitForURL(/bloc=JPN/);
  await page.waitForFunction((old) => { const t = document.querySelector("table.sourcing-table"); return !t || t.textContent !== old; }, eu.replace(/\s+/g, ""), T).catch(() => {});
  await page.locator("table.sourcing-table tbody tr, .absent").first().waitFor(T);
  const jp = await page.locator("#src-h").locator("..").innerText();
  assert.notEqual(jp, eu);
  // CSV of the production map = the API's suppliers.
  await page.goto(url("/material/gallium?bloc=ALLIANCE"));
  await page.locator("svg.cp-map").waitFor(T);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator(".chart").first().getByRole("button", { name: "Download CSV" }).click()]);
  const csv = readFileSync((await dl.path())!, "utf8").trim().split(/\r\n/);
  const api = await (await fetch(url("/api/exposure?material=gallium&bloc=ALLIANCE&basis=production&stage=processing"))).json();
  assert.equal(csv.length - 1, api.suppliers.length);
  const first = csv[1].split(",");
  assert.equal(first[2], api.suppliers[0].country);
  assert.equal(Number(first[4]), api.suppliers[0].share);
  // The Sankey: one year and one unit in its title, country names with values.
  await page.locator("svg.cp-sankey").waitFor(T);
  assert.match(await page.locator("#sankey-h").innerText(), /, 20\d\d, USD/);
  assert.match(await page.locator("svg.cp-sankey").innerHTML(), />China <tspan[^>]*>[\d.]+ (m|bn|k)? ?USD/);
});

test("partners panel: EU27 permanent magnets depend on China; Japan is listed first, as the alliance partner, with the API's world export share; ALLIANCE shows both directions", { skip, timeout: 150_000 }, async () => {
  const api = await (await fetch(url("/api/partners?material=permanent-magnets&bloc=EU27&stage=processing"))).json();
  const dep = api.blocs[0].dependencies.find((d: any) => d.country === "CHN");
  assert.ok(dep, "China is a dependency in the API");
  const jp = dep.alternatives.find((a: any) => a.country === "JPN");
  await page.goto(url("/material/permanent-magnets?bloc=EU27"));
  const table = page.locator(".dependency[data-dependency=CHN] table.partners-table");
  await table.waitFor(T);
  assert.match(await page.locator(".dependency[data-dependency=CHN] > p").first().innerText(), new RegExp(`China supplies ${(dep.share * 100).toFixed(1)} %`));
  const first = table.locator("tbody tr").first();
  assert.equal(await first.getAttribute("data-country"), "JPN", "the other alliance half first");
  assert.match(await first.innerText(), new RegExp(`Japan\\s+Alliance partner\\s+${(jp.worldExportShare * 100).toFixed(1)} %`));
  assert.ok((await table.locator("tbody tr[data-tier=trusted]").count()) >= 1);
  assert.equal(await page.locator(".partners .error").count(), 0);
  // No production series for magnets: explained, not a red error.
  assert.match(await page.locator("#prod-h ~ .absent").innerText(), /No world production figures/);
  await page.getByRole("radio", { name: "Alliance" }).click();
  await page.locator(".alliance-links li").first().waitFor(T);
  assert.deepEqual((await page.locator(".alliance-links li b").allInnerTexts()).map((t) => t.trim()), ["the EU → Japan", "Japan → the EU"]);
});

test("briefing PDF from the material page has at least 2 pages", { skip: skip || (existsSync("/usr/bin/pdfinfo") ? false : "no pdfinfo"), timeout: 120_000 }, async () => {
  await page.goto(url("/material/gallium?bloc=JPN"));
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 110_000 }), page.getByRole("link", { name: "Download briefing (PDF)" }).click()]);
  const info = execFileSync("pdfinfo", [(await dl.path())!], { encoding: "utf8" });
  assert.ok(Number(/Pages:\s+(\d+)/.exec(info)![1]) >= 2, info);
});

test("figure downloads: the matrix as SVG (the drawn chart, every label) and as PNG (2× the drawn size, not blank)", { skip, timeout: 120_000 }, async () => {
  await page.goto(url("/?bloc=EU27"));
  const drawn = page.locator("svg.cp-matrix");
  await drawn.waitFor(T);
  const tools = page.locator(".chart").first().getByRole("group", { name: /^Download Criticality matrix/ });
  const [svgDl] = await Promise.all([page.waitForEvent("download"), tools.getByRole("button", { name: "SVG" }).click()]);
  assert.equal(svgDl.suggestedFilename(), "criticality-matrix-eu27.svg");
  const svg = readFileSync((await svgDl.path())!, "utf8");
  assert.match(svg, /^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, "a standalone SVG file");
  const labels = await drawn.locator("g.labels text").allTextContents();
  assert.ok(labels.length >= 8);
  for (const l of labels) assert.ok(svg.includes(`>${l.replace(/&/g, "&amp;")}</text>`), `label '${l}' in the file`);
  const [pngDl] = await Promise.all([page.waitForEvent("download"), tools.getByRole("button", { name: "PNG" }).click()]);
  const png = readFileSync((await pngDl.path())!);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const size = await drawn.evaluate((e) => [e.clientWidth, e.clientHeight]);
  assert.deepEqual([w, h], [size[0] * 2, size[1] * 2], "drawn at twice the screen size");
  // Decoded in the browser: a white page would mean the SVG failed to render into the canvas.
  const inked = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    [c.width, c.height] = [img.width, img.height];
    const g = c.getContext("2d")!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) dark++;
    return dark / (c.width * c.height);
  }, png.toString("base64"));
  assert.ok(inked > 0.01, `${(inked * 100).toFixed(2)} % of pixels drawn`);
});

test("scenario briefing PDF (POST /api/brief from the scenario page): at least 2 pages, with the scenario's result", { skip: skip || (existsSync("/usr/bin/pdftotext") ? false : "no pdftotext"), timeout: 180_000 }, async () => {
  await page.goto(url("/scenario?material=cobalt&actor=CHN&targets=EU27&type=export_ban&duration=6"));
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 170_000 }), page.getByRole("button", { name: "Download briefing (PDF)" }).click()]);
  assert.equal(dl.suggestedFilename(), "chokepoint-scenario-cobalt.pdf");
  const file = (await dl.path())!;
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  assert.ok(Number(/Pages:\s+(\d+)/.exec(info)![1]) >= 2, info);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  assert.match(text, /[Cc]obalt/);
  const name = /^name:\s*(.+)$/m.exec(await page.locator("textarea").inputValue())![1].trim().replace(/^["']|["']$/g, "");
  assert.ok(text.replace(/\s+/g, " ").includes(`Scenario: ${name}`), `the scenario '${name}' has its section in the briefing`);
  assert.equal(await page.locator(".error").count(), 0);
});

test("alerts: an alert's 'Open as scenario' opens its own scenario, as YAML, in the scenario editor", { skip, timeout: 150_000 }, async () => {
  const api = await (await fetch(url("/api/alerts?bloc=ALLIANCE&months=12"))).json();
  const first = api.alerts.find((a: any) => a.scenario);
  assert.ok(first, "an alert with a scenario");
  await page.goto(url("/alerts?bloc=ALLIANCE"));
  await page.locator("ol.alerts li").first().waitFor(T);
  // Each alert is drawn (a bar of its share at risk) and says why when it has no simulation.
  assert.equal(await page.locator("ol.alerts > li .alert-bars .bar.risk").count(), await page.locator("ol.alerts > li").count());
  const unsimulated = api.alerts.slice(0, 40).filter((a: any) => !a.simulation).length;
  assert.equal(await page.locator("ol.alerts .not-simulated").count(), unsimulated);
  // Coverage: an incomplete alert says so on the page.
  const incomplete = api.alerts.slice(0, 40).filter((a: any) => !a.coverage.complete).length;
  assert.equal(await page.locator("ol.alerts > li[data-complete=false] details.warnings").count(), incomplete);
  await page.getByRole("link", { name: "Open as scenario" }).first().click();
  await page.waitForURL(/\/scenario\?/);
  const yaml = await page.locator("textarea").inputValue();
  assert.doesNotMatch(yaml.trimStart(), /^\{/, "YAML, not JSON");
  assert.deepEqual(parseYaml(yaml), first.scenario, "exactly the alert's scenario");
});

test("scenario: bloc rows, members folded, ≤ 5 series with distinct colours, VA at risk explained, YAML updates the form", { skip, timeout: 150_000 }, async () => {
  await page.goto(url("/scenario?material=cobalt&actor=CHN&targets=ALLIANCE&type=export_ban&duration=12"));
  const yaml = await page.locator("textarea").inputValue();
  await page.locator("textarea").fill(yaml.replace("durationMonths: 12", "durationMonths: 7"));
  assert.equal(await page.getByLabel("Duration (months)").inputValue(), "7", "the form follows the YAML");
  await page.getByRole("button", { name: "Run scenario" }).click();
  await page.locator(".results table.targets tbody tr").first().waitFor(T);
  const rows = await page.locator(".results table.targets tbody tr").allInnerTexts();
  assert.ok(rows.length <= 5 && rows.length >= 2, rows.join("|"));
  assert.equal(await page.locator(".results table.targets tbody.members tr").count(), 0, "members folded away");
  const toggle = page.getByRole("button", { name: /Show the \d+ member states/ });
  const nMembers = Number(/(\d+)/.exec(await toggle.innerText())![1]);
  await toggle.click();
  assert.equal(await page.locator(".results table.targets tbody.members tr").count(), nMembers, "members unfold in the same table (columns aligned)");
  const cols = await page.locator(".results table.targets tr").evaluateAll((trs) => [...new Set(trs.map((tr) => tr.children.length))]);
  assert.deepEqual(cols, [6], "every row has the header's six columns");
  await page.getByRole("button", { name: /Hide the/ }).click();
  assert.equal(await page.locator(".results details.data-details").count(), 1, "one Data details for the result");
  for (const fig of await page.locator(".results figure.plot").all()) {
    const strokes = await fig.locator("svg [aria-label='line'] path").evaluateAll((ps) => ps.map((p) => p.getAttribute("stroke")));
    assert.ok(strokes.length >= 1 && strokes.length <= 5, `${strokes.length} series`);
    assert.equal(new Set(strokes).size, strokes.length, "distinct colours");
  }
  assert.match(await page.locator(".explain").innerText(), /Method:.*value added.*substitution index/s);
  // The check against GDP is real: a "% of GDP" column and the EU's share in words (World Bank GDP at the ECB rate).
  assert.match(await page.locator(".results table.targets thead").innerText(), /% of GDP/);
  assert.match(await page.locator(".explain").innerText(), /Sanity check against GDP \(World Bank.*\): the EU's value added at risk is .* % of its GDP over the same 24 months \(GDP 2023, €16\.97 trn a year\)/s);
  await page.locator("textarea").fill("name: broken\nyear: 2023\nshocks: []\n");
  await page.getByRole("button", { name: "Run scenario" }).click();
  await page.locator(".error").waitFor();
  assert.doesNotMatch(await page.locator(".error > p").first().innerText(), /chokepoint |`/, "no terminal commands in errors");
});

test("plan: the default is feasible and has a chart; an infeasible request offers its relaxation as a button", { skip, timeout: 150_000 }, async () => {
  await page.goto(url("/plan"));
  await page.locator(".chart figure svg, .error").first().waitFor(T);
  assert.equal(await page.locator(".infeasible, .error").count(), 0);
  await page.goto(url("/plan?material=gallium&bloc=ALLIANCE&maxShare=0.3"));
  await page.locator(".infeasible").waitFor(T);
  assert.match(await page.locator(".infeasible").innerText(), /Binding:.*the cap on any single third country's share/);
  await page.locator(".chart figure svg").first().waitFor(T);
  assert.equal(await page.locator("details.data-details").count(), 1, "one Data details on the page, the relaxation's reasons in it");
  assert.match(await page.locator("details.data-details").innerText({ timeout: 5_000 }).catch(() => ""), /Data details/);
  const button = page.locator(".infeasible button").first();
  const label = await button.innerText();
  const suggested = /\((0\.\d+)\)/.exec(label)![1];
  await button.click();
  await page.waitForURL(new RegExp(`maxShare=${suggested}`));
  await page.locator(".chart figure svg").first().waitFor(T);
  assert.equal(await page.locator("input[type=number]").first().inputValue(), suggested, "the form shows the applied value");
});

test("tariffs: JPN and EU27 timeline with every measure date numbered and named; the JPN rate at 2025-10-14 = the API's; measures in force on a chosen date", { skip, timeout: 150_000 }, async () => {
  const tl = await (await fetch(url("/api/tariffs/timeline?exporters=JPN,EU27"))).json();
  const at = await (await fetch(url("/api/tariffs?exporter=JPN&date=2025-10-14&effect=false"))).json();
  await page.goto(url("/tariffs?exporter=JPN&date=2025-10-14"));
  await page.locator("svg.cp-timeline").waitFor(T);
  const series = await page.locator("svg.cp-timeline polyline").evaluateAll((ps) => ps.map((p) => p.getAttribute("data-series")));
  assert.deepEqual(series, ["JPN", "EU27"]);
  // Every measure date is a numbered mark on the chart and a named row of the table.
  const marks = await page.locator("svg.cp-timeline g.mark").evaluateAll((gs) => gs.map((g) => [g.getAttribute("data-date"), g.querySelector("text")!.textContent]));
  assert.deepEqual(marks, tl.events.map((e: any, i: number) => [e.date, String(i + 1)]));
  assert.ok(marks.length >= 15, `${marks.length} measure dates`);
  const row = page.locator("table.timeline-table tbody tr", { hasText: "2025-10-14" });
  assert.match(await row.innerText(), /Section 232 timber and furniture starts/);
  assert.match(await page.locator("table.timeline-table tbody tr", { hasText: "2026-02-20" }).innerText(), /Supreme Court rules IEEPA duties unlawful/);
  // The JPN rate shown at 2025-10-14 is the API's effective rate for that day (table cell, chart dot, headline).
  const cell = row.locator("td[data-exporter=JPN]");
  assert.equal(Number(await cell.getAttribute("data-rate")), at.effectiveRate);
  assert.equal((await cell.innerText()).trim(), `${(at.effectiveRate * 100).toFixed(1)} %`);
  assert.ok(await page.locator("svg.cp-timeline circle.step title", { hasText: `JPN 2025-10-14: ${(at.effectiveRate * 100).toFixed(1)} %` }).count());
  await page.locator(".effective-rate").waitFor(T);
  assert.equal(await page.locator(".effective-rate").innerText(), `${(at.effectiveRate * 100).toFixed(2)} %`);
  assert.deepEqual(await page.locator("table.measures-table tbody tr").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-measure"))), at.measures.map((m: any) => m.id));
  // Choosing another date and exporter from the table and the switch: EU27 on the day of the ruling.
  await page.getByRole("radio", { name: "EU27" }).click();
  await page.locator("table.timeline-table").getByRole("button", { name: "2026-02-20" }).click();
  await page.waitForURL(/date=2026-02-20/);
  const eu = await (await fetch(url("/api/tariffs?exporter=EU27&date=2026-02-20&effect=false"))).json();
  await page.locator(".effective-rate", { hasText: `${(eu.effectiveRate * 100).toFixed(2)} %` }).waitFor(T);
  assert.match(await page.locator("#inforce-h").innerText(), /2026-02-20 — the EU/);
  assert.ok(eu.measures.some((m: any) => m.id === "scotus_2026"));
  assert.equal(await page.locator("table.measures-table tbody tr").count(), eu.measures.length);
});

test("glossary defines the terms", { skip, timeout: 60_000 }, async () => {
  await page.goto(url("/glossary"));
  await page.locator("dt").first().waitFor(T); // the page's code arrives as its own chunk
  for (const t of ["HHI", "SR/EI", "WGI", "Basket code", "CRM Act 65 %"]) assert.ok(await page.locator("dt", { hasText: t }).count(), t);
});

test("golden screenshots of every page at 1440 px and 390 px; no script errors", { skip, timeout: 600_000 }, async () => {
  const pages: [string, string, string][] = [
    ["overview", "/?bloc=ALLIANCE", "svg.cp-matrix"],
    ["material", "/material/natural-graphite?bloc=EU27", "svg.cp-sankey"],
    ["scenario", "/scenario?material=gallium&actor=CHN&targets=ALLIANCE", "textarea"],
    ["plan", "/plan", ".chart figure svg"],
    ["alerts", "/alerts?bloc=JPN", "main h1"],
    ["products", "/products?bloc=EU27", ".absent, svg.cp-scan"],
    ["tariffs", "/tariffs?exporter=JPN&date=2025-10-14", "table.measures-table"],
    ["glossary", "/glossary", "dl"],
    ["not-found", "/nowhere", "h1"],
  ];
  for (const w of [1440, 390]) {
    await page.setViewportSize({ width: w, height: 900 });
    for (const [name, p, sel] of pages) {
      await page.goto(url(p));
      await page.locator(sel).first().waitFor({ timeout: 120_000 });
      await page.waitForFunction(() => !document.querySelector(".loading"), null, { timeout: 120_000 }).catch(() => {});
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= w + 1, `${name} at ${w}px is ${sw}px wide`);
      await page.screenshot({ path: join(screens, `${name}-${w}.png`), fullPage: true });
    }
  }
  assert.deepEqual(errors, []);
});

// Last: it takes BACI out of this test's own in-memory store (BACI ships in data/, so a user never starts without it).
test("products without BACI: an explanation with what to load, not a red error", { skip, timeout: 90_000 }, async () => {
  await store.transaction(() => store.run("DELETE FROM baci_loads"));
  const api = await fetch(url("/api/scan?bloc=JPN"));
  assert.equal(api.status, 404, "the API says no BACI is loaded");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(url("/products?bloc=JPN"));
  await page.locator(".absent").waitFor(T);
  assert.equal(await page.locator(".error").count(), 0);
  assert.match(await page.locator(".absent").innerText(), /BACI/);
  assert.match((await page.locator(".absent details.data-details").textContent()) ?? "", /chokepoint ingest baci/, "the command is in the data details");
});
