import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { listMaterials } from "../src/store/queries/materials.ts";
import { ChokepointError } from "../src/domain/error.ts";
import { plan, planMany, type PlanReport } from "../src/plan/plan.ts";
import { exposure } from "../src/analytics/exposure.ts";
import { loadPlanData } from "../src/plan/plan-data.ts";
import { productionView } from "../src/plan/production.ts";
import { loadScenario, simulate } from "../src/simulate/index.ts";

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
        reports.push({ id: m.id, maxShare, report: await plan(store, { material: m.id, bloc: "ALLIANCE", maxShare, compareSeparate: true, strict: true }) });
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
  // A material the loop above had to relax (strict mode throws instead of answering with the change).
  const relaxed = reports.find((x) => x.maxShare > 0.65 && x.maxShare < 1);
  assert.ok(relaxed, "some strategic material is infeasible at 65 % for the alliance");
  const req = { material: relaxed.id, bloc: "ALLIANCE", maxShare: 0.65, strict: true };
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

test("batched reads: production by country equals exposure(basis production) for every material", async () => {
  const data = await loadPlanData(store);
  let compared = 0;
  for (const m of data.materials) {
    const viaExposure = await exposure(store, { material: m.id, bloc: "ALLIANCE", basis: "production" }).catch((e: ChokepointError) => e);
    let batched;
    try {
      batched = productionView(data, m.id, undefined, undefined, []);
    } catch (e) {
      assert.ok(viaExposure instanceof ChokepointError, `${m.id}: batched fails (${(e as Error).message}), exposure does not`);
      assert.equal((e as ChokepointError).code, viaExposure.code, m.id);
      continue;
    }
    assert.ok(!(viaExposure instanceof Error), `${m.id}: exposure fails (${String(viaExposure)}), batched does not`);
    assert.equal(batched.stage, viaExposure.stage, m.id);
    assert.equal(batched.year, viaExposure.year, m.id);
    assert.equal(batched.total.amount, viaExposure.total.amount, m.id);
    const a = batched.suppliers.map((s) => `${s.country}:${s.amount}`).sort();
    const b = viaExposure.suppliers.map((s) => `${s.country}:${s.amount}`).sort();
    assert.deepEqual(a, b, m.id);
    assert.deepEqual([...batched.restricted].sort(), [...new Set(viaExposure.restrictions.map((r) => r.country))].sort(), m.id);
    assert.deepEqual(batched.sources, viaExposure.sources, m.id);
    compared++;
  }
  assert.ok(compared >= 20, `only ${compared} materials compared`);
});

test("planMany gives the same plans as one plan() call each", async () => {
  const reqs = ["cobalt", "lithium", "natural-graphite"].map((material) => ({ material, bloc: "ALLIANCE", maxShare: 0.99, current: false }));
  const many = await planMany(store, reqs);
  for (let i = 0; i < reqs.length; i++) assert.deepEqual(many[i].report, await plan(store, reqs[i]), reqs[i].material);
});

test("the EU and Japan are priced at their own BACI 2024 unit values from China (oracle: raw baci_trade rows)", async () => {
  const r = await plan(store, { material: "natural-graphite", bloc: "ALLIANCE", maxShare: 0.99, compareSeparate: true, current: false });
  const chn = r.prices.suppliers.find((s) => s.country === "CHN")!;
  // Oracle from the raw rows: China's 2024 exports under the material's BACI codes (2504xx), USD and tonnes, by importer.
  const raw = await store.all<{ importer: string; usd: number; tonnes: number }>(
    `SELECT i.iso3 AS importer, sum(t.value_kusd * 1000)::DOUBLE AS usd, sum(t.quantity_t)::DOUBLE AS tonnes
     FROM baci_trade t JOIN baci_countries e ON e.code = t.exporter JOIN baci_countries i ON i.code = t.importer
     WHERE e.iso3 = 'CHN' AND t.year = 2024 AND t.hs6 BETWEEN 250400 AND 250499 AND t.quantity_t > 0 GROUP BY 1`,
  );
  const eu = new Set((await store.all<{ iso3: string }>("SELECT iso3 FROM countries WHERE eu27")).map((c) => c.iso3));
  const uv = (keep: (p: string) => boolean) => {
    const rows = raw.filter((x) => keep(x.importer));
    return rows.reduce((t, x) => t + x.usd, 0) / rows.reduce((t, x) => t + x.tonnes, 0);
  };
  const world = uv(() => true), jp = uv((p) => p === "JPN"), e = uv((p) => eu.has(p));
  assert.deepEqual(chn.price.source, { dataset: "CEPII BACI", edition: "V202601", year: 2024, codes: ["250490"] });
  assert.ok(Math.abs(chn.price.value - world) < 0.01, `world ${chn.price.value} vs ${world}`);
  assert.equal(chn.partners!.JPN.scope, "JPN importers");
  assert.equal(chn.partners!.EU27.scope, "EU27 importers");
  assert.ok(Math.abs(chn.partners!.JPN.value - jp) < 0.01, `JPN ${chn.partners!.JPN.value} vs ${jp}`);
  assert.ok(Math.abs(chn.partners!.EU27.value - e) < 0.01, `EU27 ${chn.partners!.EU27.value} vs ${e}`);
  assert.notEqual(chn.partners!.JPN.value, chn.partners!.EU27.value);
  // The plan's sourcing cost is priced at each partner's own prices.
  const price = (country: string, partner: string) => r.prices.suppliers.find((s) => s.country === country)!.partners![partner].value;
  const sourcing = r.plan.partners!.reduce((t, q) => t + q.suppliers.reduce((a, s) => a + s.share * r.demand.partners.find((d) => d.id === q.id)!.demand * price(s.country, q.id), 0), 0);
  assert.ok(Math.abs(sourcing - r.plan.costBreakdown.sourcing) <= 1e-4 * r.plan.costBreakdown.sourcing, `${sourcing} vs ${r.plan.costBreakdown.sourcing}`);
  // With different prices the dividend is not trivially zero, and joint ≤ separate still holds.
  const c = r.comparison!;
  assert.ok(c.separateCost !== null && c.dividend! > 0 && c.jointCost <= c.separateCost, JSON.stringify(c));
  // BACI ships 250490 but not 250410: the plan says its prices cover one of the two codes.
  assert.equal(r.coverage.complete, false);
  assert.ok(r.coverage.warnings.some((w) => w.includes("not 250410")), JSON.stringify(r.coverage));
});

