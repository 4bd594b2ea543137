import { test } from "node:test";
import assert from "node:assert/strict";
import { ChokepointError } from "../domain/error.ts";
import { parseScenario } from "./scenario.ts";

const MINIMAL = `name: China restricts gallium exports to the alliance
year: 2023
horizonMonths: 24
shocks:
  - type: export_restriction   # export_ban | export_restriction | quota | export_tax | import_tariff | outage
    actor: CHN
    material: gallium
    stage: processing
    targets: [ALLIANCE]        # blocs, ISO3 codes, or ALL
    startMonth: 0
    durationMonths: 12
    severity: 0.8              # fraction of flows blocked (restriction), tonnes (quota), rate (tax/tariff), fraction of output lost (outage)
responses:
  stockpileDays: { JPN: 60, EU27: 0 }
  allianceSharing: true        # pool stockpiles and redistribute within the alliance
  reroute: true                # third countries' spare capacity and leakage through third countries
runs: 1000
seed: 42
`;

test("the issue's minimal YAML is accepted exactly as written", () => {
  const s = parseScenario(MINIMAL, "min.yaml");
  assert.equal(s.shocks[0].severity, 0.8);
  assert.deepEqual(s.shocks[0].targets, ["ALLIANCE"]);
  assert.deepEqual(s.responses.stockpileDays, { JPN: 60, EU27: 0 });
  assert.equal(s.responses.allianceSharing, true);
  assert.equal(s.runs, 1000);
  assert.equal(s.seed, 42);
});

test("JSON is accepted and defaults fill in", () => {
  const s = parseScenario(JSON.stringify({ name: "x", year: 2023, shocks: [{ type: "export_ban", actor: "CHN", material: "gallium", targets: ["JPN"] }] }));
  assert.equal(s.horizonMonths, 24);
  assert.equal(s.shocks[0].startMonth, 0);
  assert.equal(s.responses.reroute, true);
  assert.equal(s.runs, 1000);
});

function problemsOf(text: string) {
  try {
    parseScenario(text, "bad.yaml");
  } catch (e) {
    assert.ok(e instanceof ChokepointError);
    assert.equal(e.code, "validation_failed");
    return { message: e.message, problems: e.problems };
  }
  assert.fail("expected a validation error");
}

test("a bad shock type names file, line, path, value and the allowed values", () => {
  const { message, problems } = problemsOf(MINIMAL.replace("type: export_restriction", "type: embargo"));
  assert.equal(problems[0].field, "shocks.0.type");
  assert.equal(problems[0].line, 5);
  assert.equal(problems[0].value, "embargo");
  assert.match(message, /bad\.yaml:5: shocks\.0\.type: expected one of export_ban, export_restriction, quota, export_tax, import_tariff, outage \(found "embargo"\)/);
});

test("a restriction severity above 1, a missing severity and an unknown field are all reported", () => {
  const { problems } = problemsOf(
    MINIMAL.replace("severity: 0.8", "severity: 80").replace("runs: 1000", "runs: 1000\nrnus: 5"),
  );
  assert.deepEqual(problems.map((p) => p.field).sort(), ["", "shocks.0.severity"]);
  assert.ok(problems.some((p) => /unknown field\(s\) rnus/.test(p.message)));
  const missing = problemsOf(MINIMAL.replace(/ {4}severity: 0\.8.*\n/, ""));
  assert.match(missing.message, /severity is required for export_restriction/);
});

test("a lowercase actor and broken YAML give clear errors", () => {
  assert.match(problemsOf(MINIMAL.replace("actor: CHN", "actor: chn")).message, /shocks\.0\.actor: expected an ISO 3166 alpha-3 code/);
  assert.match(problemsOf("name: [unclosed\nyear: 2023").message, /bad\.yaml:\d+: not valid YAML\/JSON/);
});
