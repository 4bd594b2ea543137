import { test } from "node:test";
import assert from "node:assert/strict";
import { ChokepointError } from "../domain/error.ts";
import { LIMITS } from "../domain/limits.ts";
import { parseScenario, validateScenario } from "./scenario.ts";

const base = (over: Record<string, unknown> = {}, shock: Record<string, unknown> = {}) => ({
  name: "x", year: 2023, horizonMonths: 24,
  shocks: [{ type: "export_ban", actor: "CHN", material: "gallium", targets: ["JPN"], ...shock }],
  ...over,
});

function refused(data: unknown, field: RegExp): ChokepointError {
  try {
    validateScenario(data, "s.yaml");
  } catch (e) {
    assert.ok(e instanceof ChokepointError, String(e));
    assert.match(e.message, field);
    return e;
  }
  assert.fail("accepted");
}

// Issue #18 item 9: each of these was accepted before.
test("startMonth beyond the horizon is refused (500 with a 24-month horizon)", () => {
  refused(base({}, { startMonth: 500 }), /shocks\.0\.startMonth: startMonth must be within the horizon \(0–23 months\) \(found 500\)/);
  assert.equal(validateScenario(base({}, { startMonth: 23 })).shocks[0].startMonth, 23);
});

test("parameter ranges must be ordered and in their domain; demand elasticity must not be positive", () => {
  refused(base({ params: { leakage: [0.3, 0.1] } }), /params\.leakage: range is not ordered: low 0\.3 > high 0\.1/);
  refused(base({ params: { leakage: { low: 0, mode: 0.5, high: 0.2 } } }), /mode 0\.5 lies outside/);
  refused(base({ params: { demandElasticity: 0.2 } }), /params\.demandElasticity: demandElasticity must lie in \[-10, 0\]/);
  refused(base({ params: { supplyElasticity: -0.1 } }), /supplyElasticity must lie in \[0, 10\]/);
  refused(base({ demandShares: { JPN: [0.1, 0.05] } }), /demandShares\.JPN: range is not ordered/);
  assert.ok(validateScenario(base({ params: { demandElasticity: [-0.3, -0.02], leakage: 0 } })));
});

test("runs above the one limit (src/domain/limits.ts) are refused in files and bodies alike", () => {
  refused(base({ runs: 100_000 }), new RegExp(`runs: Too big: expected number to be <=${LIMITS.runs}`));
  assert.equal(validateScenario(base({ runs: LIMITS.runs })).runs, LIMITS.runs);
});

test("a YAML alias bomb is a validation error naming the file, not a crash or a hang", () => {
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill("*" + String.fromCharCode(96 + i)).join(", ")}]`);
  const e = (() => {
    try {
      parseScenario(bomb.join("\n"), "bomb.yaml");
    } catch (err) {
      return err as ChokepointError;
    }
  })();
  assert.ok(e instanceof ChokepointError);
  assert.equal(e.code, "validation_failed");
  assert.match(e.message, /^bomb\.yaml: not a usable scenario: .*alias/i);
});

test("a scenario nested 10,000 deep is refused before parsing (file and object forms)", () => {
  const deep = "[".repeat(10_000) + "]".repeat(10_000);
  assert.throws(() => parseScenario(`name: x\nyear: 2023\nshocks: ${deep}`, "deep.yaml"), /deep\.yaml: nested 10000 levels deep \(at most 32\)/);
  let o: unknown = 1;
  for (let i = 0; i < 10_000; i++) o = [o];
  refused({ ...base(), shocks: o }, /nested deeper than 32 levels/);
});
