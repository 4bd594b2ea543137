import { test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../../ingest/starter/open.ts";
import { restrictionsInForce, restrictionsOn, restrictionStatus } from "./restrictions.ts";

test("restrictionStatus: before, in force, suspended (both ends inclusive), back in force, ended", () => {
  const pkg = { start: "2025-11-08", end: null, sFrom: "2025-11-07", sUntil: "2026-11-10" };
  assert.equal(restrictionStatus(pkg, "2025-10-01"), null);
  assert.deepEqual(restrictionStatus(pkg, "2025-11-07"), { status: "suspended", until: "2026-11-10" });
  assert.deepEqual(restrictionStatus(pkg, "2026-11-10"), { status: "suspended", until: "2026-11-10" });
  assert.deepEqual(restrictionStatus(pkg, "2026-11-11"), { status: "in-force", until: null });
  assert.deepEqual(restrictionStatus({ start: "2020-01-01", end: "2024-12-31", sFrom: null, sUntil: null }, "2025-01-01"), { status: "ended", until: "2024-12-31" });
});

test("measures through 2026 from the shipped data: Japan ban, October 2025 package, US-only ban", async (t) => {
  const store = await openStore({ db: ":memory:" });
  t.after(() => store.close());
  // MOFCOM 2026 No. 1: in force on 2026-12-05, aimed at JPN only, with its ministry URL.
  const jp = (await restrictionsOn(store, { date: "2026-12-05", destination: "JPN" })).find((r) => r.measureId === "MOFCOM 2026 No. 1");
  assert.equal(jp?.status, "in-force");
  assert.deepEqual(jp?.destinations, ["JPN"]);
  assert.match(jp!.url!, /^http:\/\/exportcontrol\.mofcom\.gov\.cn\/.+1206\.html$/);
  // Not a measure for EU destinations.
  assert.equal((await restrictionsOn(store, { date: "2026-12-05", destination: "DEU" })).some((r) => r.measureId === "MOFCOM 2026 No. 1"), false);
  // October 2025 package (holmium, No. 57): suspended on 2026-06-01 until 2026-11-10, in force again after.
  const ho = await restrictionsOn(store, { date: "2026-06-01", material: "holmium" });
  const no57 = ho.find((r) => r.measureId === "MOFCOM/GACC 2025 No. 57");
  assert.deepEqual([no57?.status, no57?.until], ["suspended", "2026-11-10"]);
  assert.ok(no57!.materials.includes("holmium"));
  assert.equal((await restrictionsInForce(store, { date: "2026-06-01", material: "holmium" })).some((r) => r.measureId === "MOFCOM/GACC 2025 No. 57"), false);
  assert.equal((await restrictionsInForce(store, { date: "2026-12-05", material: "holmium" })).some((r) => r.measureId === "MOFCOM/GACC 2025 No. 57"), true);
  // Group ↔ member: a measure on rare-earths applies to holmium; holmium's measure shows under rare-earths.
  assert.ok(ho.some((r) => r.materials.includes("rare-earths")));
  assert.ok((await restrictionsOn(store, { date: "2026-06-01", material: "rare-earths" })).some((r) => r.measureId === "MOFCOM/GACC 2025 No. 57"));
  // The US-only ban (2024 No. 46): suspended to 2026-11-27, only for USA.
  const us = (await restrictionsOn(store, { date: "2026-06-01", destination: "USA", material: "gallium" })).find((r) => r.measureId === "MOFCOM 2024 No. 46");
  assert.deepEqual([us?.status, us?.until, us?.destinations], ["suspended", "2026-11-27", ["USA"]]);
  // Artificial graphite anodes (No. 58) are not natural graphite.
  assert.equal((await restrictionsOn(store, { date: "2026-12-05", material: "natural-graphite" })).some((r) => r.measureId === "MOFCOM/GACC 2025 No. 58"), false);
});
