// Issue #18 items 7 and 8: the server under hostile requests (JSON problems, never a 500),
// content types, Host header, security headers, limits, simulation off the event loop.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { createApp } from "../src/api/app.ts";
import { startServer, type RunningServer } from "../src/api/server.ts";
import { LIMITS } from "../src/domain/limits.ts";
import { stopMonteCarloWorkers } from "../src/simulate/monte-carlo-thread.ts";

let store: Store;
let app: ReturnType<typeof createApp>;
let server: RunningServer;
before(async () => {
  store = await openStore({ db: ":memory:" });
  app = createApp({ store, token: "", logError: () => undefined });
  server = await startServer({ store, port: 0, token: "", warmUp: false, logError: () => undefined });
});
after(async () => {
  await server.close();
  await stopMonteCarloWorkers();
  await store.close();
});

const SCENARIO = { name: "x", year: 2023, shocks: [{ type: "export_ban", actor: "CHN", material: "gallium", stage: "processing", targets: ["JPN"] }] };
const post = (url: string, body: string, type = "application/json") =>
  app.request(url, { method: "POST", headers: type ? { "content-type": type } : {}, body });

/** A raw HTTP request to the running server, with any Host header. */
function raw(path: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const u = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path, headers }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function problem(r: Response, status: number, code: RegExp): Promise<any> {
  const text = await r.text();
  assert.equal(r.status, status, text.slice(0, 300));
  const body = JSON.parse(text);
  assert.match(body.code, code);
  assert.doesNotMatch(text, /\n\s+at |node:internal|\.ts:\d+/, "no stack trace in the answer");
  return body;
}

test("JSON nested 10,000 deep (20 KB) is a 400 before parsing, not a 500 from the cache key's JSON.stringify", async () => {
  const deep = "[".repeat(10_000) + "]".repeat(10_000);
  const b = await problem(await post("/api/simulate", deep), 400, /invalid_input/);
  assert.match(b.message, /nested 10000 levels deep/);
  await problem(await post("/api/plan", `{"material":${deep}}`), 400, /invalid_input/);
});

test("a YAML alias bomb in a body is a 400", async () => {
  const bomb = ["name: &a [x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 12; i++) bomb.push(`k${i}: &a${i} [${Array(9).fill(i === 1 ? "*a" : `*a${i - 1}`).join(", ")}]`);
  await problem(await post("/api/simulate", bomb.join("\n"), "application/yaml"), 400, /invalid_input/);
});

test("runs above the CLI's limit are refused in the body as in the query", async () => {
  const b = await problem(await post("/api/simulate", JSON.stringify({ ...SCENARIO, runs: 100_000 })), 400, /invalid_input/);
  assert.match(JSON.stringify(b), new RegExp(String(LIMITS.runs)));
  await problem(await post(`/api/simulate?runs=${LIMITS.runs + 1}`, JSON.stringify(SCENARIO)), 400, /invalid_input/);
});

test("POST bodies must be application/json (or application/yaml): text/plain, forms and none are 415", async () => {
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
    await problem(await post("/api/simulate", JSON.stringify(SCENARIO), type), 415, /unsupported_media_type/);
  }
  const ok = await post("/api/simulate?runs=5", JSON.stringify(SCENARIO), "application/json; charset=utf-8");
  assert.equal(ok.status, 200);
});

test("every answer carries the security headers", async () => {
  for (const r of [await app.request("/api/health"), await app.request("/api/nope"), await post("/api/simulate", "{", "application/json")]) {
    assert.equal(r.headers.get("x-content-type-options"), "nosniff");
    assert.equal(r.headers.get("x-frame-options"), "DENY");
    assert.match(r.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/);
    assert.equal(r.headers.get("referrer-policy"), "no-referrer");
  }
});

test("the Host header must name the bound address (DNS rebinding): evil.example is 421, localhost and 127.0.0.1 pass", async () => {
  const port = new URL(server.url).port;
  const bad = await raw("/api/health", { host: `evil.example:${port}` });
  assert.equal(bad.status, 421);
  assert.equal(JSON.parse(bad.body).code, "misdirected_request");
  for (const h of [`127.0.0.1:${port}`, `localhost:${port}`]) assert.equal((await raw("/api/health", { host: h })).status, 200);
});

test("a 20,000-run simulation runs off the event loop: /api/health answers while it is in flight", async () => {
  const base = server.url.replace(/\/$/, "");
  let simDone = false;
  const sim = fetch(`${base}/api/simulate?runs=${LIMITS.runs}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...SCENARIO, seed: 99 }) })
    .then(async (r) => ((simDone = true), r.status));
  await new Promise((r) => setTimeout(r, 300)); // let the simulation reach its worker
  const health = await fetch(`${base}/api/health`);
  assert.equal(health.status, 200);
  assert.equal(simDone, false, "health answered only after the simulation finished");
  assert.equal(await sim, 200);
});

test("?since=2023-13 is a 400 naming the field, not a 200", async () => {
  const body = await problem(await app.request("/api/anomalies?since=2023-13"), 400, /invalid_input/);
  assert.match(JSON.stringify(body), /since/);
  assert.equal((await app.request("/api/anomalies?since=2023-12")).status, 200);
});
