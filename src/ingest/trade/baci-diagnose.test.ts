import { test } from "node:test";
import assert from "node:assert/strict";
import { checkBaciRow } from "./baci-diagnose.ts";

const rules = { year: 2023, countries: new Set([156, 392, 842]) };
const check = (line: string) => checkBaciRow(line.split(","), rules, "f.csv", 9).map((p) => `${p.field ?? "-"}:${p.code}`);

test("a valid row, NA or empty quantity, and a code that lost its leading zero pass", () => {
  assert.deepEqual(check("2023,156,392,811292,12.5,3.1"), []);
  assert.deepEqual(check("2023,156,392,811292,12.5,NA"), []);
  assert.deepEqual(check("2023,156,392,81110,0.001,"), []);
});

test("each broken field is named", () => {
  assert.deepEqual(check("2022,156,392,811292,1,1"), ["t:invalid_value"]);
  assert.deepEqual(check("2023,0,392,811292,1,1"), ["i:invalid_value"]);
  assert.deepEqual(check("2023,156,4,811292,1,1"), ["j:invalid_value"]); // not in country_codes
  assert.deepEqual(check("2023,156,392,8112,1,1"), ["k:invalid_value"]);
  assert.deepEqual(check("2023,156,392,811292,-1,1"), ["v:invalid_value"]);
  assert.deepEqual(check("2023,156,392,811292,1,x"), ["q:invalid_value"]);
  assert.deepEqual(check("2023,156,392"), ["-:wrong_field_count"]);
});

test("problems carry file, line and the raw value", () => {
  const [p] = checkBaciRow("2023,156,392,811292,abc,1".split(","), rules, "f.csv", 42);
  assert.deepEqual({ file: p.file, line: p.line, field: p.field, value: p.value }, { file: "f.csv", line: 42, field: "v", value: "abc" });
});
