// Issue #13 "coverage in every answer", end to end on the shipped data: Japan's rare-earth imports come
// only from the truncated UN Comtrade preview (data/comtrade-japan, 500-record cap), so every output that
// rests on them must say `coverage.complete === false` and name the truncation — CLI, API, library, brief.
// One database file for all: the CLI runs first (it builds the file; a CLI cannot open it while this
// process holds it), then the store opens it in-process for the library, the API and the brief.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { createApp } from "../src/api/app.ts";
import { overview } from "../src/analytics/overview.ts";
import { plan } from "../src/plan/plan.ts";
import { simulate } from "../src/simulate/index.ts";
import { validateScenario } from "../src/simulate/scenario.ts";
import { briefData } from "../src/report/brief.ts";
import { briefHtml } from "../src/report/brief-html.ts";
import { CHROMIUM_PATH } from "../src/report/pdf.ts";
import { renderSimulation } from "../src/cli/commands/simulate.ts";

const bin = fileURLToPath(new URL("../bin/chokepoint.mjs", import.meta.url));
const DATA = fileURLToPath(new URL("../data/", import.meta.url));
/** The truncation as the sourcing engine words it (analytics/sourcing): dataset, cap and what it drops. */
const TRUNCATED = /comtrade-japan-imports is truncated \(UN Comtrade public preview API capped at 500 records/;
const said = (ws: readonly string[]) => ws.some((w) => TRUNCATED.test(w));

let dir: string;
let db: string;
let store: Store;
let app: ReturnType<typeof createApp>;
const cli: Record<string, any> = {};
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, "--db", db, ...args], { encoding: "utf8", env: { ...process.env, CHOKEPOINT_DB: "" }, maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "cov-everywhere-"));
  db = join(dir, "cov.duckdb");
  cli.exposure = JSON.parse(run("exposure", "-m", "rare-earths", "-b", "JPN", "--basis", "sourcing", "--json"));
  cli.exposureText = run("exposure", "-m", "rare-earths", "-b", "JPN", "--basis", "sourcing");
  cli.assessJpn = JSON.parse(run("assess", "--bloc", "JPN", "--json"));
  cli.overviewText = run("overview", "--bloc", "JPN");
  cli.overviewJson = JSON.parse(run("overview", "--bloc", "JPN", "--json"));
  store = await openStore({ db });
  app = createApp({ store, token: "" });
});
after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const r = await app.request(url);
  assert.equal(r.status, 200, url);
  return (await r.json()) as any;
};
const post = async (url: string, body: unknown) => {
  const r = await app.request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  assert.equal(r.status, 200, `${url}: ${await r.clone().text()}`);
  return (await r.json()) as any;
};

test("rare-earths JPN exposure: CLI --json, CLI table and API all say incomplete and name the truncation", async () => {
  for (const [face, e] of [["CLI --json", cli.exposure], ["API", await get("/api/exposure?material=rare-earths&bloc=JPN&basis=sourcing")]] as const) {
    assert.equal(e.bloc, "JPN", face);
    assert.deepEqual(e.blocMembers, ["JPN"], face);
    assert.equal(e.coverage.complete, false, face);
    assert.ok(said(e.coverage.warnings), `${face}: ${e.coverage.warnings.join(" | ")}`);
  }
  assert.match(cli.exposureText, /coverage: INCOMPLETE/);
  assert.match(cli.exposureText, TRUNCATED);
});

test("rare-earths JPN overview row (library and API): the row (extraction, with imports at the processing stage) is incomplete and names the truncation; the overview too", async () => {
  const lib = await overview(store, "JPN");
  const api = await get("/api/overview?bloc=JPN");
  for (const [face, o] of [["library", lib], ["API", api]] as const) {
    const row = o.materials.find((r: any) => r.material === "rare-earths");
    assert.ok(row, `${face}: rare-earths row`);
    assert.equal(row.stage, "extraction", face);
    assert.equal(row.sourcing.stage, "processing", `${face}: imports from the stage that has them`);
    assert.ok(row.coverage.warnings.includes("sourcing: shown at the processing stage: no JPN import data at the extraction stage"), face);
    assert.equal(row.coverage.complete, false, face);
    assert.ok(said(row.coverage.warnings), `${face}: ${row.coverage.warnings.join(" | ")}`);
    assert.equal(o.coverage.complete, false, face);
    assert.ok(o.coverage.warnings.some((w: string) => w.includes("rare-earths/extraction")), face);
  }
});

