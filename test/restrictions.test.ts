// Issue 14, Must show 1: GET /api/restrictions (and the library function the CLI prints) on the
// two dates the issue names.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { createApp } from "../src/api/app.ts";
import { listRestrictions } from "../src/monitor/restrictions/list.ts";

let store: Store;
let app: ReturnType<typeof createApp>;
before(async () => {
  store = await openStore({ db: ":memory:" });
  app = createApp({ store, token: "" });
});
after(() => store.close());

const get = async (url: string) => {
  const r = await app.request(url);
  return { status: r.status, body: (await r.json()) as any };
};

test("2026-12-05: the Japan military end-use ban is in force for JPN only; keys as the issue asks", async () => {
  const r = await get("/api/restrictions?date=2026-12-05&destination=JPN");
  assert.equal(r.status, 200);
  assert.equal(r.body.date, "2026-12-05");
  const jp = r.body.restrictions.find((x: any) => /2026 No\. 1/.test(x.measureId));
  for (const k of ["country", "measure", "materials", "destinations", "status", "until", "url"]) assert.ok(k in jp, k);
  assert.deepEqual([jp.country, jp.status, jp.destinations, jp.until], ["CHN", "in-force", ["JPN"], null]);
  assert.ok(jp.materials.includes("gallium"));
  assert.deepEqual(r.body, JSON.parse(JSON.stringify(await listRestrictions(store, { date: "2026-12-05", destination: "JPN" }))));
});

test("2026-06-01: the October 2025 package (holmium) is suspended until 2026-11-10", async () => {
  const r = await get("/api/restrictions?date=2026-06-01&material=holmium");
  const ho = r.body.restrictions.find((x: any) => x.materials.includes("holmium"));
  assert.deepEqual([ho.status, ho.until, ho.destinations], ["suspended", "2026-11-10", null]);
  assert.match(ho.url, /mofcom\.gov\.cn/);
});

test("bad date or destination is a 400 naming the field", async () => {
  for (const [q, field] of [["date=2026-13-01", "date"], ["destination=japan", "destination"], ["material=Holmium!", "material"]] as const) {
    const r = await get(`/api/restrictions?${q}`);
    assert.equal(r.status, 400, q);
    assert.equal(r.body.problems[0].field, field);
  }
});
