import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { ChokepointError } from "../src/domain/error.ts";
import { simulate } from "../src/simulate/simulate.ts";
import { loadScenario, validateScenario } from "../src/simulate/scenario.ts";
import { gaGeBacktest } from "../src/simulate/backtest.ts";

// One in-memory store for the file (building it takes a few seconds).
let store: Store;
before(async () => {
  store = await openStore({ db: ":memory:" });
});
after(() => store.close());

test("the gallium scenario reports ALLIANCE, EU27, JPN and members with data, same seed → byte-identical JSON", async () => {
  const s = loadScenario("scenarios/china-gallium-alliance.yaml");
  const a = await simulate(store, s, { runs: 150 });
  const b = await simulate(store, s, { runs: 150 });
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  const c = await simulate(store, s, { runs: 150, seed: 43 });
  assert.notEqual(JSON.stringify(a.targets), JSON.stringify(c.targets));
  assert.deepEqual(Object.keys(a.targets).slice(0, 3), ["ALLIANCE", "EU27", "JPN"]);
  assert.ok(a.targets.DEU, "Germany has Comext gallium imports, so it is reported");
  const m = a.markets[0];
  // USGS MCS 2024: China 98 % of primary gallium in 2023 (~600 t).
  assert.equal(m.suppliers[0].country, "CHN");
  assert.ok(m.suppliers[0].share > 0.97 && m.suppliers[0].share < 0.99);
  assert.ok(m.sources.some((x) => /USGS/.test(x.dataset) && x.year === 2023));
  const al = a.targets.ALLIANCE;
  assert.equal(al.monthly.length, 24);
  // Severity 0.8 on a ~98 % Chinese supply: the shortfall can never exceed 0.8 and rerouting is small.
  assert.ok(al.peakShortfall.p95 <= 0.8 && al.peakShortfall.p5 > 0.4, JSON.stringify(al.peakShortfall));
  assert.ok(al.peakShortfall.p5 <= al.peakShortfall.p50 && al.peakShortfall.p50 <= al.peakShortfall.p95);
  // The restriction lasts 12 months: nothing is short afterwards.
  assert.equal(al.monthly[12].shortfall.p95, 0);
  assert.ok(al.priceChange.p50 > 0);
  assert.ok(al.valueAddedAtRisk && al.valueAddedAtRisk.p50 > 0);
  assert.ok(a.targets.JPN.valueAddedAtRisk && a.targets.JPN.valueAddedAtRisk.p50 > 0); // OECD IOT value added for Japan
});

test("a larger severity raises the alliance's shortfall on real data; a JPN stockpile lowers JPN's early shortfall", async () => {
  const base = validateScenario({
    name: "t", year: 2023, horizonMonths: 6, runs: 100, seed: 5,
    shocks: [{ type: "export_restriction", actor: "CHN", material: "gallium", targets: ["ALLIANCE"], severity: 0.3 }],
    responses: { stockpileDays: {}, allianceSharing: false },
  });
  const hi = { ...base, shocks: [{ ...base.shocks[0], severity: 0.9 }] };
  const stocked = { ...base, responses: { ...base.responses, stockpileDays: { JPN: 90 } } };
  const [r0, r1, r2] = [await simulate(store, base), await simulate(store, hi), await simulate(store, stocked)];
  assert.ok(r1.targets.ALLIANCE.peakShortfall.p50 > r0.targets.ALLIANCE.peakShortfall.p50);
  assert.ok(r2.targets.JPN.monthly[0].shortfall.p50 < r0.targets.JPN.monthly[0].shortfall.p50);
  assert.ok(r2.targets.JPN.monthsCovered.p50 > 0 && r0.targets.JPN.monthsCovered.p50 === 0);
});

test("every shipped scenario runs", async () => {
  for (const f of ["china-dy-tb-licensing-2025.yaml", "drc-cobalt-suspension-2025.yaml", "indonesia-nickel-ore-ban.yaml", "china-gallium-ban-japan-outage.json"]) {
    const out = await simulate(store, loadScenario(`scenarios/${f}`), { runs: 30 });
    assert.ok(Object.keys(out.targets).length > 0, f);
  }
});

