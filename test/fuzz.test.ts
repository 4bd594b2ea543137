// Issue #18: a bounded, seeded fuzz test over loader rows, scenario files and API requests.
// Every input either works or is refused with a ChokepointError (code, no stack trace); a refused
// load leaves the database unchanged; the API never answers 500. Reproduce a failure with
// CHOKEPOINT_FUZZ_SEED=<seed printed in the assertion> node scripts/run-tests.mjs test/fuzz
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store } from "../src/store/store.ts";
import { createSchema } from "../src/store/schema.ts";
import { ingest } from "../src/ingest/ingest.ts";
import { ChokepointError } from "../src/domain/error.ts";
import { parseScenario } from "../src/simulate/scenario.ts";
import { createApp } from "../src/api/app.ts";
import { stopMonteCarloWorkers } from "../src/simulate/monte-carlo-thread.ts";
import { dbFingerprint } from "./fixtures/db/fingerprint.ts";

const SEED = Number(process.env.CHOKEPOINT_FUZZ_SEED ?? 18);
const STACK = /\n\s+at |node:internal|\.ts:\d+:\d+/;
const dir = mkdtempSync(join(tmpdir(), "fuzz-"));
let store: Store;

/** mulberry32: a small seeded generator, so every run tries the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const PIECES = [",", '"', "\n", "\r\n", "-", "9", "0", ".", "e", "NA", "", " ", "\u0000", "é", "\u00ff\u00fe", "=1+1", "-600000", "1e309", "NaN", "X", "CNH", "1899", "13", "\t"];

/** One random edit of a text: insert, delete, replace a span, repeat or drop a line, or cut the end. */
function mutate(text: string, r: () => number): string {
  const at = Math.floor(r() * text.length);
  const pick = PIECES[Math.floor(r() * PIECES.length)];
  const lines = text.split("\n");
  const li = 1 + Math.floor(r() * Math.max(1, lines.length - 1));
  switch (Math.floor(r() * 6)) {
    case 0: return text.slice(0, at) + pick + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 8));
    case 2: return text.slice(0, at) + pick + text.slice(at + Math.floor(r() * 6));
    case 3: return [...lines.slice(0, li), lines[li] ?? "", ...lines.slice(li)].join("\n");
    case 4: return [...lines.slice(0, li), ...lines.slice(li + 1)].join("\n");
    default: return text.slice(0, at);
  }
}

before(async () => {
  store = await Store.open(":memory:");
  await createSchema(store);
  await ingest(store, "countries", ["data/countries/countries.csv"]);
  await ingest(store, "country-aliases", ["data/countries/aliases.csv"]);
  await ingest(store, "materials", ["data/materials/materials.csv"]);
  await ingest(store, "usgs-series", ["data/materials/usgs_series.csv"]);
});
after(async () => {
  await stopMonteCarloWorkers();
  await store?.close();
});

test(`fuzz: mutated loader files load whole or are refused cleanly, the database unchanged (seed ${SEED})`, async () => {
  const r = rng(SEED);
  const bases: [string, string, string][] = [
    ["comext", "comext.csv", readFileSync("data/comext/eu27_imports_crm_cn8_2022_2024.csv", "utf8").split("\n").slice(0, 30).join("\n") + "\n"],
    ["comtrade", "comtrade.csv", readFileSync("test/fixtures/trade/comtrade-minimal.csv", "utf8")],
    ["monthly-trade", "monthly.csv", readFileSync("test/fixtures/monthly/cod_cobalt_exports.csv", "utf8")],
    ["usgs-mcs", "mcs2024-galli_world.csv", readFileSync("test/fixtures/h1a/mcs2024-galli_world.csv", "utf8")],
    ["wgi", "WGIData.csv", readFileSync("test/fixtures/h1a/WGIData.csv", "utf8")],
    ["gdp", "gdp.csv", readFileSync("test/fixtures/h1a/gdp.csv", "utf8")],
    ["baci", "BACI_HS22_Y2022_V202501.csv", readFileSync("test/fixtures/baci/BACI_HS22_Y2022_V202501.csv", "utf8")],
  ];
  let i = 0, refused = 0;
  for (let round = 0; round < 20; round++) {
    for (const [loader, name, base] of bases) {
      let text = base;
      const edits = 1 + Math.floor(r() * 3);
      for (let k = 0; k < edits; k++) text = mutate(text, r);
      const d = join(dir, String(i++));
      mkdirSync(d);
      const file = join(d, name);
      writeFileSync(file, text, "latin1");
      const where = `seed ${SEED}, case ${i - 1} (${loader}): ${JSON.stringify(text.slice(0, 400))}`;
      const before = await dbFingerprint(store);
      try {
        await ingest(store, loader, [file], { dataset: `fuzz-${loader}` });
      } catch (e) {
        refused++;
        assert.ok(e instanceof ChokepointError, `${where}: not a ChokepointError: ${(e as Error).stack}`);
        assert.notEqual(e.code, "internal", where);
        assert.doesNotMatch(e.message, STACK, where);
        assert.equal(await dbFingerprint(store), before, `${where}: a refused load changed the database`);
      }
    }
  }
  assert.ok(refused > i / 3, `most mutations are refused (${refused} of ${i})`);
});

