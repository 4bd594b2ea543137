import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// End-to-end through the real `chokepoint` binary on a database built from data/ once.
const bin = new URL("../bin/chokepoint.mjs", import.meta.url).pathname;
let dir: string;
let db: string;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, "--db", db, ...args], { encoding: "utf8", env: { ...process.env, CHOKEPOINT_DB: "" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), "chokepoint-cli-"));
  db = join(dir, "cli.duckdb");
  const r = run("data", "status");
  assert.equal(r.code, 0, r.err);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("exposure --json prints the documented keys in order", () => {
  const r = run("exposure", "--material", "gallium", "--stage", "processing", "--bloc", "ALLIANCE", "--year", "2023", "--basis", "production", "--json");
  assert.equal(r.code, 0, r.err);
  const e = JSON.parse(r.out);
  const keys = ["material", "stage", "bloc", "blocMembers", "year", "basis", "suppliers", "hhi", "top", "governanceWeightedHhi", "crma", "sources", "coverage"];
  assert.deepEqual(Object.keys(e).slice(0, keys.length), keys);
  assert.deepEqual(Object.keys(e.suppliers[0]).slice(0, 3), ["country", "share", "inBloc"]);
  assert.equal(e.top.country, "CHN");
  assert.equal(Math.round(e.top.share * 1000) / 1000, 0.984);
  assert.equal(Math.round(e.hhi * 1000) / 1000, 0.968);
  assert.deepEqual(Object.keys(e.crma).slice(0, 3), ["limit", "breached", "country"]);
  assert.equal(e.sources[0].dataset, "USGS Mineral Commodity Summaries");
  assert.equal(e.sources[0].edition, "2024");
});

test("--stage may be omitted where a material has one natural stage; --year defaults to the latest", () => {
  const r = run("exposure", "-m", "gallium", "-b", "JPN", "--json");
  assert.equal(r.code, 0, r.err);
  const e = JSON.parse(r.out);
  assert.equal(e.stage, "processing");
  assert.equal(e.year, 2023);
});

test("an unknown material, stage or bloc exits 2 naming the bad value and the closest valid ones", () => {
  const m = run("exposure", "--material", "galium", "--bloc", "EU27");
  assert.equal(m.code, 2);
  assert.match(m.err, /galium/);
  assert.match(m.err, /gallium/);
  const b = run("exposure", "--material", "gallium", "--bloc", "ALLIANSE");
  assert.equal(b.code, 2);
  assert.match(b.err, /ALLIANSE/);
  assert.match(b.err, /ALLIANCE/);
  const s = run("exposure", "--material", "gallium", "--stage", "procesing");
  assert.equal(s.code, 2);
  assert.match(s.err, /procesing/);
  assert.match(s.err, /processing/);
});

test("data status lists every dataset with publisher, edition, years and rows", () => {
  const r = run("data", "status", "--json");
  const { datasets } = JSON.parse(r.out) as { datasets: { id: string; publisher: string; edition: string; rows: number; years: string | null }[] };
  const usgs = datasets.find((d) => d.id.includes("usgs") && d.edition === "2024");
  assert.ok(usgs && usgs.rows > 1000 && usgs.years === "2022–2023", JSON.stringify(usgs));
  for (const d of datasets) assert.ok(d.publisher && d.edition, `${d.id} has provenance`);
  assert.ok(datasets.length >= 10);
});

test("materials covers the 34 EU critical raw materials of 2023 and LNG", () => {
  const { materials } = JSON.parse(run("materials", "--json").out) as { materials: { id: string; eu_crm_2023: boolean }[] };
  const crm = materials.filter((m) => m.eu_crm_2023 && !["rare-earths", "lree", "hree", "pgm"].includes(m.id));
  assert.ok(crm.length >= 34, `${crm.length} CRM entries`);
  for (const id of ["gallium", "germanium", "natural-graphite", "neodymium", "dysprosium", "platinum", "palladium", "lng"]) {
    assert.ok(materials.some((m) => m.id === id), id);
  }
});

test("ingest: a bad file exits 1 naming file, line and field, and loses nothing; the same file twice changes nothing", () => {
  const before = JSON.parse(run("data", "status", "--json").out);
  const bad = join(dir, "bad-comext.csv");
  writeFileSync(bad, "DECLARANT_ISO,PARTNER_ISO,PRODUCT_NC,FLOW,PERIOD,VALUE_IN_EUROS\nDE,CN,25041000,1,2030,12x3\n");
  const r = run("ingest", "comext", bad);
  assert.equal(r.code, 1);
  assert.match(r.err, /bad-comext\.csv:2/);
  assert.match(r.err, /VALUE_IN_EUROS/);
  assert.deepEqual(JSON.parse(run("data", "status", "--json").out), before);
  const good = join(dir, "good-comext.csv");
  writeFileSync(good, "DECLARANT_ISO,PARTNER_ISO,PRODUCT_NC,FLOW,PERIOD,VALUE_IN_EUROS\nDE,CN,25041000,1,2030,123\n");
  assert.equal(run("ingest", "comext", good, "--dataset", "test-comext").code, 0);
  const once = run("data", "status", "--json").out;
  const again = run("ingest", "comext", good, "--dataset", "test-comext");
  assert.equal(again.code, 0);
  assert.match(again.out, /already loaded/);
  const twice = run("data", "status", "--json").out;
  const rows = (s: string) => JSON.parse(s).datasets.find((d: { id: string }) => d.id === "test-comext").rows;
  assert.equal(rows(twice), rows(once));
});

test("overview ranks every material by concentration and --help teaches with examples", () => {
  const o = JSON.parse(run("overview", "--bloc", "ALLIANCE", "--json").out);
  assert.ok(o.materials.length > 40);
  for (let i = 1; i < o.materials.length; i++) assert.ok(o.materials[i - 1].hhi >= o.materials[i].hhi);
  const h = run("exposure", "--help");
  assert.equal(h.code, 0);
  assert.match(h.out, /Examples:/);
});

test("ingest baci DIR loads a release's code lists before its trade files; scan then reads it", () => {
  const fixtures = new URL("./fixtures/baci/", import.meta.url).pathname;
  let r = run("ingest", "baci", fixtures, "--json");
  assert.equal(r.code, 0, r.err);
  const files = JSON.parse(r.out).files.map((f: { file: string }) => f.file.split("/").pop());
  assert.deepEqual(files, ["country_codes_V202501.csv", "product_codes_HS22_V202501.csv", "BACI_HS22_Y2022_V202501.csv"]);
  r = run("scan", "--year", "2022", "--bloc", "DEU,FRA,NLD", "--json");
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  assert.equal(s.products[0].hs6, "811292");
  assert.deepEqual(s.sources, [{ dataset: "CEPII BACI", edition: "HS22 V202501", year: 2022 }]);
});

test("overview names a bloc given by country name by its code", () => {
  const r = run("overview", "--bloc", "Japan", "--json");
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).bloc, "JPN");
});
