// Issue 17's defect: no HTTP route may read a file named in a request. Every route gets a host path
// (absolute, `..`, `file:` URL, percent-encoded) in each of its fields; each must answer 400 and no
// response may carry the planted file's content.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { createApp } from "../src/api/app.ts";
import { ROUTES } from "../src/api/routes.ts";

const MARKER = "SECRET-MARKER-7f3a9c";
const dir = mkdtempSync(join(tmpdir(), "chokepoint-secret-"));
const secret = join(dir, "shadow.yaml");
writeFileSync(secret, `name: ${MARKER}\nyear: 2023\nshocks: [{type: export_ban, actor: CHN, material: gallium, targets: [JPN]}]\n`);
const rel = relative(process.cwd(), secret);
const PATHS = [secret, rel.startsWith("..") ? rel : `../${rel}`, `file://${secret}`, encodeURIComponent(secret), encodeURIComponent(encodeURIComponent(secret)), "/etc/shadow", "..\\..\\windows\\win.ini"];

let store: Store;
let app: ReturnType<typeof createApp>;
before(async () => {
  store = await openStore({ db: ":memory:" });
  app = createApp({ store, token: "" });
});
after(() => store.close());

const scenario = { name: "ban", year: 2023, shocks: [{ type: "export_ban", actor: "CHN", material: "gallium", stage: "processing", targets: ["JPN"], durationMonths: 6 }], runs: 20, seed: 1 };
/** Valid bodies per POST route and the string fields (paths into the body) to plant a path in. */
const BODIES: Record<string, { body: any; fields: (string | number)[][] }> = {
  "/api/plan": { body: { material: "gallium", bloc: "JPN", maxShare: 0.99 }, fields: [["material"], ["bloc"], ["scenario"], ["stage"]] },
  "/api/brief": { body: { material: "gallium", bloc: "JPN" }, fields: [["material"], ["bloc"], ["scenario"]] },
  "/api/simulate": { body: scenario, fields: [["name"], ["shocks", 0, "material"], ["shocks", 0, "targets", 0], ["shocks", 0, "actor"], ["report"]] },
};
const setIn = (o: any, path: (string | number)[], v: unknown) => {
  const c = structuredClone(o);
  let cur = c;
  for (const k of path.slice(0, -1)) cur = cur[k];
  cur[path[path.length - 1]] = v;
  return c;
};

async function expectRefused(res: Response, what: string) {
  const text = await res.text();
  assert.equal(res.status, 400, `${what}: ${res.status} ${text.slice(0, 200)}`);
  assert.ok(!text.includes(MARKER), `${what} leaked file content`);
  assert.ok(!/root:|\[boot loader\]/.test(text), `${what} leaked a system file`);
}

for (const r of ROUTES) {
  test(`${r.method.toUpperCase()} ${r.path}: a host path in any field is refused with 400 and no file content`, async () => {
    const keys = Object.keys((r.query as any).shape ?? {});
    for (const p of PATHS) {
      for (const k of keys) {
        await expectRefused(await app.request(`${r.path}?${k}=${encodeURIComponent(p)}`, { method: r.method.toUpperCase(), headers: { "content-type": "application/json" }, body: r.method === "post" ? JSON.stringify(BODIES[r.path].body) : undefined }), `${r.path}?${k}=${p}`);
      }
      if (r.method === "post") {
        const spec = BODIES[r.path];
        assert.ok(spec, `no body spec for ${r.path}`);
        for (const f of spec.fields) {
          const body = setIn(spec.body, f, f[0] === "report" ? [p] : p);
          await expectRefused(await app.request(r.path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), `${r.path} body.${f.join(".")}=${p}`);
        }
        // The same as YAML text.
        const yaml = `${Object.entries(setIn(spec.body, spec.fields[0], p)).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n")}\n`;
        await expectRefused(await app.request(r.path, { method: "POST", headers: { "content-type": "application/yaml" }, body: yaml }), `${r.path} YAML ${p}`);
      }
    }
  });
}

test("POST /api/plan: the scenario is an object; a path string is refused even when it looks harmless", async () => {
  let res = await app.request("/api/plan", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ material: "gallium", bloc: "JPN", scenario: "scenarios/china-gallium-alliance.yaml" }) });
  const text = await res.text();
  assert.equal(res.status, 400, text);
  assert.match(text, /scenario/);
  res = await app.request("/api/plan", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ material: "cobalt", bloc: "EU27", scenario: "/etc/shadow" }) });
  assert.equal(res.status, 400);
});

test("static files: malformed percent-encoding and traversal are refused, not a 500", async () => {
  const web = createApp({ store, token: "", webDist: join(process.cwd(), "web", "dist") });
  for (const u of ["/%E0%A4%A", "/assets/%ZZ", "/..%2F..%2Fpackage.json", "/%2e%2e/%2e%2e/etc/passwd"]) {
    const res = await web.request(u);
    assert.ok(res.status < 500, `${u}: ${res.status}`);
    const text = await res.text();
    assert.ok(!/"name": "chokepoint"|root:/.test(text), `${u} served a file outside the dashboard`);
  }
});