test(`fuzz: mutated scenario files parse or are refused with a ChokepointError (seed ${SEED})`, () => {
  const r = rng(SEED + 1);
  const bases = ["scenarios/china-gallium-alliance.yaml", "scenarios/china-gallium-ban-japan-outage.json"].map((f) => readFileSync(f, "utf8"));
  for (let i = 0; i < 600; i++) {
    let text = bases[i % bases.length];
    for (let k = 0, n = 1 + Math.floor(r() * 3); k < n; k++) text = mutate(text, r);
    try {
      parseScenario(text, "fuzz.yaml");
    } catch (e) {
      const where = `seed ${SEED + 1}, case ${i}: ${JSON.stringify(text.slice(0, 400))}`;
      assert.ok(e instanceof ChokepointError, `${where}: ${(e as Error).stack}`);
      assert.notEqual(e.code, "internal", where);
      assert.doesNotMatch(e.message, STACK, where);
    }
  }
});

test(`fuzz: random API requests never get a 500 or a stack trace (seed ${SEED})`, async () => {
  const r = rng(SEED + 2);
  const app = createApp({ store, token: "", logError: () => undefined });
  const paths = ["/api/materials", "/api/exposure", "/api/overview", "/api/assess", "/api/benchmarks", "/api/events", "/api/anomalies",
    "/api/alerts", "/api/restrictions", "/api/scan", "/api/tariffs", "/api/tariffs/timeline", "/api/partners", "/api/health", "/%E0%A4%A", "/api/../etc/passwd"];
  const keys = ["material", "bloc", "year", "stage", "since", "runs", "months", "country", "destination", "date", "limit", "minShare", "threshold", "x"];
  const values = ["gallium", "JPN", "EU27", "2023", "2023-13", "-1", "1e999", "100000", "", "%00", "ALL", "CNH", "'; DROP TABLE trade; --", "[]", "processing", "0.5", "%E0%A4"];
  const scenario = readFileSync("scenarios/china-gallium-ban-japan-outage.json", "utf8");
  for (let i = 0; i < 200; i++) {
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    let url: string, init: RequestInit | undefined;
    if (r() < 0.25) {
      let body = scenario;
      for (let k = 0, n = Math.floor(r() * 3); k < n; k++) body = mutate(body, r);
      url = pick(["/api/simulate?runs=50", "/api/plan", "/api/simulate?runs=999999"]);
      init = { method: "POST", headers: { "content-type": pick(["application/json", "text/plain", "application/yaml"]) }, body };
    } else {
      const q = Array.from({ length: Math.floor(r() * 4) }, () => `${pick(keys)}=${pick(values)}`).join("&");
      url = `${pick(paths)}${q ? `?${q}` : ""}`;
    }
    const res = await app.request(url, init);
    const text = await res.text();
    const where = `seed ${SEED + 2}, case ${i}: ${init?.method ?? "GET"} ${url} → ${res.status} ${text.slice(0, 300)}`;
    assert.ok(res.status < 500 || res.status === 501, where);
    assert.doesNotMatch(text, STACK, where);
  }
});
