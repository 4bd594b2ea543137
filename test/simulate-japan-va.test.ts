import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { simulate } from "../src/simulate/simulate.ts";
import { validateScenario } from "../src/simulate/scenario.ts";

// Japan's value added at risk on the shipped data, the basis recomputed here from the CSV files (not from the code).
let store: Store;
before(async () => {
  store = await openStore({ db: ":memory:" });
});
after(() => store.close());

type Row = Record<string, string>;
const csv = (p: string) => parse(readFileSync(p), { columns: true }) as Row[];
const va = csv("data/oecd-iot-japan/oecd_iot2021ed_japan_valu_2014_2018.csv");
const fx = csv("data/fx/ecb_annual_averages.csv");
const endUses = csv("data/eu-crm-2023/material_use_shares_2023.csv");
const share = (e: Row) => Number(e.Share.replace("%", "")) / 100;
const usdPerEur = (year: number) => Number(fx.find((r) => Number(r.year) === year && r.base === "EUR" && r.quote === "USD")!.rate);
/** The OECD group holding a NACE division: D26 or a merged range such as D31T33. */
const valu2018 = (division: number) => {
  const row = va.find((r) => {
    if (Number(r.year) !== 2018) return false;
    const [, a, b] = /^D(\d{2})(?:T(\d{2}))?$/.exec(r.oecd_isic4_code_assumed)!;
    return Number(a) <= division && division <= Number(b ?? a);
  })!;
  return Number(row.value_musd);
};

const ban = (material: string) => validateScenario({
  name: `CHN bans ${material}`, year: 2023, horizonMonths: 24, runs: 500, seed: 42,
  shocks: [{ type: "export_ban", actor: "CHN", material, stage: "processing", targets: ["ALLIANCE"], startMonth: 0, durationMonths: 12 }],
  responses: { stockpileDays: { JPN: 60, EU27: 0 }, allianceSharing: true, reroute: true },
});

test("China's cobalt ban on the alliance: Japan's value added at risk from the OECD IOT 2018 at the ECB 2023 rate; ALLIANCE = EU part + Japan part", async () => {
  const r = await simulate(store, ban("cobalt"));
  const jp = r.targets.JPN.valueAddedAtRisk;
  assert.ok(jp && jp.p50 > 0, JSON.stringify(jp));
  // Basis from the files: Σ end-use share × Japan's VALU 2018 of the group holding its NACE division, in EUR at 2023.
  const rows = endUses.filter((e) => e.Material === "Cobalt" && e["NACE sector"] && e["VA in million €"]);
  assert.equal(rows.length, 7); // C20 ×3, C25 ×3, C27; "Other" has no sector
  const musd = rows.reduce((a, e) => a + share(e) * valu2018(Number(/^[A-Z](\d{2})/.exec(e["NACE sector"])![1])), 0);
  // 0.36 × 61 044.0 (D20) + 0.57 × 48 252.0 (D25) + 0.03 × 64 461.3 (D27) = 51 413.3 m US$
  assert.ok(Math.abs(musd - 51413.3) < 0.05, String(musd));
  const m = r.markets[0];
  const j = m.valueAddedJapan!;
  assert.ok(Math.abs(j.annualMusd - musd) < 0.1, `${j.annualMusd} vs ${musd}`);
  assert.ok(Math.abs(j.annualMeur - musd / usdPerEur(2023)) < 0.1, `${j.annualMeur} vs ${musd / usdPerEur(2023)}`);
  assert.equal(j.substitutionIndex, m.valueAdded!.substitutionIndex);
  assert.deepEqual([j.vaYear, j.fxYear, j.usdPerEur], [2018, 2023, usdPerEur(2023)]);
  // The annual basis with SI is what a fully cut Japan would lose in a year; the horizon's at-risk is below 2 years of it.
  assert.ok(jp.p95 <= (j.annualMeur * j.substitutionIndex * 24) / 12);
  // ALLIANCE adds Japan's part to the EU's.
  const al = r.targets.ALLIANCE.valueAddedAtRisk!, eu = r.targets.EU27.valueAddedAtRisk!;
  assert.ok(al.p50 >= eu.p50, `${al.p50} < ${eu.p50}`);
  // Both years stated in a coverage warning, never silently.
  assert.ok(r.coverage.warnings.some((w) => /OECD national input-output table of 2018 \(million US\$\), converted at the ECB 2023 rate/.test(w)), JSON.stringify(r.coverage.warnings));
  assert.ok(j.sources.some((s) => /OECD Input-Output Tables 2021/.test(s.dataset) && s.year === 2018));
});

test("copper: end uses in C32 (other manufacturing) take the whole OECD group D31T33, said to be an upper bound", async () => {
  assert.ok(endUses.some((e) => e.Material === "Copper" && /^C32\b/.test(e["NACE sector"])));
  const r = await simulate(store, { ...ban("copper"), runs: 50 });
  const j = r.markets[0].valueAddedJapan!;
  const c32 = j.groups.filter((g) => g.nace === "C32");
  assert.ok(c32.length && c32.every((g) => g.industry === "D31T33" && g.merged && g.musd === valu2018(32)));
  assert.ok(r.coverage.warnings.some((w) => /C32 is the whole OECD group D31T33 \(Manufacturing nec; repair and installation of machinery and equipment, ISIC 31–33\): an upper bound/.test(w)), JSON.stringify(r.coverage.warnings));
  assert.ok(r.targets.JPN.valueAddedAtRisk);
});
