import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { simulate } from "../src/simulate/simulate.ts";
import { validateScenario } from "../src/simulate/scenario.ts";

// The GDP sanity check on the shipped data, figures hand-computed from the CSV files (not from the code).
let store: Store;
before(async () => {
  store = await openStore({ db: ":memory:" });
});
after(() => store.close());

const gdpRows = parse(readFileSync("data/gdp/gdp_current_usd_2018_2023.csv"), { columns: true }) as Record<string, string>[];
const usdOf = (code: string, year: number) => Number(gdpRows.find((r) => r["Country Code"] === code && Number(r.Year) === year)!.Value);
const fxRows = parse(readFileSync("data/fx/ecb_annual_averages.csv"), { columns: true }) as Record<string, string>[];
const usdPerEur = (year: number) => Number(fxRows.find((r) => Number(r.year) === year && r.base === "EUR" && r.quote === "USD")!.rate);
const euMembers = (parse(readFileSync("data/countries/countries.csv"), { columns: true }) as Record<string, string>[]).filter((r) => r.eu27 === "1").map((r) => r.iso3);

/** The dashboard's scenario for `/scenario?material=…&actor=CHN&targets=ALLIANCE&type=export_ban&duration=12` (fromParams in web/src/pages/scenario.tsx). */
const dashboardBan = (material: string) => validateScenario({
  name: `CHN restricts ${material} exports`, year: 2023, horizonMonths: 24, runs: 500, seed: 42,
  shocks: [{ type: "export_ban", actor: "CHN", material, stage: "processing", targets: ["ALLIANCE"], startMonth: 0, durationMonths: 12 }],
  responses: { stockpileDays: { JPN: 60, EU27: 0 }, allianceSharing: true, reroute: true },
});
const meur = (usd: number, year: number) => usd / usdPerEur(year) / 1e6;

test("China's cobalt ban (the dashboard's scenario): Finland's GDP is the World Bank's 2023 US$ ÷ the ECB 2023 rate, its share is VA ÷ GDP over 24 months", async () => {
  const r = await simulate(store, dashboardBan("cobalt"));
  const fin = r.targets.FIN;
  assert.ok(fin.valueAddedAtRisk && fin.gdp);
  // 300 187 202 696.08 US$ ÷ 1.0813 = €277 616.9 m
  assert.equal(usdOf("FIN", 2023), 300187202696.08374);
  assert.equal(fin.gdp.gdpMeur, Math.round(meur(usdOf("FIN", 2023), 2023) * 10) / 10);
  assert.equal(fin.gdp.gdpMeur, 277616.9);
  assert.equal(fin.gdp.year, 2023);
  assert.equal(fin.gdp.usdPerEur, 1.0813);
  assert.equal(fin.gdp.yearBasis, "same year as the scenario (2023)");
  const share = fin.valueAddedAtRisk.p50 / (meur(usdOf("FIN", 2023), 2023) * 24 / 12);
  assert.ok(Math.abs(fin.gdp.vaShare! - share) <= 1e-4 * Math.max(share, 1e-9), `${fin.gdp.vaShare} vs ${share}`);
  // On the shipped data Finland carries almost none of the EU's cobalt value added at risk: not flagged.
  assert.equal(fin.gdp.implausible, false);
  assert.ok(!r.coverage.warnings.some((w) => /Implausible: Finland/.test(w)));
  // EU27: the 27 members' GDP summed; ALLIANCE adds Japan's, whose value added is now counted (OECD IOT).
  const eu = r.targets.EU27.gdp!;
  assert.equal(eu.members.length, 27);
  assert.deepEqual([...eu.members].sort(), [...euMembers].sort());
  const euSum = euMembers.reduce((a, c) => a + meur(usdOf(c, 2023), 2023), 0);
  assert.ok(Math.abs(eu.gdpMeur! - euSum) < 0.1, `${eu.gdpMeur} vs ${euSum}`);
  // … which equals the World Bank's own EU aggregate (EUU).
  assert.ok(Math.abs(euSum / meur(usdOf("EUU", 2023), 2023) - 1) < 1e-12);
  const al = r.targets.ALLIANCE.gdp!;
  assert.deepEqual([...al.members].sort(), [...euMembers, "JPN"].sort());
  assert.ok(Math.abs(al.gdpMeur! - (euSum + meur(usdOf("JPN", 2023), 2023))) < 0.1, `${al.gdpMeur}`);
  const jp = r.targets.JPN.gdp!;
  assert.deepEqual(jp.members, ["JPN"]);
  assert.equal(jp.gdpMeur, Math.round(meur(usdOf("JPN", 2023), 2023) * 10) / 10);
  assert.equal(jp.implausible, false);
  assert.ok(eu.sources.some((s) => /World Bank/.test(s.dataset) && s.year === 2023) && eu.sources.some((s) => /Euro foreign exchange/.test(s.dataset) && s.year === 2023), JSON.stringify(eu.sources));
});

test("China's magnesium ban flags Slovenia: a coverage warning naming the member, the amount, the GDP and the share", async () => {
  const r = await simulate(store, dashboardBan("magnesium"));
  const svn = r.targets.SVN;
  assert.ok(svn.valueAddedAtRisk && svn.gdp);
  const gdp = meur(usdOf("SVN", 2023), 2023);
  const share = svn.valueAddedAtRisk.p50 / (gdp * 2);
  assert.ok(share > 0.02, `Slovenia's share ${share}`);
  assert.equal(svn.gdp.implausible, true);
  const w = r.coverage.warnings.find((x) => x.includes("Implausible: Slovenia"));
  assert.ok(w, r.coverage.warnings.join("\n"));
  assert.ok(w.includes(`p50 €${(svn.valueAddedAtRisk.p50 / 1000).toFixed(1)} bn over 24 months`), w);
  assert.ok(w.includes(`${(share * 100).toFixed(2)} % of its GDP`), w);
  assert.ok(w.includes(`GDP 2023 €${(gdp / 1000).toFixed(1)} bn a year`), w);
  // The EU as a whole stays far below the ceiling.
  assert.equal(r.targets.EU27.gdp!.implausible, false);
});

test("a scenario year after the last GDP year uses 2023 and says so; no exchange rate for the GDP year → null, never 0", async () => {
  const later = await simulate(store, { ...dashboardBan("cobalt"), year: 2024, runs: 50 });
  assert.equal(later.targets.EU27.gdp!.year, 2023);
  assert.equal(later.targets.EU27.gdp!.yearBasis, "2023, the latest before the scenario year 2024");
  // The ECB rates shipped start in 2022: GDP 2021 cannot be converted.
  const early = await simulate(store, { ...dashboardBan("cobalt"), year: 2021, runs: 50 });
  const g = early.targets.EU27.gdp!;
  assert.equal(g.gdpMeur, null);
  assert.equal(g.vaShare, null);
  assert.equal(g.implausible, null);
  const w = early.coverage.warnings.filter((x) => /GDP check/.test(x));
  assert.equal(w.length, 1, "one line, not one per member");
  assert.match(w[0], /GDP check: no GDP in euro for 28 members \(AUT BEL .* JPN .* SWE\) \(no ECB euro rate for 2021\): value added at risk of ALLIANCE, EU27, JPN and \d+ more not compared with GDP/);
});
