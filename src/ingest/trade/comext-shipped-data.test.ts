/**
 * Oracles on the shipped trade data (data/comext, data/comtrade-japan, data/china-monthly, data/lng),
 * checked against the figures the issue and the sources' own notes publish. One starter build for all.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../starter/open.ts";
import type { Store } from "../../store/store.ts";
import { extraGroupImportShares } from "../../store/queries/trade.ts";

let store: Store;
let eu27: string[];
before(async () => {
  store = await openStore({ db: ":memory:" });
  eu27 = (await store.all<{ iso3: string }>("SELECT iso3 FROM countries WHERE eu27 ORDER BY iso3")).map((r) => r.iso3);
});
after(() => store.close());

const share = async (dataset: string, reporters: string[], prefix: string, year: number, partner: string) =>
  (await extraGroupImportShares(store, { dataset, reporters, productPrefix: prefix, year })).find((r) => r.partner === partner)?.share;

test("comext: China's share of EU27 extra-EU natural graphite imports rises from ~37 % (2022) to ~52 % (2024)", async () => {
  assert.equal(eu27.length, 27);
  const s2022 = await share("eurostat-comext", eu27, "2504", 2022, "CHN");
  const s2024 = await share("eurostat-comext", eu27, "2504", 2024, "CHN");
  assert.ok(Math.abs(s2022! - 0.372) < 0.005, `2022: ${s2022}`);
  assert.ok(Math.abs(s2024! - 0.523) < 0.005, `2024: ${s2024}`);
});

test("comext: Japan supplies about 17 % of EU27 extra-EU rare-earth compound imports (HS 2846, 2023)", async () => {
  const jp = await share("eurostat-comext", eu27, "2846", 2023, "JPN");
  assert.ok(Math.abs(jp! - 0.167) < 0.005, `JPN: ${jp}`);
});

test("comext: the source's own spot checks (Li carbonate 2024: CL 75 %; Li hydroxide 2024: CN 57 %)", async () => {
  assert.ok(Math.abs((await share("eurostat-comext", eu27, "28369100", 2024, "CHL"))! - 0.75) < 0.01);
  assert.ok(Math.abs((await share("eurostat-comext", eu27, "28252000", 2024, "CHN"))! - 0.57) < 0.01);
});

test("comext: every row of the shipped file is loaded except the one Ceuta (XC) row", async () => {
  const r = await store.one<{ n: number; y: number }>(
    "SELECT count(*)::DOUBLE AS n, count(DISTINCT reporter)::DOUBLE AS y FROM trade WHERE dataset = 'eurostat-comext'",
  );
  assert.deepEqual(r, { n: 26_537, y: 27 });
});

test("comtrade-japan: 2023 spot checks of the source (2504 CN 90 %, 2846 CN 73 % FR 12 %, 2711 AU 39 %)", async () => {
  const jp = ["JPN"];
  assert.ok(Math.abs((await share("comtrade-japan-imports", jp, "2504", 2023, "CHN"))! - 0.901) < 0.005);
  assert.ok(Math.abs((await share("comtrade-japan-imports", jp, "2846", 2023, "CHN"))! - 0.730) < 0.005);
  assert.ok(Math.abs((await share("comtrade-japan-imports", jp, "2846", 2023, "FRA"))! - 0.121) < 0.005);
  assert.ok(Math.abs((await share("comtrade-japan-imports", jp, "2711", 2023, "AUS"))! - 0.392) < 0.005);
  // Japan's 2504 imports from China equal the independent Comtrade+ pull (comtrade-quad-imports-china-world).
  const v = await store.all<{ year: number; value: number }>(
    `SELECT year, value FROM trade WHERE dataset = 'comtrade-japan-imports' AND partner = 'CHN' AND product = '2504' ORDER BY year`,
  );
  assert.deepEqual(v.slice(0, 2).map((r) => [r.year, r.value]), [[2022, 95_925_269.357], [2023, 73_925_611.246]]);
});

test("china-monthly: 811292 exports to Japan have no September 2023 row (the post-control gap)", async () => {
  const months = await store.all<{ month: number }>(
    `SELECT month FROM trade WHERE dataset = 'comtrade-china-monthly-exports' AND partner = 'JPN'
       AND product = '811292' AND year = 2023 ORDER BY month`,
  );
  assert.deepEqual(months.map((m) => m.month), [1, 3, 4, 5, 6, 7, 8, 10, 11, 12]);
  const aug = await store.one<{ value: number; quantity: number; flow: string; reporter: string }>(
    `SELECT value, quantity, flow, reporter FROM trade WHERE dataset = 'comtrade-china-monthly-exports'
       AND partner = 'JPN' AND product = '811292' AND year = 2023 AND month = 8`,
  );
  assert.deepEqual(aug, { value: 178_114, quantity: 2_500, flow: "X", reporter: "CHN" });
});

test("china-monthly: broad groups are kept apart from HS6 rows (classification HS6SUM)", async () => {
  const g = await store.all<{ classification: string; n: number }>(
    `SELECT classification, count(DISTINCT product)::DOUBLE AS n FROM trade
     WHERE dataset = 'comtrade-china-monthly-exports' GROUP BY 1 ORDER BY 1`,
  );
  assert.deepEqual(g, [{ classification: "HS6", n: 4 }, { classification: "HS6SUM", n: 2 }]);
});

test("lng: Japan's LNG imports from Australia, Malaysia, Russia and the US match EI (bcm, 2022 / 2023)", async () => {
  const r = await store.all<{ partner: string; year: number; bcm: number; dataset: string }>(
    `SELECT partner, year, round(quantity, 1)::DOUBLE AS bcm, dataset FROM trade
     WHERE classification = 'EI' AND reporter = 'JPN' AND partner IN ('AUS', 'MYS', 'RUS', 'USA') AND year >= 2022 ORDER BY partner, year`,
  );
  assert.deepEqual(r.map((x) => [x.partner, x.year, x.bcm, x.dataset]), [
    ["AUS", 2022, 41.9, "ei-lng-2023"], ["AUS", 2023, 37.5, "ei-lng-2024"],
    ["MYS", 2022, 16.3, "ei-lng-2023"], ["MYS", 2023, 14.3, "ei-lng-2024"],
    ["RUS", 2022, 9.2, "ei-lng-2023"], ["RUS", 2023, 8.4, "ei-lng-2024"],
    ["USA", 2022, 5.6, "ei-lng-2023"], ["USA", 2023, 7.5, "ei-lng-2024"],
  ]);
});
