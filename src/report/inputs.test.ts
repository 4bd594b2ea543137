import assert from "node:assert/strict";
import { test } from "node:test";
import { sankeyByUnit, type ExposureLike } from "./inputs.ts";

const exp = (bloc: string, unit: string, amounts: Record<string, number>): ExposureLike => ({
  material: "lithium", stage: "processing", bloc, year: 2023, basis: "sourcing",
  suppliers: Object.entries(amounts).map(([country, amount]) => ({ country, share: 0, amount, unit })),
  sources: [{ dataset: bloc === "EU27" ? "Comext" : "ITC", year: 2023 }],
});

test("sankeyByUnit draws the shared unit and says what it left out and what had no data", () => {
  const r = sankeyByUnit(
    [exp("EU27", "USD", { CHL: 700, ARG: 300 }), exp("EU27", "USD", { CHN: 50 }), exp("JPN", "t", { CHL: 9 })],
    [{ label: "JPN extraction", reason: "no import data for lithium (extraction) into JPN" }],
  );
  assert.equal(r.unit, "USD");
  assert.deepEqual(r.flows.map((f) => [f.supplier, f.bloc, f.value]), [["CHL", "EU27", 700], ["ARG", "EU27", 300], ["CHN", "EU27", 50]]);
  assert.deepEqual(r.notes, [
    "JPN processing: imports in t (not added to USD flows)",
    "JPN extraction: no import data for lithium (extraction) into JPN",
  ]);
  assert.equal(r.sources.length, 2, "sources of the drawn flows only");
});

test("sankeyByUnit with nothing to draw still carries the notes", () => {
  const r = sankeyByUnit([], [{ label: "JPN processing", reason: "no import data" }]);
  assert.deepEqual(r.flows, []);
  assert.deepEqual(r.notes, ["JPN processing: no import data"]);
});

test("matrixPoints draws a bounded SR as a bar at its midpoint; no SR and no bounds: left off", async () => {
  const { matrixPoints } = await import("./inputs.ts");
  const { matrixSvg } = await import("./matrix.ts");
  const pts = matrixPoints({
    bloc: "JPN",
    sources: [{ dataset: "Study", year: 2023 }],
    materials: [
      { material: "cobalt", name: "Cobalt", sr: null, srRange: [2.95, 4.32], ei: 6.82, critical: true, strategic: true },
      { material: "nickel", name: "Nickel", sr: 0.6, ei: 5.7, critical: false, strategic: true },
      { material: "silver", name: "Silver", sr: null, ei: 4.6, critical: false, strategic: false },
    ],
  });
  assert.deepEqual(pts.map((p) => [p.material, p.sr, p.srRange]), [["cobalt", (2.95 + 4.32) / 2, [2.95, 4.32]], ["nickel", 0.6, undefined]]);
  const svg = matrixSvg({ title: "JPN", points: pts, sources: [{ dataset: "Study", year: 2023 }] });
  assert.match(svg, /class="pt range" data-material="cobalt"/);
  assert.match(svg, /SR between 2\.95 and 4\.32 \(import reliance unknown\)/);
  assert.match(svg, /SR bounded \(import reliance unknown\)/, "the legend explains the bar");
});
