import { test } from "node:test";
import assert from "node:assert/strict";
import { assessmentCoverage, statusSummary } from "./summary.ts";

const ms = [
  { material: "gallium", status: "critical" as const },
  { material: "tin", status: "unassessed" as const, statusReason: "supply risk cannot be computed: no import data", ei: 4.1, stages: { extraction: { missing: ["bloc sourcing mix", "import reliance"] }, processing: null } },
  { material: "silver", status: "unassessed" as const, statusReason: "supply risk cannot be computed", ei: 4.6, stages: { extraction: { missing: ["bloc sourcing mix"] } } },
  { material: "lree", status: "unassessed" as const, statusReason: "group SR", ei: null, stages: { processing: { missing: ["SR of cerium, lanthanum"] } } },
  { material: "nickel", status: "not-critical" as const },
  { material: "cobalt", status: "undecided" as const, statusReason: "SR between 0.6 and 1.3 straddles 1" },
];

test("statusSummary: counts by status, unassessed never counted as not critical, reasons grouped by missing input", () => {
  const s = statusSummary(ms);
  assert.equal(s.critical, 1);
  assert.equal(s.notCritical, 1);
  assert.equal(s.undecided, 1);
  assert.deepEqual(s.unassessed.map((u) => u.material), ["tin", "silver", "lree"]);
  assert.deepEqual(s.unassessed[0].missing, ["bloc sourcing mix", "import reliance"]);
  assert.deepEqual(s.unassessed[2].missing, ["group members' SR", "economic importance"]);
  assert.deepEqual(s.why, [
    { input: "bloc sourcing mix", materials: 2 },
    { input: "economic importance", materials: 1 },
    { input: "group members' SR", materials: 1 },
    { input: "import reliance", materials: 1 },
  ]);
  assert.equal(s.text, "1 critical, 3 not assessable (missing bloc sourcing mix 2, economic importance 1, group members' SR 1, import reliance 1), 1 not critical, 1 undecided");
});

test("statusSummary: without stage details the first reason stands in; nothing unassessed says nothing", () => {
  assert.equal(statusSummary([{ material: "x", status: "unassessed", statusReason: "EI not available" }]).text, "0 critical, 1 not assessable (EI not available), 0 not critical");
  assert.equal(statusSummary([{ material: "g", status: "critical" }]).text, "1 critical, 0 not assessable, 0 not critical");
});

test("assessmentCoverage: incomplete with an unassessed material or a partial sourcing mix, naming each", () => {
  const c = assessmentCoverage(statusSummary(ms), [{ material: "gallium", coverage: { complete: false, warnings: ["basket code 811292"] } }, { material: "nickel", coverage: { complete: true, warnings: [] } }]);
  assert.equal(c.complete, false);
  assert.match(c.warnings[0], /^3 not assessable: tin \(supply risk cannot be computed: no import data\)/);
  assert.equal(c.warnings[1], "gallium sourcing incomplete: basket code 811292");
  assert.deepEqual(assessmentCoverage(statusSummary([{ material: "g", status: "critical" }]), []), { complete: true, warnings: [] });
});
