/**
 * Benchmark: the joint alliance plan over every strategic raw material (materials.eu_srm_2024)
 * the data covers. Target: under 1 s in total (after the database is built and HiGHS loaded).
 * Baselines, same run: the lead's exposure() (basis production) for the same materials, and one
 * plan() call per material (each loads the planner's data itself), against planMany (loads once).
 * Run: npx tsx bench/plan.ts
 */
import { performance } from "node:perf_hooks";
import { openStore } from "../src/ingest/starter/open.ts";
import { listMaterials } from "../src/store/queries/materials.ts";
import { exposure } from "../src/analytics/exposure.ts";
import { ChokepointError } from "../src/domain/error.ts";
import { plan, planMany } from "../src/plan/plan.ts";
import { loadHighs } from "../src/plan/solver.ts";

const store = await openStore({ db: process.env.CHOKEPOINT_DB ?? ":memory:" });
await loadHighs();
const srm = (await listMaterials(store)).filter((m) => m.eu_srm_2024).map((m) => m.id);

/** The batched path: planMany reads the store once (nine queries) for all materials. */
async function planAll(current = false): Promise<{ planned: number; relaxed: number; skipped: number }> {
  let planned = 0, relaxed = 0, skipped = 0;
  for (const o of await planMany(store, srm.map((material) => ({ material, bloc: "ALLIANCE", maxShare: 0.65, current })))) {
    if (o.report?.feasibility.feasible) planned++;
    else if (o.report) relaxed++; // infeasible at 65 %: diagnosed (three more LPs) and re-planned at the smallest change
    else if (o.error.code === "infeasible") relaxed++;
    else skipped++;
  }
  return { planned, relaxed, skipped };
}

/** Baseline: the unbatched path, each plan reading the store on its own (what a loop of `plan` calls does). */
async function planEach(): Promise<void> {
  for (const material of srm) {
    await plan(store, { material, bloc: "ALLIANCE", maxShare: 0.65, current: false }).catch((e) => {
      if (!(e instanceof ChokepointError)) throw e;
    });
  }
}

async function dataOnly(): Promise<void> {
  for (const material of srm) await exposure(store, { material, bloc: "ALLIANCE", basis: "production" }).catch(() => undefined);
}

await planAll(); // warm-up
await dataOnly();
const runs = 5;
let tPlan = Infinity, tFull = Infinity, tData = Infinity, tEach = Infinity, counts = { planned: 0, relaxed: 0, skipped: 0 };
for (let i = 0; i < runs; i++) {
  let t0 = performance.now();
  counts = await planAll();
  tPlan = Math.min(tPlan, performance.now() - t0);
  t0 = performance.now();
  await planAll(true);
  tFull = Math.min(tFull, performance.now() - t0);
  t0 = performance.now();
  await dataOnly();
  tData = Math.min(tData, performance.now() - t0);
  t0 = performance.now();
  await planEach();
  tEach = Math.min(tEach, performance.now() - t0);
}
console.log(`strategic raw materials: ${srm.length} (planned ${counts.planned}, infeasible at 65 %, answered with the smallest change ${counts.relaxed}, no data ${counts.skipped})`);
console.log(`joint alliance plan, all SRMs: ${tPlan.toFixed(0)} ms (best of ${runs}); budget 1000 ms → ${(tPlan / 1000).toFixed(2)} of budget`);
console.log(`with the current mix priced too:  ${tFull.toFixed(0)} ms (adds the bloc's sourcing query per material)`);
console.log(`baseline, exposure() per material (data only): ${tData.toFixed(0)} ms → batched plan / baseline ${(tPlan / tData).toFixed(2)}`);
console.log(`baseline, one plan() call per material (reads the store each time): ${tEach.toFixed(0)} ms → speed-up ${(tEach / tPlan).toFixed(1)}×`);
store.close();