test("unknown blocs and materials in a scenario are clear errors", async () => {
  const s = validateScenario({ name: "t", year: 2023, shocks: [{ type: "export_ban", actor: "CHN", material: "gallium", targets: ["ALLIANCEE"] }], runs: 5 });
  await assert.rejects(simulate(store, s), (e: ChokepointError) => e.code === "unknown_bloc" && /ALLIANCE/.test(e.message));
  const m = validateScenario({ name: "t", year: 2023, shocks: [{ type: "export_ban", actor: "CHN", material: "galium", targets: ["JPN"] }], runs: 5 });
  await assert.rejects(simulate(store, m), (e: ChokepointError) => e.code === "unknown_material" && /gallium/.test(e.message));
});

test("back-test: observed changes in China's HS 811292 exports match a direct reading of the shipped CSV", async () => {
  const bt = await gaGeBacktest(store, { runs: 50 });
  // Oracle: sum netWgt by partner straight from the shipped file.
  const records: Record<string, string>[] = parse(readFileSync("data/china-monthly/china_exports_hs6_monthly_2017_2024.csv", "utf8"), { columns: true });
  let pre = 0, post = 0, jpnPre = 0, jpnPost = 0;
  for (const f of records) {
    if (f.cmdCode !== "811292") continue;
    const p = Number(f.period), w = Number(f.netWgt || 0);
    if (p >= 202302 && p <= 202307) { pre += w; if (f.partnerISO === "JPN") jpnPre += w; }
    if (p >= 202308 && p <= 202401) { post += w; if (f.partnerISO === "JPN") jpnPost += w; }
  }
  assert.ok(Math.abs(bt.totalFall - (1 - post / pre)) < 1e-9);
  const jpn = bt.observed.find((o) => o.partner === "JPN")!;
  assert.ok(Math.abs(jpn.pre - jpnPre) < 1e-6 && Math.abs(jpn.post - jpnPost) < 1e-6);
  assert.ok(bt.intermediaries.postShare > bt.intermediaries.preShare); // HKG + SGP took a larger share
  assert.ok(bt.compared.length >= 5 && Number.isFinite(bt.spearman));
});

test("targets named by country name report under the bloc's code (Japan → JPN), with the same figures", async () => {
  const s = loadScenario("scenarios/china-gallium-alliance.yaml");
  const byCode = validateScenario({ ...s, shocks: s.shocks.map((k) => ({ ...k, targets: ["JPN"] })), report: [] }, "by code");
  const byName = validateScenario({ ...s, shocks: s.shocks.map((k) => ({ ...k, targets: ["Japan"] })), report: [] }, "by name");
  const a = await simulate(store, byCode, { runs: 60 });
  const b = await simulate(store, byName, { runs: 60 });
  assert.ok(b.targets.JPN, `keys: ${Object.keys(b.targets)}`);
  assert.equal(b.targets.JAPAN, undefined);
  assert.deepEqual(b.targets.JPN, a.targets.JPN);
});

// Issue #18 items 1 and 3, on the shipped data.
test("an unknown shock actor (CNH, XXX) is an error naming the field and value with a suggestion", async () => {
  for (const actor of ["CNH", "XXX"]) {
    const s = validateScenario({ name: "x", year: 2023, shocks: [{ type: "export_ban", actor, material: "gallium", targets: ["JPN"] }] });
    await assert.rejects(simulate(store, s, { runs: 5 }), (e: unknown) => {
      assert.ok(e instanceof ChokepointError);
      assert.equal(e.code, "unknown_country");
      assert.match(e.message, new RegExp(`shocks\\.0\\.actor: unknown country '${actor}' \\(did you mean: `));
      assert.equal(e.problems[0].field, "shocks.0.actor");
      return true;
    });
  }
  const cnh = validateScenario({ name: "x", year: 2023, shocks: [{ type: "export_ban", actor: "CNH", material: "gallium", targets: ["JPN"] }] });
  await assert.rejects(simulate(store, cnh, { runs: 5 }), /did you mean: CHN/);
});

test("a ban plus an outage on the same actor, or the same ban twice, never gives a shortfall above 100 %", async () => {
  const ban = { type: "export_ban", actor: "CHN", material: "gallium", targets: ["JPN"] };
  for (const shocks of [[ban, { ...ban, type: "outage", severity: 0.5 }], [ban, ban], Array(200).fill(ban)]) {
    const out = await simulate(store, validateScenario({ name: "x", year: 2023, shocks, responses: { reroute: false } }), { runs: 20 });
    assert.ok(out.targets.JPN.peakShortfall.p95 <= 1, `peak ${out.targets.JPN.peakShortfall.p95}`);
  }
});
