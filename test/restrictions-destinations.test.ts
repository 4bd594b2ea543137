// Issue 14, item 1/4: "in force on date D for destination X" is one query (restrictionsInForce) used by
// criticality what-ifs and the planner. The shipped measures that name Japan also have an all-destination
// counterpart on the same material, so the destination cases use one extra row inserted into this test's
// own in-memory store (a made-up Japan-only measure on lithium, labelled as such); the rest is shipped data.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { assess } from "../src/analytics/criticality/assess.ts";
import { restrictionsInForce } from "../src/store/queries/restrictions.ts";
import { restrictionsAll, restrictingCountries } from "../src/store/queries/plan.ts";
import { loadPlanData } from "../src/plan/plan-data.ts";
import { productionView } from "../src/plan/production.ts";
import { resolveBlocFrom } from "../src/domain/blocs.ts";
import { listCountries } from "../src/store/queries/countries.ts";

let store: Store;
before(async () => {
  store = await openStore({ db: ":memory:" });
  await store.run(
    `INSERT INTO export_restrictions (country, material, measure, start_date, source, measure_id, destinations)
     VALUES ('CHN', 'lithium', 'TEST ONLY: made-up Japan-only measure', DATE '2026-01-06', 'test fixture', 'TEST-JPN-ONLY', 'JPN')`,
  );
});
after(() => store.close());

test("assess --restrictions-on: suppliers with a measure in force for the bloc get t = 1.5; the same countries as restrictionsInForce", async () => {
  const base = await assess(store, { bloc: "EU27", material: "gallium" });
  const what = await assess(store, { bloc: "EU27", material: "gallium", restrictionsOn: "2026-12-05" });
  const inForce = [...new Set((await restrictionsInForce(store, { date: "2026-12-05", destination: resolveBlocFrom("EU27", await listCountries(store)).members, material: "gallium" })).map((r) => r.country))].sort();
  assert.deepEqual(what.materials[0].restrictedSuppliers, inForce);
  assert.ok(inForce.includes("CHN"));
  assert.deepEqual(what.restrictionsOn, { date: "2026-12-05", t: 1.5 });
  assert.ok(what.materials[0].sr! > base.materials[0].sr!, `${what.materials[0].sr} > ${base.materials[0].sr}`);
  // Before any measure on gallium (2023-01-01) the what-if changes nothing.
  const early = await assess(store, { bloc: "EU27", material: "gallium", restrictionsOn: "2023-01-01" });
  assert.deepEqual(early.materials[0].restrictedSuppliers, []);
  assert.equal(early.materials[0].sr, base.materials[0].sr);
});

test("assess --restrictions-on: a Japan-only measure restricts JPN's assessment, not EU27's", async () => {
  const jp = await assess(store, { bloc: "JPN", material: "lithium", restrictionsOn: "2026-12-05" });
  const eu = await assess(store, { bloc: "EU27", material: "lithium", restrictionsOn: "2026-12-05" });
  assert.ok(jp.materials[0].restrictedSuppliers!.includes("CHN"));
  assert.ok(!eu.materials[0].restrictedSuppliers!.includes("CHN"));
  await assert.rejects(assess(store, { bloc: "EU27", material: "lithium", restrictionsOn: "5 Dec" }), /invalid --restrictions-on/);
});

test("planner: restrictionsAll keeps destinations; a Japan-only measure does not restrict the EU27 plan", async () => {
  const rows = (await restrictionsAll(store, "2026-12-05")).filter((r) => r.material === "lithium");
  assert.deepEqual(rows.filter((r) => r.country === "CHN"), [{ country: "CHN", material: "lithium", destinations: ["JPN"] }]);
  const countries = await listCountries(store);
  const eu27 = resolveBlocFrom("EU27", countries).members;
  assert.ok(!restrictingCountries(rows, eu27).has("CHN"));
  assert.ok(restrictingCountries(rows, ["JPN"]).has("CHN"));
  // Through the planner's own data path (today's date): the same split.
  const data = await loadPlanData(store);
  assert.ok(!productionView(data, "lithium", undefined, undefined, eu27).restricted.has("CHN"));
  assert.ok(productionView(data, "lithium", undefined, undefined, ["JPN"]).restricted.has("CHN"));
  // An all-destination measure (gallium, 2023) restricts both.
  assert.ok(productionView(data, "gallium", undefined, undefined, eu27).restricted.has("CHN"));
});
