// `overview --bloc ALLIANCE` on the shipped data, in-process (no HTTP): cold = the first call on a
// freshly opened store (nothing memoised), warm = later calls on the same store (trade facts,
// countries, WGI memoised per store state). Baseline in the same run: one exposure (gallium,
// sourcing) warm, the smallest unit of work the overview repeats ~140 times. Goal: warm < 1 s.
// Run: npx tsx bench/overview.ts [bloc]   (builds .chokepoint/ from data/ on first use)
import { openStore } from "../src/ingest/starter/open.ts";
import { overview } from "../src/analytics/overview.ts";
import { exposure } from "../src/analytics/exposure.ts";
import { blocsFrom } from "../src/store/queries/blocs.ts";

const spec = process.argv[2] ?? "ALLIANCE";
const t0 = performance.now();
const store = await openStore();
const openMs = performance.now() - t0;
const bloc = (await blocsFrom(store)).resolve(spec);
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return Math.round(performance.now() - t);
};
const rows: { case: string; ms: number }[] = [];
rows.push({ case: "open store (builds .chokepoint/ on first use)", ms: Math.round(openMs) });
rows.push({ case: `overview ${bloc.id} cold (first call)`, ms: await time(() => overview(store, bloc)) });
for (let i = 1; i <= 3; i++) rows.push({ case: `overview ${bloc.id} warm (run ${i})`, ms: await time(() => overview(store, bloc)) });
const base = await time(() => exposure(store, { material: "gallium", bloc, basis: "sourcing" }));
rows.push({ case: "baseline: one exposure (gallium sourcing), warm", ms: base });
console.table(rows);
const warm = Math.min(...rows.filter((r) => r.case.includes("warm (run")).map((r) => r.ms));
const o = await overview(store, bloc);
console.log(`${o.materials.length} material-stages, ${o.unavailable.length} unavailable; coverage complete: ${o.coverage.complete}`);
console.log(`overview ${bloc.id} warm ${warm} ms (goal 1000 ms: ${warm < 1000 ? "within" : "OVER"}), cold ${rows[1].ms} ms; warm = ${(warm / Math.max(base, 1)).toFixed(0)} × one exposure`);
store.close();