test("overview carries the assess summary line and the unassessed list (library, API, CLI human and --json)", async () => {
  const o = await get("/api/overview?bloc=JPN");
  const s = o.criticality.summary;
  // The same counts as the JPN assessment the CLI printed from the same database.
  assert.deepEqual({ c: s.critical, n: s.notCritical, u: s.undecided, ua: s.unassessed.length }, {
    c: cli.assessJpn.summary.critical, n: cli.assessJpn.summary.notCritical, u: cli.assessJpn.summary.undecided, ua: cli.assessJpn.summary.unassessed.length,
  });
  const statuses = cli.assessJpn.materials.map((m: any) => m.status);
  assert.equal(s.critical, statuses.filter((x: string) => x === "critical").length);
  assert.equal(s.unassessed.length, statuses.filter((x: string) => x === "unassessed").length);
  assert.ok(s.unassessed.length > 0);
  assert.match(s.text, new RegExp(`^${s.critical} critical, ${s.unassessed.length} not assessable \\(missing bloc sourcing mix \\d+`));
  for (const u of s.unassessed) assert.ok(u.reason.length > 0 && u.missing.length > 0, u.material);
  assert.ok(s.unassessed.some((u: any) => u.material === "lree"), "LREE (no SR for some members) is listed, not counted as not critical");
  assert.equal(o.criticality.coverage.complete, false);
  assert.ok(o.coverage.warnings.some((w: string) => /^criticality: \d+ materials not assessable for JPN/.test(w)));
  const human: string = cli.overviewText;
  assert.ok(human.includes(`criticality (EU method, JPN): ${s.text}.`), human.slice(-1500));
  assert.match(human, /not assessable: .*lree \(/);
  assert.equal(cli.overviewJson.criticality.summary.text, s.text);
});

test("rare-earths JPN in assess --bloc JPN --json: the study's LREE/HREE sourcing (tradeCoverage) and the overall coverage name the truncation", () => {
  const a = cli.assessJpn;
  for (const id of ["lree", "hree"]) {
    const m = a.materials.find((x: any) => x.material === id);
    assert.equal(m.tradeCoverage.complete, false, id);
    assert.ok(said(m.tradeCoverage.warnings), `${id}: ${m.tradeCoverage.warnings.join(" | ")}`);
    assert.notEqual(m.critical, false, `${id}: not 'not critical' on unknown inputs`);
  }
  assert.equal(a.coverage.complete, false);
  assert.ok(a.coverage.warnings.some((w: string) => w.startsWith("lree sourcing incomplete:") && TRUNCATED.test(w)));
});

test("plan (library and API): rare-earths JPN is incomplete and names the truncation behind Japan's imports at the processing stage; where the plan rests on the truncated preview (tungsten JPN) it names it", async () => {
  // Rare earths have world production only at the extraction stage (USGS mine output), where Japan reports
  // no imports at all (the preview's rare-earth rows are HS 2805/2846, processing): the plan does not use the
  // truncated source, and its coverage says so and what Japan's imports at the processing stage rest on.
  for (const [face, re] of [["library", await plan(store, { material: "rare-earths", bloc: "JPN" })], ["API", await post("/api/plan", { material: "rare-earths", bloc: "JPN" })]] as const) {
    assert.equal(re.stage, "extraction", face);
    assert.equal(re.coverage.complete, false, face);
    const ws: string[] = re.coverage.warnings;
    assert.ok(ws.includes("today's mix: no JPN import data at the extraction stage; its imports at the processing stage are incomplete"), `${face}: ${ws.join(" | ")}`);
    assert.ok(ws.some((w) => w.startsWith("today's mix: JPN imports at the processing stage: ") && TRUNCATED.test(w)), `${face}: ${ws.join(" | ")}`);
    // The same words as exposure's own (one coverage source): every exposure warning at that stage is in the plan's.
    for (const w of cli.exposure.coverage.warnings) assert.ok(ws.includes(`today's mix: JPN imports at the processing stage: ${w}`), `${face}: ${w}`);
  }
  for (const [face, w] of [["library", await plan(store, { material: "tungsten", bloc: "JPN" })], ["API", await post("/api/plan", { material: "tungsten", bloc: "JPN" })]] as const) {
    assert.equal(w.coverage.complete, false, face);
    assert.ok(w.coverage.warnings.some((x: string) => x.startsWith("today's mix: ") && TRUNCATED.test(x)), `${face}: ${w.coverage.warnings.join(" | ")}`);
  }
});

test("simulate (library, API, CLI text): a rare-earths shock on JPN is incomplete; on tungsten, Japan's mix from the preview names the truncation", async () => {
  const shock = (material: string) => validateScenario({
    name: `China restricts ${material} exports to Japan`, year: 2024, horizonMonths: 12, runs: 20, seed: 1,
    shocks: [{ type: "export_restriction", actor: "CHN", material, targets: ["JPN"], startMonth: 0, durationMonths: 6, severity: 0.5 }],
  }, "test");
  const re = await simulate(store, shock("rare-earths"), { runs: 20 });
  const reApi = await post("/api/simulate?runs=20", shock("rare-earths"));
  for (const [face, r] of [["library", re], ["API", reApi]] as const) {
    assert.equal(r.coverage.complete, false, face);
    const ws: string[] = r.coverage.warnings;
    assert.ok(ws.some((w) => /no import data for JPN: assumed to source like the world/.test(w)), `${face}: ${ws.join(" | ")}`);
    // …and why: Japan's rare-earth imports (processing stage) rest on the truncated preview, in exposure's words.
    assert.ok(ws.some((w) => w.includes("JPN imports at the processing stage: ") && TRUNCATED.test(w)), `${face}: ${ws.join(" | ")}`);
    for (const w of cli.exposure.coverage.warnings) assert.ok(ws.some((x) => x.endsWith(`JPN imports at the processing stage: ${w}`)), `${face}: ${w}`);
    assert.ok(said(r.markets[0].coverage.warnings), face);
  }
  assert.match(renderSimulation(re), /JPN imports at the processing stage: comtrade-japan-imports is truncated/);
  const w = await simulate(store, shock("tungsten"), { runs: 20 });
  const api = await post("/api/simulate?runs=20", shock("tungsten"));
  for (const [face, r] of [["library", w], ["API", api]] as const) {
    assert.equal(r.coverage.complete, false, face);
    assert.ok(said(r.coverage.warnings), `${face}: ${r.coverage.warnings.join(" | ")}`);
    assert.ok(said(r.markets[0].coverage.warnings), face);
  }
  assert.match(renderSimulation(w), /coverage: INCOMPLETE/);
});

test("brief rare-earths JPN: each figure block says its coverage; the imports and the study's REE groups name the truncation (HTML and PDF text)", { timeout: 300_000 }, async (t) => {
  const d = await briefData(store, { material: "rare-earths", bloc: "JPN", date: "2026-12-05" });
  assert.equal(d.coverage.complete, false);
  assert.deepEqual(d.coverageParts.map((p) => p.label), ["world production", "JPN imports", "criticality hree", "criticality lree", "plan"]);
  assert.equal(d.sourcing?.stage, "processing", "imports shown at the stage that has them");
  assert.ok(d.notes.some((n) => /No JPN import data at the extraction stage: imports are shown at the processing stage/.test(n)));
  for (const label of ["JPN imports", "criticality hree", "criticality lree"]) {
    const p = d.coverageParts.find((x) => x.label === label)!;
    assert.equal(p.coverage.complete, false, label);
    assert.ok(said(p.coverage.warnings), label);
  }
  assert.equal(d.blocCriticality?.bloc, "JPN");
  const text = briefHtml(d).replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");
  assert.match(text, /Coverage \(JPN imports\): incomplete — comtrade-japan-imports is truncated \(UN Comtrade public preview API capped at 500 records/);
  assert.match(text, /Coverage \(World production\): complete/);
  assert.match(text, /Coverage \(Plan\): incomplete/);
  assert.match(text, new RegExp(`JPN, all materials: ${d.blocCriticality!.summary.text.replace(/[()]/g, "\\$&")}\\.`));
  assert.match(text, /Not assessable: [a-z-]+(, [a-z-]+)*\./);
  assert.match(text, /Coverage: incomplete/);
  if (!existsSync(CHROMIUM_PATH)) return t.diagnostic(`no Chromium at ${CHROMIUM_PATH}: PDF not checked`);
  const r = await app.request("/api/brief?material=rare-earths&bloc=JPN");
  assert.equal(r.status, 200);
  const file = join(dir, "brief.pdf");
  writeFileSync(file, Buffer.from(await r.arrayBuffer()));
  let pdfText: string;
  try {
    pdfText = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } catch {
    return t.diagnostic("no pdftotext: PDF text not checked");
  }
  assert.match(pdfText, /Coverage \(JPN imports\): incomplete — comtrade-japan-imports is truncated/);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
  assert.ok(pages >= 2 && pages <= 4, `${pages} pages`);
});

test("assess --bloc ALLIANCE (API, shipped data): no material is 'not critical' while its SR is unknown", async () => {
  const a = await get("/api/assess?bloc=ALLIANCE");
  for (const m of a.materials) {
    if (m.sr === null && !m.srRange) assert.equal(m.critical, null, `${m.material}: SR unknown → critical null`);
    if (m.critical === false) assert.ok(m.sr !== null || m.srRange, `${m.material}: not-critical needs an SR`);
    if (m.status === "unassessed") assert.ok(a.summary.unassessed.some((u: any) => u.material === m.material), m.material);
  }
  assert.equal(a.summary.unassessed.length + a.summary.critical + a.summary.notCritical + a.summary.undecided, a.materials.length);
});

// Import reliance in tonnes (analytics/criticality/import-reliance.ts): IR = net imports / apparent
// consumption, apparent consumption = production + imports − exports, clamped to 0…1. The oracle sums the
// raw rows: USGS MCS 2024 world files and CEPII BACI HS17 V202601 2024 (q in tonnes; Japan is BACI 392).
const csv = (file: string) => readFileSync(file, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/).map((l) => parseCsvLine(l));
function parseCsvLine(l: string): string[] {
  const out: string[] = [];
  let cur = "";
  let q = false;
  for (const ch of l) {
    if (ch === '"') q = !q;
    else if (ch === "," && !q) (out.push(cur), (cur = ""));
    else cur += ch;
  }
  return [...out, cur];
}
function baciTonnes(hs6: string, members: Set<number>): { imports: number; exports: number } {
  let imports = 0;
  let exports = 0;
  for (const [t, i, j, k, , q] of csv(join(DATA, "baci", "BACI_HS17_Y2024_V202601.csv")).slice(1)) {
    if (t !== "2024" || k !== hs6 || q === "NA") continue;
    const inI = members.has(Number(i));
    const inJ = members.has(Number(j));
    if (inJ && !inI) imports += Number(q);
    if (inI && !inJ) exports += Number(q);
  }
  return { imports, exports };
}
const baciCodes = (iso3: readonly string[]) => new Set(csv(join(DATA, "baci", "country_codes_V202601.csv")).slice(1).filter((r) => iso3.includes(r[3])).map((r) => Number(r[0])));
const usgs2023 = (file: string, countries: readonly string[]) =>
  csv(join(DATA, "usgs-mcs", "mcs2024", file)).slice(1).filter((r) => countries.includes(r[1])).reduce((t, r) => t + Number(r[4]), 0);
const irOf = (production: number, imports: number, exports: number) => Math.min(1, Math.max(0, (imports - exports) / (production + imports - exports)));

test("import reliance in tonnes reaches assess --bloc JPN --json: titanium metal (sponge) against a hand sum of the raw USGS and BACI rows", () => {
  const m = cli.assessJpn.materials.find((x: any) => x.material === "titanium-metal");
  const st = m.stages.processing;
  const src = st.importRelianceSource;
  const production = usgs2023("mcs2024-titan_world.csv", ["Japan"]);
  const { imports, exports } = baciTonnes("810820", baciCodes(["JPN"]));
  assert.equal(production, 60000, "USGS MCS 2024: Japan's titanium sponge 2023");
  assert.equal(src.production, production);
  assert.ok(Math.abs(src.imports - imports) < 1e-6, `imports ${src.imports} vs ${imports}`);
  assert.ok(Math.abs(src.exports - exports) < 1e-6, `exports ${src.exports} vs ${exports}`);
  assert.ok(exports > imports, "Japan is a net exporter of sponge");
  assert.equal(st.importReliance, irOf(production, imports, exports));
  assert.equal(st.importReliance, 0);
  assert.deepEqual(src.codes, ["810820"]);
  assert.deepEqual([src.productionYear, src.tradeYear], [2023, 2024]);
  assert.ok(m.coverage.includes("processing: import reliance 0.0 % in tonnes (810820 BACI 2024, USGS production 2023)"), m.coverage.join(" | "));
});

test("import reliance in tonnes for ALLIANCE: natural graphite 0.966 from Austria's and Germany's mine output and BACI 250490 across the alliance's border", async () => {
  const eu = csv(join(DATA, "countries", "countries.csv")).slice(1).filter((r) => r[7] === "1").map((r) => r[0]);
  assert.equal(eu.length, 27);
  const names = csv(join(DATA, "countries", "countries.csv")).slice(1).filter((r) => r[7] === "1" || r[0] === "JPN").map((r) => r[3]);
  const production = usgs2023("mcs2024-graph_world.csv", names);
  const { imports, exports } = baciTonnes("250490", baciCodes([...eu, "JPN"]));
  const a = await get("/api/assess?bloc=ALLIANCE&material=natural-graphite");
  const st = a.materials[0].stages.extraction;
  assert.equal(production, 650, "Austria 500 t + Germany 150 t (USGS MCS 2024, 2023 estimates)");
  assert.ok(Math.abs(st.importRelianceSource.imports - imports) < 1e-6 && Math.abs(st.importRelianceSource.exports - exports) < 1e-6);
  assert.ok(Math.abs(st.importReliance - irOf(production, imports, exports)) < 1e-12);
  assert.ok(Math.abs(st.importReliance - 0.966) < 0.001, String(st.importReliance));
  assert.ok(a.materials[0].coverage.some((c: string) => c.includes("250490 BACI 2024, USGS production 2023")));
});
