// The HTTP API through app.request (no sockets): validation, errors, token, limits, OpenAPI, and
// that each route answers with the library's own result.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { createApp } from "../src/api/app.ts";
import { ROUTES } from "../src/api/routes.ts";
import { exposure } from "../src/analytics/exposure.ts";

let store: Store;
let app: ReturnType<typeof createApp>;
before(async () => {
  store = await openStore({ db: ":memory:" });
  app = createApp({ store, token: "" });
});
after(() => store.close());

const get = async (url: string) => {
  const r = await app.request(url);
  return { status: r.status, body: (await r.json()) as any, headers: r.headers };
};
const post = (a: ReturnType<typeof createApp>, url: string, body: unknown, headers: Record<string, string> = {}) =>
  a.request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

test("exposure: gallium 2023, China 98.4 % of world primary production (USGS MCS 2024), same as the library", async () => {
  const q = { material: "gallium", stage: "processing", bloc: "ALLIANCE", year: 2023, basis: "production" } as const;
  const r = await get(`/api/exposure?material=gallium&stage=processing&bloc=ALLIANCE&year=2023&basis=production`);
  assert.equal(r.status, 200);
  assert.equal(r.body.top.country, "CHN");
  assert.ok(Math.abs(r.body.top.share - 0.984) < 0.0015, `share ${r.body.top.share}`);
  assert.ok(r.body.sources.some((s: any) => /Mineral Commodity Summaries/.test(s.dataset) && s.year === 2023));
  assert.deepEqual(r.body, JSON.parse(JSON.stringify(await exposure(store, q))));
});

test("400 names the field and value: bad id format, unknown parameter, bad year", async () => {
  let r = await get("/api/exposure?material=Gallium!");
  assert.equal(r.status, 400);
  assert.equal(r.body.code, "invalid_input");
  assert.deepEqual(r.body.path, ["material"]);
  assert.match(r.body.message, /material = "Gallium!"/);
  r = await get("/api/exposure?material=gallium&colour=red");
  assert.equal(r.status, 400);
  assert.match(r.body.message, /unknown parameter\(s\) colour/);
  r = await get("/api/exposure?material=gallium&year=20x3");
  assert.equal(r.status, 400);
  assert.deepEqual(r.body.path, ["year"]);
});

test("unknown material or bloc is a 400 with a suggestion; no data is a 404", async () => {
  let r = await get("/api/exposure?material=galium");
  assert.equal(r.status, 400);
  assert.equal(r.body.code, "unknown_material");
  assert.deepEqual(r.body.path, ["material"]);
  assert.match(r.body.message, /did you mean: gallium/);
  r = await get("/api/exposure?material=gallium&bloc=ALLIANSE");
  assert.equal(r.status, 400);
  assert.equal(r.body.code, "unknown_bloc");
  r = await get("/api/exposure?material=gallium&stage=processing&year=1999");
  assert.equal(r.status, 404);
  assert.equal(r.body.code, "no_data");
});

test("unknown endpoints are 404, wrong methods 405", async () => {
  let r = await get("/api/nothing-here");
  assert.equal(r.status, 404);
  assert.equal(r.body.code, "not_found");
  r = await get("/api/simulate");
  assert.equal(r.status, 405);
  assert.equal(r.headers.get("allow"), "POST");
});

test("/api/health lists every capability the routes serve, without loading anything at run time", async () => {
  const h = (await (await app.request("/api/health")).json()) as any;
  assert.equal(h.ok, true);
  assert.deepEqual(Object.keys(h.capabilities).sort(), ["alerts", "anomalies", "assess", "benchmarks", "blocs", "brief", "countries", "events", "exposure", "materials", "overview", "partners", "plan", "restrictions", "scan", "simulate", "tariffs", "tariffs/timeline"]);
  assert.ok(Object.values(h.capabilities).every((v) => v === true));
});