test("a stage without unit values borrows another stage's average in USD, flagged as a default in coverage", () => {
  const cobalt = reports.find((x) => x.id === "cobalt")!.report;
  assert.equal(cobalt.stage, "extraction");
  assert.equal(cobalt.units.cost, "USD");
  assert.equal(cobalt.prices.basis, "default");
  assert.match(cobalt.assumptions.defaultUnitCost.source, /at the extraction stage: the material's tonnage-weighted average at another stage \(CEPII BACI 2024, 282200\)/);
  assert.equal(cobalt.coverage.complete, false);
  assert.ok(cobalt.coverage.warnings.some((w) => w.startsWith("every supplier priced at a default")), JSON.stringify(cobalt.coverage));
  assert.ok(cobalt.coverage.warnings.some((w) => w.includes("contained cobalt")), "contained metal vs traded product is said");
});

test("real data: every plan carries coverage, and says so whenever a price is a default", () => {
  for (const { id, report } of reports) {
    assert.equal(typeof report.coverage.complete, "boolean", id);
    if (report.prices.suppliers.some((s) => s.price.basis === "default")) assert.equal(report.coverage.complete, false, id);
    for (const s of report.prices.suppliers) if (s.price.basis === "trade") assert.ok(s.price.source!.dataset && s.price.source!.year && s.price.source!.codes.length, `${id}/${s.country}`);
  }
});

test("stockpile sizing on the DR Congo cobalt scenario: the result protects at 95 % and one day less does not", async () => {
  const file = loadScenario("scenarios/drc-cobalt-suspension-2025.yaml");
  const r = await plan(store, { material: "cobalt", bloc: "ALLIANCE", maxShare: 0.99, current: false, scenario: file, protect: 0.95, threshold: 0.1 });
  const z = r.stockpileSizing!;
  assert.ok(z.stockpileDays !== null && z.stockpileDays > 0, JSON.stringify(z));
  // Independent check through the simulator: the ALLIANCE stockpile at d days (replacing JPN's 60).
  const s = file;
  const p95 = async (days: number) => {
    const out = await simulate(store, { ...s, report: ["ALLIANCE"], responses: { ...s.responses, stockpileDays: { ALLIANCE: days } } });
    return out.markets[0].targets.ALLIANCE.peakShortfall.p95;
  };
  const at = await p95(z.stockpileDays!);
  const less = await p95(z.stockpileDays! - 1);
  assert.ok(at <= 0.1, `p95 at ${z.stockpileDays} days: ${at}`);
  assert.ok(less > 0.1, `p95 at ${z.stockpileDays! - 1} days: ${less}`);
  assert.equal(z.atStockpile, at);
  assert.equal(z.oneDayLess, less);
  assert.ok(z.withoutStockpile > 0.1);
  // Same seed → same answer.
  assert.equal((await plan(store, { material: "cobalt", bloc: "ALLIANCE", maxShare: 0.99, current: false, scenario: file })).stockpileSizing!.stockpileDays, z.stockpileDays);
  await assert.rejects(plan(store, { material: "cobalt", bloc: "ALLIANCE", maxShare: 0.99, current: false, scenario: file, protect: 0.9 }), /simulator reports the 0.5 and 0.95 quantiles/);
  await assert.rejects(plan(store, { material: "lithium", bloc: "ALLIANCE", maxShare: 0.99, current: false, scenario: file }), /does not shock lithium/);
});

test("the plan takes the bloc resolved at the edge: a Bloc value is used as given (no re-resolution), results carry blocMembers", async () => {
  const spec = await plan(store, { material: "gallium", bloc: "KOR,EU27", demandShare: 0.2, current: false });
  assert.equal(spec.bloc, "KOR,EU27");
  assert.equal(spec.blocMembers.length, 28);
  assert.ok(spec.blocMembers.includes("KOR") && spec.blocMembers.includes("DEU"));
  // An id no spec resolves to: planning with it proves the planner used the value, not the id.
  const given = await plan(store, { material: "gallium", bloc: { id: "TEST-BLOC", members: spec.blocMembers }, demandShare: 0.2, current: false });
  assert.equal(given.bloc, "TEST-BLOC");
  assert.deepEqual(given.blocMembers, spec.blocMembers);
  assert.deepEqual(given.plan.suppliers, spec.plan.suppliers, "same members, same plan");
  await assert.rejects(plan(store, { material: "gallium", bloc: "TEST-BLOC", demandShare: 0.2 }), (e: ChokepointError) => e.code === "unknown_bloc");
});
