import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";
import { listMaterials } from "../src/store/queries/materials.ts";
import { ChokepointError } from "../src/domain/error.ts";
import { plan, type PlanReport } from "../src/plan/plan.ts";

let store: Store;
const reports: { id: string; report: PlanReport; maxShare: number }[] = [];

// One store for the file; plan every strategic raw material the data covers for the alliance, at
// the 65 % cap or, where that is impossible, at the smallest max-share the planner says works.
before(async () => {
  store = await openStore({ db: ":memory:" });
  const srm = (await listMaterials(store)).filter((m) => m.eu_srm_2024);
  for (const m of srm) {
    let maxShare = 0.65;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        reports.push({ id: m.id, maxShare, report: await plan(store, { material: m.id, bloc: "ALLIANCE", maxShare, compareSeparate: true }) });
        break;
      } catch (e) {
        if (!(e instanceof ChokepointError)) throw e;
        if (e.code === "no_data") break;
        assert.equal(e.code, "infeasible", e.message);
        assert.equal(attempt, 0, `the suggested relaxation must be feasible (${m.id}): ${e.message}`);
        const relax = e.problems.find((p) => p.code === "max_share");
        assert.ok(relax, `${m.id}: infeasible without a max-share relaxation: ${e.message}`);
        maxShare = relax.value as number;
        assert.ok(maxShare > 0.65 && maxShare <= 1);
      }
    }
  }
});
after(() => store?.close());

test("real data: plans exist for several strategic raw materials", () => {
  assert.ok(reports.length >= 5, `only ${reports.length} planned`);
});

test("real data: planned shares sum to 1 for the alliance and for each partner", () => {
  for (const { id, report } of reports) {
    const sum = report.plan.suppliers.reduce((t, s) => t + s.share, 0);
    assert.ok(Math.abs(sum - 1) < 1e-5, `${id}: shares sum to ${sum}`);
    for (const p of report.plan.partners ?? []) {
      const ps = p.suppliers.reduce((t, s) => t + s.share, 0);
      assert.ok(Math.abs(ps - 1) < 1e-5, `${id}/${p.id}: shares sum to ${ps}`);
    }
  }
});

test("real data: no third country above the cap, for either partner", () => {
  for (const { id, report, maxShare } of reports) {
    for (const p of report.plan.partners ?? []) {
      for (const s of p.suppliers) {
        const third = !report.plan.suppliers.find((x) => x.country === s.country)?.inBloc;
        if (third) assert.ok(s.share <= maxShare + 1e-6, `${id}/${p.id}: ${s.country} at ${s.share} > ${maxShare}`);
      }
    }
    const top = report.plan.risk.topThirdCountry;
    if (top) assert.ok(top.share <= maxShare + 1e-6, `${id}: ${top.country} at ${top.share}`);
  }
});

test("real data: the joint plan never costs more than the two separate plans", () => {
  let compared = 0;
  for (const { id, report } of reports) {
    const c = report.comparison!;
    if (c.separateCost === null) continue;
    compared++;
    assert.ok(c.jointCost <= c.separateCost + 1e-9 * Math.max(1, c.separateCost), `${id}: joint ${c.jointCost} > separate ${c.separateCost}`);
    assert.ok(c.jointShortfall <= c.separateShortfall! + 1e-9, `${id}: joint shortfall above separate`);
  }
  assert.ok(compared >= 3, `only ${compared} comparisons`);
});

test("real data: every plan carries its sources and year", () => {
  for (const { id, report } of reports) {
    assert.ok(report.sources.length > 0 && report.sources.every((s) => s.dataset && s.edition !== undefined), id);
    assert.ok(Number.isInteger(report.year), id);
  }
});

test("an impossible cap is infeasible with the smallest relaxation, and that relaxation works", async () => {
  const req = { material: "gallium", bloc: "ALLIANCE", maxShare: 0.65 };
  const err = await plan(store, req).then(
    () => undefined,
    (e: ChokepointError) => e,
  );
  assert.ok(err instanceof ChokepointError && err.code === "infeasible", String(err));
  assert.match(err.message, /smallest max-share that works is 0\.\d+/);
  const m = err.problems.find((p) => p.code === "max_share")!.value as number;
  const ok = await plan(store, { ...req, maxShare: m });
  assert.ok(ok.plan.risk.topThirdCountry!.share <= m + 1e-6);
  // Just below the relaxation it is infeasible again: the relaxation is the smallest (to 0.001).
  await assert.rejects(plan(store, { ...req, maxShare: m - 0.002 }), { code: "infeasible" });
});

test("bad requests name the field and value", async () => {
  await assert.rejects(plan(store, { material: "gallium", bloc: "ALLIANCE", maxShare: 1.5 }), (e: ChokepointError) => {
    assert.equal(e.code, "invalid_input");
    assert.match(e.message, /maxShare = 1\.5/);
    return true;
  });
  await assert.rejects(plan(store, { material: "gallium", bloc: "JPN", compareSeparate: true, maxShare: 1 }), /needs the ALLIANCE bloc/);
  await assert.rejects(plan(store, { material: "gallium", bloc: "KOR", maxShare: 1 }), /--demand-share/);
});