test("CHOKEPOINT_TOKEN guards simulate and plan, not reads", async () => {
  const a = createApp({ store, token: "s3cret" });
  const body = { material: "gallium", bloc: "JPN" };
  let r = await post(a, "/api/plan", body);
  assert.equal(r.status, 401);
  assert.equal(((await r.json()) as any).code, "unauthorized");
  r = await post(a, "/api/plan", body, { authorization: "Bearer wrong!" });
  assert.equal(r.status, 401);
  r = await post(a, "/api/plan", body, { authorization: "Bearer s3cret" });
  assert.notEqual(r.status, 401);
  assert.equal((await a.request("/api/materials")).status, 200);
});

test("request bodies over the limit are refused with 413", async () => {
  const a = createApp({ store, token: "", maxBody: 1000 });
  const r = await post(a, "/api/plan", { material: "gallium", bloc: "JPN", pad: "x".repeat(5000) });
  assert.equal(r.status, 413);
  assert.equal(((await r.json()) as any).code, "payload_too_large");
});

test("CORS is off by default and on for configured origins", async () => {
  let r = await app.request("/api/materials", { headers: { origin: "https://example.org" } });
  assert.equal(r.headers.get("access-control-allow-origin"), null);
  const a = createApp({ store, token: "", corsOrigins: ["https://example.org"] });
  r = await a.request("/api/materials", { headers: { origin: "https://example.org" } });
  assert.equal(r.headers.get("access-control-allow-origin"), "https://example.org");
});

test("openapi.json documents every route with parameters from the zod schemas", async () => {
  const r = await get("/api/openapi.json");
  assert.equal(r.status, 200);
  assert.equal(r.body.openapi, "3.1.0");
  for (const route of ROUTES) assert.ok(r.body.paths[route.path]?.[route.method], `${route.method} ${route.path}`);
  const params = r.body.paths["/api/exposure"].get.parameters;
  const material = params.find((p: any) => p.name === "material");
  assert.equal(material.required, true);
  assert.deepEqual(params.find((p: any) => p.name === "basis").schema.enum, ["production", "sourcing"]);
  assert.ok(r.body.paths["/api/simulate"].post.requestBody.content["application/json"].schema.properties.shocks);
  assert.deepEqual(r.body.paths["/api/plan"].post.security, [{ bearer: [] }]);
});

test("materials: the catalogue with official flags", async () => {
  const r = await get("/api/materials");
  const ga = r.body.materials.find((m: any) => m.id === "gallium");
  assert.equal(ga.eu_crm_2023, true);
  assert.equal(ga.eu_srm_2024, true);
  const pgm = await get("/api/materials?group=pgm");
  assert.ok(pgm.body.materials.length >= 5 && pgm.body.materials.every((m: any) => m.id === "pgm" || m.grp === "pgm" || m.parent === "pgm"));
});

test("assess EU27 gallium: SR within 0.2 of the study's published 3.9; benchmarks list gallium", async () => {
  const r = await get("/api/assess?bloc=EU27&material=gallium");
  assert.equal(r.status, 200);
  const g = r.body.materials[0];
  assert.equal(g.published.sr, 3.9);
  assert.ok(Math.abs(g.sr - 3.9) < 0.2, `sr ${g.sr}`);
  assert.equal(g.critical, true);
  const b = await get("/api/benchmarks");
  assert.equal(b.body.benchmarks.maxSingleThirdCountry, 0.65);
  assert.ok(b.body.materials.some((m: any) => m.material === "gallium"));
});

