// The briefing: HTML and PDF (through Chromium) for gallium and the alliance with a scenario;
// the PDF's pages and text are read back with poppler's pdfinfo/pdftotext.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { briefData, actions } from "../src/report/brief.ts";
import { briefHtml } from "../src/report/brief-html.ts";
import { CHROMIUM_PATH, htmlToPdf } from "../src/report/pdf.ts";
import { loadScenario } from "../src/simulate/scenario.ts";
import { gdpShareText } from "../src/simulate/gdp-check.ts";

const has = (cmd: string) => {
  try {
    execFileSync("which", [cmd], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const skip = !existsSync(CHROMIUM_PATH) ? `no Chromium at ${CHROMIUM_PATH}` : false;
const noPoppler = has("pdftotext") && has("pdfinfo") ? false : "no pdftotext/pdfinfo (apt-get install poppler-utils)";
const out = join(import.meta.dirname, "output");

let store: Store;
before(async () => {
  store = await openStore({ db: ":memory:" });
  mkdirSync(out, { recursive: true });
});
after(() => store.close());

test("brief data: actions follow from the figures (gallium, ALLIANCE)", async () => {
  const d = await briefData(store, { material: "gallium", bloc: "ALLIANCE", date: "2025-01-01" });
  assert.equal(d.production.top?.country, "CHN");
  const a = actions(d);
  assert.match(a[0], /^Diversify away from CHN: 98\.4 % of world processing supply/);
  const html = briefHtml(d);
  assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/, "self-contained: no scripts, no external resources");
  assert.match(html, /<svg[^>]*class="cp-map"/);
});

test("brief PDF: 2–4 A4 pages with headline, scenario, actions and sources", { skip, timeout: 120_000 }, async (t) => {
  const scenario = loadScenario("scenarios/china-gallium-alliance.yaml");
  const d = await briefData(store, { material: "gallium", bloc: "ALLIANCE", scenario, runs: 100, date: "2025-01-01" });
  const file = join(out, "brief-gallium-alliance.pdf");
  const pdf = await htmlToPdf(briefHtml(d));
  writeFileSync(file, pdf);
  // Page objects counted in the file itself, so this holds without poppler too.
  const pageObjects = (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  assert.ok(pageObjects >= 2 && pageObjects <= 4, `${pageObjects} page objects`);
  if (noPoppler) return t.diagnostic(noPoppler);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  assert.ok(pages >= 2 && pages <= 4, `${pages} pages`);
  assert.match(info, /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts/);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  assert.match(text, /Gallium: ALLIANCE's exposure/);
  assert.match(text, /CHN produces 98\.4 % of the world's gallium \(processing, 2023\)/);
  assert.match(text, /Scenario: China restricts gallium exports to the alliance/);
  // The scenario table sets value added at risk against GDP (EU27 row: a share, never a bare "0 %").
  const eu = d.simulation!.targets.EU27;
  assert.ok(eu.gdp?.vaShare != null, "the EU27 row has a GDP share");
  assert.match(text, new RegExp(`EU27 [^A-Z]*?\\d+ ${gdpShareText(eu.gdp).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`), gdpShareText(eu.gdp));
  assert.match(text, /Recommended actions/);
  assert.match(text, /USGS Mineral Commodity Summaries/);
  const page1 = execFileSync("pdftotext", ["-f", "1", "-l", "1", file, "-"], { encoding: "utf8" });
  assert.match(page1, /Who produces it/, "the map is on the first page");
});
