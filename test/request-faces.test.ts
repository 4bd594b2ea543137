// Issue 17: one request model per capability. The CLI and the HTTP API parse the same capability
// schema, so an out-of-range input is refused by both with the same error code, the same zod issue
// code and the same field path. Each row is one input given to both faces.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createApp } from "../src/api/app.ts";
import { program } from "../src/cli/main.ts";
import { ChokepointError, exitCodeFor, httpStatusFor } from "../src/domain/error.ts";
import { LIMITS } from "../src/domain/limits.ts";
import { Store } from "../src/store/store.ts";

interface Row {
  what: string;
  cli: string[];
  api: { method: "GET" | "POST"; url: string; body?: unknown };
  /** zod's issue code and the field, as both faces must report them. */
  issue: string;
  path: (string | number)[];
}

const SCENARIO = "scenarios/china-gallium-alliance.yaml";
const scenarioBody = { name: "ban", year: 2023, shocks: [{ type: "export_ban", actor: "CHN", material: "gallium", stage: "processing", targets: ["JPN"] }] };

const ROWS: Row[] = [
  { what: "exposure: year before the limit (the CLI took 1900–1961)", cli: ["exposure", "-m", "gallium", "-y", "1950"], api: { method: "GET", url: "/api/exposure?material=gallium&year=1950" }, issue: "too_small", path: ["year"] },
  { what: "exposure: year after the limit", cli: ["exposure", "-m", "gallium", "-y", String(LIMITS.years.max + 1)], api: { method: "GET", url: `/api/exposure?material=gallium&year=${LIMITS.years.max + 1}` }, issue: "too_big", path: ["year"] },
  { what: "exposure: year not a number", cli: ["exposure", "-m", "gallium", "--year", "20x3"], api: { method: "GET", url: "/api/exposure?material=gallium&year=20x3" }, issue: "invalid_type", path: ["year"] },
  { what: "exposure: bad HS prefix", cli: ["exposure", "-m", "gallium", "--basis", "sourcing", "--hs", "28a"], api: { method: "GET", url: "/api/exposure?material=gallium&basis=sourcing&hs=28a" }, issue: "invalid_format", path: ["hs"] },
  { what: "exposure: material id format", cli: ["exposure", "-m", "Gallium!"], api: { method: "GET", url: "/api/exposure?material=Gallium!" }, issue: "invalid_format", path: ["material"] },
  { what: "overview: empty bloc", cli: ["overview", "--bloc", ""], api: { method: "GET", url: "/api/overview?bloc=" }, issue: "too_small", path: ["bloc"] },
  { what: "assess: material id format", cli: ["assess", "-m", "Ga!"], api: { method: "GET", url: "/api/assess?material=Ga!" }, issue: "invalid_format", path: ["material"] },
  { what: "materials: group too long", cli: ["materials", "--group", "x".repeat(61)], api: { method: "GET", url: `/api/materials?group=${"x".repeat(61)}` }, issue: "too_big", path: ["group"] },
  { what: "scan: top share above 1", cli: ["scan", "--min-top-share", "2"], api: { method: "GET", url: "/api/scan?minTopShare=2" }, issue: "too_big", path: ["minTopShare"] },
  { what: "scan: limit 0", cli: ["scan", "--limit", "0"], api: { method: "GET", url: "/api/scan?limit=0" }, issue: "too_small", path: ["limit"] },
  { what: "scan: year before the limit (the API took 1990)", cli: ["scan", "--year", "1961"], api: { method: "GET", url: "/api/scan?year=1961" }, issue: "too_small", path: ["year"] },
  { what: "simulate: runs above the limit", cli: ["simulate", SCENARIO, "--runs", String(LIMITS.runs + 1)], api: { method: "POST", url: `/api/simulate?runs=${LIMITS.runs + 1}`, body: scenarioBody }, issue: "too_big", path: ["runs"] },
  { what: "simulate: runs 0", cli: ["simulate", SCENARIO, "--runs", "0"], api: { method: "POST", url: "/api/simulate?runs=0", body: scenarioBody }, issue: "too_small", path: ["runs"] },
  { what: "simulate: negative seed", cli: ["simulate", SCENARIO, "--seed=-1"], api: { method: "POST", url: "/api/simulate?seed=-1", body: scenarioBody }, issue: "too_small", path: ["seed"] },
  { what: "plan: max share above 1", cli: ["plan", "-m", "gallium", "-b", "JPN", "--max-share", "1.5"], api: { method: "POST", url: "/api/plan", body: { material: "gallium", bloc: "JPN", maxShare: 1.5 } }, issue: "too_big", path: ["maxShare"] },
  { what: "plan: year before the limit", cli: ["plan", "-m", "gallium", "-b", "JPN", "--year", "1950"], api: { method: "POST", url: "/api/plan", body: { material: "gallium", bloc: "JPN", year: 1950 } }, issue: "too_small", path: ["year"] },
  { what: "plan: demand share of 1 (the CLI took 0–1 inclusive)", cli: ["plan", "-m", "gallium", "-b", "EU27", "--demand-share", "1"], api: { method: "POST", url: "/api/plan", body: { material: "gallium", bloc: "EU27", demandShare: 1 } }, issue: "too_big", path: ["demandShare"] },
  { what: "partners: threshold of 1", cli: ["partners", "-m", "magnesium", "--threshold", "1"], api: { method: "GET", url: "/api/partners?material=magnesium&threshold=1" }, issue: "too_big", path: ["threshold"] },
  { what: "partners: year before the limit", cli: ["partners", "-m", "magnesium", "--year", "1950"], api: { method: "GET", url: "/api/partners?material=magnesium&year=1950" }, issue: "too_small", path: ["year"] },
  { what: "restrictions: a day that does not exist", cli: ["restrictions", "--date", "2026-02-30"], api: { method: "GET", url: "/api/restrictions?date=2026-02-30" }, issue: "custom", path: ["date"] },
  { what: "alerts: zero months", cli: ["alerts", "--months", "0"], api: { method: "GET", url: "/api/alerts?months=0" }, issue: "too_small", path: ["months"] },
  { what: "tariffs: runs above the limit", cli: ["tariffs", "--exporter", "JPN", "--runs", String(LIMITS.runs + 1)], api: { method: "GET", url: `/api/tariffs?exporter=JPN&runs=${LIMITS.runs + 1}` }, issue: "too_big", path: ["runs"] },
];