test("simulate: a scenario body runs; a bad one is a 400 naming the path; YAML bodies work", async () => {
  const scenario = { name: "ban", year: 2023, shocks: [{ type: "export_ban", actor: "CHN", material: "gallium", stage: "processing", targets: ["JPN"], durationMonths: 12 }], runs: 50, seed: 3 };
  let r = await post(app, "/api/simulate", scenario);
  assert.equal(r.status, 200);
  const out = (await r.json()) as any;
  assert.equal(out.runs, 50);
  assert.ok(out.targets.JPN.peakShortfall.p50 > 0, "a Chinese ban must leave Japan short");
  assert.equal(out.targets.JPN.monthly.length, 24);
  r = await post(app, "/api/simulate", { ...scenario, shocks: [{ ...scenario.shocks[0], type: "embargo" }] });
  assert.equal(r.status, 400);
  const e = (await r.json()) as any;
  assert.equal(e.code, "invalid_input");
  assert.deepEqual(e.path, ["shocks", 0, "type"]);
  r = await app.request("/api/simulate?runs=20", {
    method: "POST",
    headers: { "content-type": "application/yaml" },
    body: "name: y\nyear: 2023\nshocks:\n  - {type: export_ban, actor: CHN, material: gallium, stage: processing, targets: [JPN]}\n",
  });
  assert.equal(r.status, 200);
  assert.equal(((await r.json()) as any).runs, 20);
  r = await post(app, "/api/simulate", "{not json");
  assert.equal(r.status, 400);
});

test("plan: a feasible request returns a mix under the 65 % cap; an infeasible one answers with the smallest change (422 with strict)", async () => {
  let r = await post(app, "/api/plan", { material: "cobalt", bloc: "ALLIANCE" });
  const body = (await r.json()) as any;
  assert.equal(r.status, 200, JSON.stringify(body).slice(0, 300));
  const third = body.plan.suppliers.filter((s: any) => !s.inBloc);
  assert.ok(third.every((s: any) => s.share <= 0.65 + 1e-6));
  r = await post(app, "/api/plan", { material: "gallium", bloc: "ALLIANCE", maxShare: 0.2 });
  const relaxed = (await r.json()) as any;
  assert.equal(r.status, 200);
  assert.equal(relaxed.feasibility.feasible, false);
  assert.ok(relaxed.feasibility.change.length > 0);
  r = await post(app, "/api/plan", { material: "gallium", bloc: "ALLIANCE", maxShare: 0.2, strict: true });
  assert.equal(r.status, 422);
  assert.equal(((await r.json()) as any).code, "infeasible");
  r = await post(app, "/api/plan", { material: "gallium", bloc: "JPN", maxShare: 7 });
  assert.equal(r.status, 400);
  assert.deepEqual(((await r.json()) as any).path, ["maxShare"]);
});

test("monitoring: events list, China's gallium export anomalies, alerts", async () => {
  const ev = await get("/api/events");
  assert.equal(ev.status, 200);
  assert.ok(Array.isArray(ev.body.events));
  const an = await get("/api/anomalies?exporter=CHN&material=gallium&since=2023-01");
  assert.equal(an.status, 200);
  assert.ok(an.body.anomalies.length > 0);
  assert.ok(an.body.anomalies.every((a: any) => a.exporter === "CHN" && a.period >= "2023-01" && a.materials.includes("gallium")));
  const al = await get("/api/alerts?bloc=JPN&months=12");
  assert.equal(al.status, 200);
  assert.ok(al.body.alerts.every((a: any) => a.bloc === "JPN"));
  assert.equal((await get("/api/anomalies?since=2023")).status, 400);
});

test("alerts are cached, and a stored event (watch, extract) is seen at once: the cache is keyed by the store's write generation", async () => {
  const { saveItems } = await import("../src/store/queries/monitor.ts");
  const { createApp } = await import("../src/api/app.ts");
  const store = await openStore({ db: ":memory:" });
  const own = createApp({ store, token: "" });
  const alerts = async () => ((await (await own.request("/api/alerts?bloc=JPN&months=12&simulate=false")).json()) as any).alerts as any[];
  const before = await alerts();
  const idnEvent = (xs: any[]) => xs.filter((a) => a.kind === "event" && a.supplier === "IDN");
  assert.equal(idnEvent(before).length, 0);
  const gen = store.generation;
  // The real ban (Indonesia, nickel ore, 1 January 2020) as `watch` would store it from a notice.
  await saveItems(store, [{
    hash: "idn-nickel-2020", feed: "test", guid: "a3", link: null, title: "Indonesia bans nickel ore exports", published: null,
    events: [{ type: "export_ban", actor: "IDN", targets: ["ALL"], products: ["nickel"], hsCodes: [], measureDate: "2020-01-01", rate: null, status: "in_force", evidence: "Indonesia will ban exports of nickel ore from January 1, 2020." }],
  }]);
  assert.equal(store.generation, gen + 1);
  const after = await alerts();
  assert.equal(after.length, before.length + 1);
  assert.deepEqual(idnEvent(after).map((a) => [a.material, a.evidence]), [["nickel", "Indonesia will ban exports of nickel ore from January 1, 2020."]]);
  store.close();
});

