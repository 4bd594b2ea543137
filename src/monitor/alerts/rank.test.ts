import { test } from "node:test";
import assert from "node:assert/strict";
import type { MonitorEvent } from "../extract/types.ts";
import { rankEventAlerts, type ExposureFact } from "./rank.ts";

const ev = (over: Partial<MonitorEvent>): MonitorEvent => ({
  type: "export_restriction", actor: "CHN", targets: ["ALL"], products: ["gallium"], hsCodes: [],
  measureDate: "2023-08-01", rate: null, status: "announced", evidence: "…", ...over,
});
const blocs = [{ id: "JPN", members: ["JPN"] }, { id: "EU27", members: ["DEU", "FRA"] }];
const shares: Record<string, number> = { "JPN|gallium": 0.6, "EU27|gallium": 0.7, "JPN|antimony": 0.3 };
const fact = (bloc: string, material: string, supplier: string): ExposureFact | undefined =>
  shares[`${bloc}|${material}`] === undefined ? undefined
    : { bloc, material, supplier, share: shares[`${bloc}|${material}`], basis: "sourcing", year: 2023, sources: [{ dataset: "t", edition: "1" }] };

test("impact = severity × supplier share, ranked; a ban outranks a licence regime", () => {
  const a = rankEventAlerts([ev({}), ev({ type: "export_ban", targets: ["JPN"], products: ["antimony"] })], blocs, fact);
  assert.deepEqual(a.map((x) => [x.bloc, x.material, x.impact]), [
    ["EU27", "gallium", 0.35],
    ["JPN", "gallium", 0.3],
    ["JPN", "antimony", 0.3],
  ]);
});

test("a measure aimed elsewhere, a lifted one, and one by a bloc member raise no alert", () => {
  assert.equal(rankEventAlerts([ev({ targets: ["USA"] })], blocs, fact).length, 0);
  assert.equal(rankEventAlerts([ev({ status: "lifted" })], blocs, fact).length, 0);
  assert.equal(rankEventAlerts([ev({ actor: "JPN" })], [{ id: "JPN", members: ["JPN"] }], fact).length, 0);
});

test("threats count half", () => {
  const [a] = rankEventAlerts([ev({ type: "export_ban", status: "threatened", targets: ["JPN"] })], blocs, fact);
  assert.equal(a.impact, 0.3);
});