// Validation runs before any capability touches the store: an empty database is enough.
let store: Store;
let app: ReturnType<typeof createApp>;
before(async () => {
  store = await Store.open(":memory:");
  app = createApp({ store, token: "" });
});
after(() => store.close());

/** The error the CLI raises for these arguments (in-process; nothing opens a database). */
async function cliError(args: string[]): Promise<ChokepointError> {
  const p = program();
  p.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  try {
    await p.parseAsync(["node", "chokepoint", "--db", ":memory:", ...args]);
  } catch (e) {
    if (e instanceof ChokepointError) return e;
    throw e;
  }
  throw new Error(`chokepoint ${args.join(" ")} succeeded`);
}

for (const row of ROWS) {
  test(`same refusal on both faces — ${row.what}`, async () => {
    const res = await app.request(row.api.url, {
      method: row.api.method,
      headers: { "content-type": "application/json" },
      body: row.api.body === undefined ? undefined : JSON.stringify(row.api.body),
    });
    const body = (await res.json()) as { code: string; problems?: { code: string; path: (string | number)[] }[] };
    const e = await cliError(row.cli);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(body.code, "invalid_input");
    assert.equal(e.code, body.code);
    assert.equal(body.problems?.[0].code, row.issue);
    assert.equal(e.problems[0].code, row.issue);
    assert.deepEqual(body.problems?.[0].path, row.path);
    assert.deepEqual(e.problems[0].path, row.path);
    assert.equal(exitCodeFor(e.code), 2);
    assert.equal(httpStatusFor(e.code), 400);
  });
}

test("the real binary exits 2 with the field and value named, before touching a database", () => {
  const bin = new URL("../bin/chokepoint.mjs", import.meta.url).pathname;
  for (const [args, needle] of [
    [["exposure", "-m", "gallium", "-y", "1950"], 'year = "1950"'],
    [["simulate", SCENARIO, "--runs", String(LIMITS.runs + 1)], `runs = "${LIMITS.runs + 1}"`],
  ] as const) {
    const r = spawnSync(process.execPath, [bin, "--db", "/nonexistent-dir/x.duckdb", ...args], { encoding: "utf8" });
    assert.equal(r.status, 2, r.stderr);
    assert.ok(r.stderr.includes(needle), r.stderr);
    assert.doesNotMatch(r.stderr, /cannot open database/);
  }
});
