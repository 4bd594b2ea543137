import { test } from "node:test";
import assert from "node:assert/strict";
import type { Material } from "../store/queries/materials.ts";
import type { UnitValueRow } from "../store/queries/plan.ts";
import type { PlanData } from "./plan-data.ts";
import { materialPrices } from "./prices.ts";

const row = (origin: string, importer: string, year: number, usd: number, tonnes: number, code = "811292"): UnitValueRow => ({ code, classification: "HS6", origin, importer, year, usd, tonnes, datasets: "d" });
const m = { id: "gallium", parent: null } as unknown as Material;

function data(rows: UnitValueRow[]): PlanData {
  return {
    codes: new Map([["gallium", [{ stage: "processing", code: "811292", classification: "HS6" }, { stage: "extraction", code: "2606", classification: "HS4" }]]]),
    unitValues: new Map([["811292|HS6", rows.filter((r) => r.code === "811292")], ["2606|HS4", rows.filter((r) => r.code === "2606")]]),
  } as unknown as PlanData;
}

test("unit values: latest year ≤ plan year per origin, per partner's importers, tonnage-weighted average", () => {
  const rows = [
    row("CHN", "JPN", 2022, 300, 1), row("CHN", "DEU", 2022, 200, 1), row("CHN", "FRA", 2022, 400, 2), // CHN 2022: 900/4
    row("CHN", "JPN", 2023, 1000, 1), // after the plan year: ignored
    row("CHN", "JPN", 2021, 5, 1), // older: superseded
    row("USA", "DEU", 2020, 50, 1),
    row("CHN", "JPN", 2022, 7000, 1, "2606"), // another stage's code: ignored
  ];
  const p = materialPrices(data(rows), m, "processing", 2022, [{ id: "EU27", members: ["DEU", "FRA"] }, { id: "JPN", members: ["JPN"] }]);
  assert.equal(p.byOrigin.get("CHN")!.usdPerTonne, 225);
  assert.equal(p.byOrigin.get("CHN")!.year, 2022);
  assert.equal(p.byPartner.get("JPN")!.get("CHN")!.usdPerTonne, 300);
  assert.equal(p.byPartner.get("EU27")!.get("CHN")!.usdPerTonne, 200);
  assert.equal(p.byPartner.get("EU27")!.get("USA")!.usdPerTonne, 50);
  assert.equal(p.byPartner.get("JPN")!.has("USA"), false);
  assert.equal(p.average!.usdPerTonne, (900 + 50) / 5);
});

test("no unit values: no average (the planner then prices at 1, a declared default)", () => {
  const p = materialPrices(data([]), m, "processing", 2022, [{ id: "JPN", members: ["JPN"] }]);
  assert.equal(p.average, null);
  assert.equal(p.byOrigin.size, 0);
});
