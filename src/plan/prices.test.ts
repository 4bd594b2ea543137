import { test } from "node:test";
import assert from "node:assert/strict";
import type { Material } from "../store/queries/materials.ts";
import type { BaciUnitValueRow, UnitValueRow } from "../store/queries/plan.ts";
import type { PlanData } from "./plan-data.ts";
import { BACI, materialPrices, nearestYear } from "./prices.ts";

const row = (origin: string, importer: string, year: number, usd: number, tonnes: number, code = "811292"): UnitValueRow => ({ code, classification: "HS6", origin, importer, year, usd, tonnes, datasets: "d" });
const baci = (origin: string, importer: string, year: number, usd: number, tonnes: number, hs6 = "811292"): BaciUnitValueRow => ({ hs6, origin, importer, year, usd, tonnes, release: "V202601" });
const m = { id: "gallium", parent: null } as unknown as Material;

function data(rows: UnitValueRow[], b: BaciUnitValueRow[] = []): PlanData {
  return {
    codes: new Map([["gallium", [
      { stage: "processing", code: "811292", classification: "HS6", basket: false },
      { stage: "processing", code: "811299", classification: "HS6", basket: false },
      { stage: "extraction", code: "2606", classification: "HS4", basket: false },
    ]]]),
    unitValues: new Map([["811292|HS6", rows.filter((r) => r.code === "811292")], ["2606|HS4", rows.filter((r) => r.code === "2606")]]),
    baciUnitValues: new Map([...new Set(b.map((r) => r.hs6))].map((c) => [c, b.filter((r) => r.hs6 === c)])),
  } as unknown as PlanData;
}

test("nearest year to the plan year, ties to the earlier", () => {
  assert.equal(nearestYear([2022, 2024], 2023), 2022);
  assert.equal(nearestYear([2024], 2023), 2024);
  assert.equal(nearestYear([2021, 2022, 2024], 2024), 2024);
  assert.equal(nearestYear([], 2024), undefined);
});

test("trade records only: nearest year per origin, per partner's importers, tonnage-weighted average", () => {
  const rows = [
    row("CHN", "JPN", 2022, 300, 1), row("CHN", "DEU", 2022, 200, 1), row("CHN", "FRA", 2022, 400, 2), // CHN 2022: 900/4
    row("CHN", "JPN", 2024, 1000, 1), // further from the plan year: not used
    row("CHN", "JPN", 2020, 5, 1), // older: superseded
    row("USA", "DEU", 2020, 50, 1),
    row("CHN", "JPN", 2022, 7000, 1, "2606"), // another stage's code: ignored
  ];
  const p = materialPrices(data(rows), m, "processing", 2022, [{ id: "EU27", members: ["DEU", "FRA"] }, { id: "JPN", members: ["JPN"] }]);
  assert.equal(p.byOrigin.get("CHN")!.usdPerTonne, 225);
  assert.equal(p.byOrigin.get("CHN")!.year, 2022);
  assert.deepEqual(p.byOrigin.get("CHN")!.source, { dataset: "d", edition: null, year: 2022, codes: ["811292"] });
  assert.equal(p.byPartner.get("JPN")!.get("CHN")!.usdPerTonne, 300);
  assert.equal(p.byPartner.get("EU27")!.get("CHN")!.usdPerTonne, 200);
  assert.equal(p.byPartner.get("EU27")!.get("USA")!.usdPerTonne, 50);
  assert.equal(p.byPartner.get("JPN")!.has("USA"), false);
  assert.equal(p.average!.usdPerTonne, (900 + 50) / 5);
  assert.equal(p.averageBasis, "stage");
  assert.deepEqual(p.codesWithout, ["811299"]);
});

test("BACI first for the origins it has, other trade records for the rest; a partner pays its own BACI unit value", () => {
  const rows = [row("CHN", "JPN", 2023, 300, 1), row("KOR", "JPN", 2023, 900, 3)];
  const b = [baci("CHN", "DEU", 2024, 4000, 2), baci("CHN", "JPN", 2024, 1000, 1), baci("CHN", "USA", 2024, 500, 1), baci("CHN", "PRT", 2024, 10, 0.5, "811299")];
  const p = materialPrices(data(rows, b), m, "processing", 2023, [{ id: "EU27", members: ["DEU", "PRT"] }, { id: "JPN", members: ["JPN"] }]);
  // CHN: BACI 2024 over every importer and both codes, (4000 + 1000 + 500 + 10) / 4.5 t, though Comtrade has 2023.
  assert.equal(p.byOrigin.get("CHN")!.usdPerTonne, 5510 / 4.5);
  assert.deepEqual(p.byOrigin.get("CHN")!.source, { dataset: BACI, edition: "V202601", year: 2024, codes: ["811292", "811299"] });
  assert.equal(p.byOrigin.get("KOR")!.usdPerTonne, 300); // no BACI rows: Comtrade's
  assert.equal(p.byPartner.get("EU27")!.get("CHN")!.usdPerTonne, 4010 / 2.5);
  assert.equal(p.byPartner.get("JPN")!.get("CHN")!.usdPerTonne, 1000); // BACI wins over Japan's own Comtrade 300
  assert.equal(p.byPartner.get("JPN")!.get("KOR")!.usdPerTonne, 300);
  assert.deepEqual(p.codesWithout, []);
});

test("no unit values at the stage: another stage's average stands in; none at all: no average", () => {
  const p = materialPrices(data([row("CHN", "JPN", 2022, 7000, 2, "2606")]), m, "processing", 2022, [{ id: "JPN", members: ["JPN"] }]);
  assert.equal(p.byOrigin.size, 0);
  assert.equal(p.average!.usdPerTonne, 3500);
  assert.equal(p.averageBasis, "other stage");
  const none = materialPrices(data([]), m, "processing", 2022, [{ id: "JPN", members: ["JPN"] }]);
  assert.equal(none.average, null);
  assert.equal(none.averageBasis, null);
});
