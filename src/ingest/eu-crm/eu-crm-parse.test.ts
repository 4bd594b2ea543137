import { test } from "node:test";
import assert from "node:assert/strict";
import type { Problem } from "../../domain/error.ts";
import { cleanName, parseFlag, parsePercent, parseStudyNumber } from "./eu-crm-parse.ts";

const at = () => ({ file: "f.csv", line: 7, field: "share", problems: [] as Problem[] });

test("percent cells become fractions with their bound qualifier", () => {
  const a = at();
  assert.deepEqual(parsePercent("4%", a), { value: 0.04, qualifier: null });
  assert.deepEqual(parsePercent("<0.1%", a), { value: 0.001, qualifier: "<" });
  assert.deepEqual(parsePercent(">0%", a), { value: 0, qualifier: ">" });
  assert.deepEqual(parsePercent("6", a), { value: 0.06, qualifier: null });
  assert.equal(a.problems.length, 0);
});

test("a bad percent names file, line, field and value", () => {
  const a = at();
  assert.equal(parsePercent("four", a), undefined);
  assert.equal(parsePercent("140%", a), undefined);
  assert.deepEqual(
    a.problems.map((p) => [p.code, p.file, p.line, p.field, p.value]),
    [
      ["invalid_percent", "f.csv", 7, "share", "four"],
      ["out_of_range", "f.csv", 7, "share", "140%"],
    ],
  );
});

test("numbers: '-' is not assessed, bounds are checked", () => {
  const a = at();
  assert.equal(parseStudyNumber("-", a, { allowEmpty: true }), null);
  assert.equal(parseStudyNumber("1.8", a), 1.8);
  assert.equal(parseStudyNumber("12", a, { max: 10 }), null);
  assert.equal(a.problems[0].code, "out_of_range");
  assert.equal(parseFlag("1", a), true);
  assert.equal(parseFlag("yes", a), null);
  assert.equal(cleanName("Natural Teak\nwood"), "Natural Teak wood");
});
