import { test } from "node:test";
import assert from "node:assert/strict";
import { coverageLines } from "./coverage.ts";

test("coverageLines: complete in one line, incomplete with each warning and a count of the rest", () => {
  assert.deepEqual(coverageLines({ complete: true, warnings: [] }), ["coverage: complete"]);
  assert.deepEqual(coverageLines({ complete: false, warnings: ["a", "b", "c"] }, 2), ["coverage: INCOMPLETE (3 warnings)", "  warning: a", "  warning: b", "  … 1 more (--json: coverage.warnings)"]);
  assert.deepEqual(coverageLines({ complete: true, warnings: ["default year 2024"] }), ["coverage: complete (1 warning)", "  warning: default year 2024"]);
});