test("scan: 404 with the command to run before BACI is loaded; then every product, limited, with provenance", async () => {
  const { ingest } = await import("../src/ingest/ingest.ts");
  const { baciFiles } = await import("../src/ingest/trade/baci-files.ts");
  const { scan } = await import("../src/analytics/scan.ts");
  const { ensureBaciSchema, refreshBaciView } = await import("../src/store/queries/baci-tables.ts");
  // BACI ships in data/ now: this test removes the shipped years from a store of its own to see the empty case.
  const store = await openStore({ db: ":memory:" });
  await ensureBaciSchema(store);
  for (const y of [2022, 2024]) for (const t of ["trade", "world"]) await store.run(`DROP TABLE IF EXISTS baci_${t}_${y}`);
  await refreshBaciView(store);
  const own = createApp({ store, token: "" });
  const get = async (url: string) => {
    const res = await own.request(url);
    return { status: res.status, body: (await res.json()) as any };
  };
  let r = await get("/api/scan?bloc=EU27");
  assert.equal(r.status, 404);
  assert.match(r.body.message, /chokepoint ingest baci/);
  await ingest(store, "baci", baciFiles([new URL("./fixtures/baci/", import.meta.url).pathname]));
  r = await get("/api/scan?bloc=DEU,FRA,NLD&limit=2");
  assert.equal(r.status, 200);
  const lib = await scan(store, { bloc: "DEU,FRA,NLD" });
  assert.equal(r.body.returned, 2);
  assert.equal(r.body.products.length, 2);
  assert.equal(r.body.coverage.productsListed, lib.products.length);
  assert.deepEqual(r.body.products, JSON.parse(JSON.stringify(lib.products.slice(0, 2))));
  assert.deepEqual(r.body.sources, [{ dataset: "CEPII BACI", edition: "HS22 V202501", year: 2022 }]);
  r = await get("/api/scan?bloc=DEU,FRA,NLD&dependent=true");
  assert.ok(r.body.products.every((p: any) => p.dependent));
  for (const bad of ["limit=0", "minTopShare=2", "dependent=yes", "year=20x"]) {
    r = await get(`/api/scan?${bad}`);
    assert.equal(r.status, 400, bad);
    assert.equal(r.body.code, "invalid_input", bad);
  }
});

test("blocs: EU27, JPN, ALLIANCE, G7 with their members from the country table; answers carry the members they used", async () => {
  const r = await get("/api/blocs");
  assert.equal(r.status, 200);
  const by = new Map(r.body.blocs.map((b: any) => [b.id, b.members]));
  assert.deepEqual([...by.keys()].slice(0, 4), ["EU27", "JPN", "ALLIANCE", "G7"]);
  assert.equal((by.get("EU27") as string[]).length, 27);
  assert.deepEqual(by.get("ALLIANCE"), [...(by.get("EU27") as string[]), "JPN"].sort());
  assert.deepEqual(by.get("G7"), ["CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "USA"]);
  const e = await get("/api/exposure?material=gallium&stage=processing&bloc=KOR,EU27&year=2023&basis=production");
  assert.equal(e.body.bloc, "KOR,EU27");
  assert.deepEqual(e.body.blocMembers, [...(by.get("EU27") as string[]), "KOR"].sort());
  const o = await get("/api/overview?bloc=Japan");
  assert.equal(o.body.bloc, "JPN");
  assert.deepEqual(o.body.blocMembers, ["JPN"]);
});
