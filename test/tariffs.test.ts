// US tariffs on the alliance's exports: the JSON answer, each measure's effect on real HS10 lines
// computed by hand from their 2024 base rate, the timeline, the loaders' refusals, the CLI and the
// evidence pack PDF (Chromium; pages and text read back with poppler).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { ingest } from "../src/ingest/ingest.ts";
import { usImportsFrom } from "../src/store/queries/tariffs.ts";
import { loadTariffs } from "../src/tariffs/book.ts";
import { tariffs } from "../src/tariffs/exposure.ts";
import { tariffTimeline } from "../src/tariffs/timeline.ts";
import { CHROMIUM_PATH } from "../src/report/pdf.ts";

const has = (cmd: string) => spawnSync("which", [cmd]).status === 0;
const noPdf = !existsSync(CHROMIUM_PATH) ? `no Chromium at ${CHROMIUM_PATH}` : !has("pdftotext") || !has("pdfinfo") ? "no pdftotext/pdfinfo" : false;
let dir: string, db: string, store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), "chokepoint-tariffs-"));
  db = join(dir, "t.duckdb");
  store = await openStore({ db });
});
after(async () => {
  await store.close().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

/** The rate the engine gives one real HS10 line, and the line's 2024 base rate (duty / value). */
async function line(partner: string, hs10: string, day: string) {
  const ctx = await loadTariffs(store);
  const l = (await usImportsFrom(store, partner)).find((x) => x.hs10 === hs10);
  assert.ok(l, `${partner} ${hs10} in the Census data`);
  const base = l.duty / l.value;
  return ctx.book.lineRate(hs10, base, ctx.book.active(partner, day));
}
const near = (a: number, b: number, what = "") => assert.ok(Math.abs(a - b) < 1e-9, `${what} ${a} vs ${b}`);

test("JSON shape: exporter, importer, date, trade value, duty, rates as fractions, products, measures, coverage", async () => {
  const r = await tariffs(store, { exporter: "JPN", importer: "USA", date: "2025-10-14", runs: 200 });
  const keys = ["exporter", "importer", "date", "year", "tradeValue", "duty", "effectiveRate", "baselineDuty", "baselineRate", "addedDuty", "byChapter", "byProduct"];
  assert.deepEqual(Object.keys(r).slice(0, keys.length), keys);
  for (const k of ["measures", "coverage", "effect", "sources", "topLines"]) assert.ok(k in r, k);
  assert.deepEqual(Object.keys(r.byProduct[0]).filter((k) => ["hs", "tradeValue", "rate"].includes(k)), ["hs", "tradeValue", "rate"]);
  assert.deepEqual(Object.keys(r.coverage), ["complete", "warnings"]);
  assert.equal(r.exporter, "JPN");
  assert.equal(r.importer, "USA");
  assert.equal(Math.round(r.tradeValue / 1e7) / 100, 151.34, "Japan 2024 total (SOURCE.md spot check 151.34 bn)");
  for (const p of [...r.byProduct, ...r.byChapter]) assert.ok(p.rate >= 0 && p.rate < 1, `${p.hs} rate ${p.rate} is a fraction`);
  near(r.effectiveRate, Math.round((r.duty / r.tradeValue) * 1e6) / 1e6, "effectiveRate = duty / tradeValue");
  assert.ok(r.measures.every((m) => m.instrument && m.effective && m.sources.length));
});

test("before 2025-04 nothing is added: effective = baseline (JPN 0.0151, EU27 0.0123, as the 2024 duty paid)", async () => {
  for (const [ex, want] of [["JPN", 0.0151], ["EU27", 0.0123]] as const) {
    const r = await tariffs(store, { exporter: ex, date: "2025-01-15", effect: true, runs: 50 });
    assert.equal(Math.round(r.baselineRate * 1e4) / 1e4, want, ex);
    assert.equal(r.effectiveRate, r.baselineRate, ex);
    assert.equal(r.measures.length, 0);
    assert.equal(r.coverage.complete, true);
    assert.deepEqual([r.effect!.change.p5, r.effect!.change.p95], [0, 0], "no tariff change, no trade effect");
  }
});

test("2025-08…2026-02: cars at 15 % all-in for JPN (from 2025-09-16) and EU27 (from 2025-08-01); effective rates well above 2024", async () => {
  const jpn = await tariffs(store, { exporter: "JPN", date: "2025-10-14", effect: false, top: 2000 });
  const eu = await tariffs(store, { exporter: "EU27", date: "2025-10-14", effect: false, top: 2000 });
  assert.equal(jpn.byProduct.find((p) => p.hs === "8703")!.rate, 0.15);
  assert.equal(eu.byProduct.find((p) => p.hs === "8703")!.rate, 0.15);
  const before = await tariffs(store, { exporter: "JPN", date: "2025-09-15", effect: false, top: 2000 });
  assert.ok(before.byProduct.find((p) => p.hs === "8703")!.rate > 0.27, "25 % Section 232 on top of 2.5 % MFN until 2025-09-15");
  assert.ok(jpn.effectiveRate > 0.1 && eu.effectiveRate > 0.08, `${jpn.effectiveRate} ${eu.effectiveRate}`);
  assert.deepEqual(jpn.measures.map((m) => m.id).sort(), ["ieepa_japan_deal", "s232_copper", "s232_steel_alu", "s232_timber"]);
  assert.ok(eu.measures.some((m) => m.id === "ieepa_recip_aug2025") && eu.measures.some((m) => m.id === "eu_framework_notice"));
  assert.ok(jpn.coverage.warnings.some((w) => /Civil aircraft scope approximated/.test(w)), "evidence notes are carried into the warnings");
});

test("after the 2026-02-20 ruling: no IEEPA measure, the Section 122 surcharge from 2026-02-24, Section 232 kept", async () => {
  for (const ex of ["JPN", "EU27"]) {
    const r = await tariffs(store, { exporter: ex, date: "2026-03-01", effect: false, top: 2000 });
    const ids = r.measures.map((m) => m.id);
    assert.ok(!ids.includes("ieepa_recip_aug2025") && !ids.includes("ieepa_recip_apr2025"), ids.join());
    assert.ok(ids.includes("s122_surcharge") && ids.includes("scotus_2026") && ids.includes("s232_steel_alu"), ids.join());
    assert.equal(r.byProduct.find((p) => p.hs === "8703")!.rate, 0.15, `${ex} cars keep 15 % (Section 232)`);
    const gap = await tariffs(store, { exporter: ex, date: "2026-02-21", effect: false });
    const mid = await tariffs(store, { exporter: ex, date: "2026-02-19", effect: false });
    assert.ok(gap.effectiveRate < r.effectiveRate && gap.effectiveRate < mid.effectiveRate, `${ex}: ${mid.effectiveRate} → ${gap.effectiveRate} → ${r.effectiveRate}`);
  }
});

test("Section 232 autos on a Japanese car (8703230140): base → +25 % → 15 % all-in; the reciprocal and s122 never stack on it", async () => {
  const { base } = await line("JPN", "8703230140", "2025-01-15");
  near(base, 309197744 / 12373053392, "2024 duty / value");
  near((await line("JPN", "8703230140", "2025-01-15")).total, base);
  near((await line("JPN", "8703230140", "2025-04-03")).total, base + 0.25);
  near((await line("JPN", "8703230140", "2025-04-09")).total, base + 0.25, "24 % Annex I day: 232 excludes IEEPA");
  near((await line("JPN", "8703230140", "2025-09-15")).total, base + 0.25);
  near((await line("JPN", "8703230140", "2025-09-16")).total, 0.15);
  near((await line("JPN", "8703230140", "2026-03-01")).total, 0.15);
  near((await line("EU27", "8703230140", "2025-07-31")).total, 407175558 / 16321426542 + 0.25);
  near((await line("EU27", "8703230140", "2025-08-01")).total, 0.15);
});

test("IEEPA, Section 122 and Section 301 on a duty-free Japanese excavator line and printer parts, by hand", async () => {
  const x = (d: string) => line("JPN", "8429521010", d).then((r) => r.total);
  near(await x("2025-04-04"), 0);
  near(await x("2025-04-05"), 0.1, "10 % baseline");
  near(await x("2025-04-09"), 0.24, "Annex I 24 % for one day");
  near(await x("2025-04-10"), 0.1, "paused to 10 %");
  near(await x("2025-08-07"), 0.15, "all-in 15 % on MFN 0");
  near(await x("2026-02-20"), 0, "IEEPA void");
  near(await x("2026-02-24"), 0.1, "Section 122 10 %");
  near(await x("2026-04-06"), 0.25, "2026 metals annex I-B 25 % excludes s122");
  const p = (d: string) => line("JPN", "8443995015", d).then((r) => r.total);
  near(await p("2026-07-23"), 0.1);
  near(await p("2026-07-24"), 0.125, "Section 301 12.5 % all-in");
});

test("all-in floors never lower a high MFN line (EU butter 0405102000, 17.25 %); additive layers do add", async () => {
  const { base } = await line("EU27", "0405102000", "2025-01-15");
  near(base, 85909336 / 498040585);
  near((await line("EU27", "0405102000", "2025-05-15")).total, base + 0.1);
  near((await line("EU27", "0405102000", "2025-10-14")).total, base, "MFN ≥ 15 %: nothing added");
  near((await line("EU27", "0405102000", "2026-03-01")).total, base + 0.1, "s122 is additive");
  near((await line("EU27", "0405102000", "2026-08-01")).total, base, "s301 10 % cap below MFN");
});

test("metals, copper, lumber, furniture and exempt pharma lines, by hand", async () => {
  const steel = (d: string) => line("JPN", "7208390030", d).then((r) => r.total);
  near(await steel("2025-03-11"), 0);
  near(await steel("2025-03-12"), 0.25);
  near(await steel("2025-06-04"), 0.5);
  near(await steel("2025-10-14"), 0.5, "no reciprocal on top");
  near(await steel("2026-12-05"), 0.5);
  const cu = 677016 / 22567267;
  near((await line("EU27", "7408190060", "2025-07-31")).total, cu + 0.1, "10 % IEEPA baseline before the copper proclamation");
  near((await line("EU27", "7408190060", "2025-08-01")).total, cu + 0.5);
  near((await line("EU27", "4407120020", "2025-10-14")).total, 0.1, "softwood lumber 10 %");
  near((await line("EU27", "9401616011", "2025-10-14")).total, 0.15, "furniture: EU 15 %");
  near((await line("EU27", "9401616011", "2026-03-01")).total, 0.15, "232 furniture excludes s122");
  for (const d of ["2025-04-05", "2025-10-14", "2026-12-05"]) near((await line("EU27", "3004909215", d)).total, 0, `pharma ${d} (Annex II / s122 exempt; 232 pharma not modelled)`);
});

test("trade effect: a tariff rise cuts the exporter's US sales, p5 ≤ p50 ≤ p95 < 0, reproducible by seed", async () => {
  const a = await tariffs(store, { exporter: "JPN", date: "2025-10-14", runs: 300, seed: 7 });
  const b = await tariffs(store, { exporter: "JPN", date: "2025-10-14", runs: 300, seed: 7 });
  const e = a.effect!;
  assert.ok(e.change.p5 <= e.change.p50 && e.change.p50 <= e.change.p95 && e.change.p95 < 0, JSON.stringify(e.change));
  assert.deepEqual(e, b.effect);
  assert.ok(e.parameters.every((p) => p.source.length > 20 && p.low < p.mode && p.mode < p.high));
});

test("timeline: a point at every measure date, equal to the answer for that date", async () => {
  const t = await tariffTimeline(store, { exporters: ["JPN", "EU27"], to: "2026-12-05" });
  assert.deepEqual(t.series.map((s) => s.exporter), ["JPN", "EU27"]);
  const jp = t.series[0].points;
  assert.equal(jp[0].date, "2024-01-01");
  assert.equal(jp[jp.length - 1].date, "2026-12-05");
  for (const d of ["2025-04-05", "2025-08-07", "2025-09-16", "2026-02-20", "2026-02-24", "2026-07-24"]) assert.ok(jp.some((p) => p.date === d), d);
  const at = jp.find((p) => p.date === "2025-09-16")!;
  assert.equal(at.effectiveRate, (await tariffs(store, { exporter: "JPN", date: "2025-09-16", effect: false })).effectiveRate);
  assert.equal(jp[0].effectiveRate, t.series[0].baselineRate);
  // Each measure date named (hand-read from data/us-tariffs/measures.json): what starts, changes, ends.
  const ev = (d: string) => Object.fromEntries(t.events.find((e) => e.date === d)!.changes.map((c) => [c.measure, c.kind]));
  assert.deepEqual(t.events.map((e) => e.date), jp.slice(1).map((p) => p.date).filter((d) => d !== "2026-12-05"), "an event at every point");
  assert.deepEqual(ev("2025-04-03"), { s232_autos: "starts" });
  assert.deepEqual(ev("2025-04-10"), { ieepa_recip_apr2025: "changes" });
  assert.deepEqual(ev("2025-06-04"), { s232_steel_alu: "changes" });
  assert.deepEqual(ev("2025-10-14"), { s232_timber: "starts" });
  assert.deepEqual(ev("2026-02-20"), { ieepa_japan_deal: "changes", eu_framework_notice: "changes", ieepa_recip_aug2025: "ends", scotus_2026: "context" });
  assert.deepEqual(ev("2026-07-24"), { s122_surcharge: "ends", s301_forced_labor_2026: "starts" });
});

test("bad input: unknown exporter suggests, bad date names the field; a bad measures file leaves the store as it was", async () => {
  await assert.rejects(tariffs(store, { exporter: "JPNN" }), /unknown|did you mean: JPN/);
  await assert.rejects(tariffs(store, { exporter: "JPN", date: "2025-02-30" }), (e: any) => e.code === "invalid_input" && /date/.test(e.message));
  await assert.rejects(tariffs(store, { exporter: "JPN", importer: "CHN" }), /importer/);
  const bad = join(dir, "measures.json");
  writeFileSync(bad, JSON.stringify({ edition: "x", measures: [{ id: "m", authority: "a", layer: "s232", instrument: "i", signed: null, federalRegister: null, effective: "e", end: null, headings: "", modelled: true, notModelled: null, sources: ["s"], evidenceNote: "", rules: [{ partners: ["*"], from: "2025-01-01", to: null, scope: { lists: ["no-such-list"] }, rate: { kind: "additive", value: 0.1 }, priority: 1 }] }] }));
  await assert.rejects(ingest(store, "us-tariff-measures", [bad], { dataset: "bad" }), (e: any) => e.code === "validation_failed" && /measures\.0\.rules\.0\.scope/.test(e.message) && /no-such-list/.test(e.message));
  assert.equal((await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM tariff_measures"))!.n, 15);
});

test("CLI: tariffs --json, the timeline SVG, and brief --evidence as a PDF of ≥ 3 pages citing every measure's instrument", async (t) => {
  await store.close();
  const bin = new URL("../bin/chokepoint.mjs", import.meta.url).pathname;
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, "--db", db, ...args], { encoding: "utf8", env: { ...process.env, CHOKEPOINT_DB: "" } });
  let r = run("tariffs", "--exporter", "JPN", "--importer", "USA", "--date", "2025-10-14", "--json", "--runs", "100");
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.deepEqual([j.exporter, j.importer, j.date], ["JPN", "USA", "2025-10-14"]);
  assert.ok(j.byProduct.some((p: any) => p.hs === "8703" && p.rate === 0.15));
  r = run("tariffs", "--exporter", "Atlantis");
  assert.equal(r.status, 2, r.stderr);
  const svg = join(dir, "timeline.svg");
  r = run("tariffs", "--timeline", "--svg", svg);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /2026-02-24/);
  assert.ok(existsSync(svg));
  if (noPdf) return t.skip(noPdf);
  const pdf = join(dir, "pack.pdf");
  r = run("brief", "--evidence", "-b", "ALLIANCE", "--runs", "100", "-o", pdf);
  assert.equal(r.status, 0, r.stderr);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  assert.ok(pages >= 3, `${pages} pages`);
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ").replace(/([-/]) /g, "$1"); // table cells wrap after hyphens (pdftotext may drop a line-end hyphen)
  // The timeline chart with its measure dates named (#19 item 4 in the brief).
  assert.match(text, /Effective US tariff rate, 2024/);
  assert.match(text, /Numbered dates: 1 2025-03-12 Section 232 steel and aluminium starts/);
  assert.match(text, /2026-02-20 [^·]*Supreme Court rules IEEPA duties unlawful/);
  const measures = JSON.parse((await import("node:fs")).readFileSync(new URL("../data/us-tariffs/measures.json", import.meta.url), "utf8")).measures;
  for (const m of measures) {
    const cite = /(Executive Order \d+|Proclamation \d+|Proclamation of \d{4}-\d{2}-\d{2}|FR Doc [\d-]+|Learning Resources|Docket USTR-[\d-]+|Announcement of [\d-]+|Temporary Import Surcharge)/.exec(m.instrument)?.[1];
    assert.ok(cite, `${m.id}: no citation pattern`);
    assert.ok(text.replace(/-/g, "").includes(cite!.replace(/-/g, "")), `${m.id}: '${cite}' cited in the pack`);
  }
  for (const w of ["MOFCOM", "export_restrictions", "US Census"]) assert.ok(text.includes(w), w);
});
