import { test } from "node:test";
import assert from "node:assert/strict";
import type { Exposure } from "./exposure.ts";
import { otherStageWarnings } from "./other-stage-imports.ts";

test("otherStageWarnings: says there are none at this stage, then every warning of the other stage's mix, word for word", () => {
  const other = { stage: "processing", coverage: { complete: false, warnings: ["comtrade-japan-imports is truncated (cap 500)", "basket code 2846"] } } as unknown as Exposure;
  assert.deepEqual(otherStageWarnings("JPN", "extraction", other), [
    "no JPN import data at the extraction stage; its imports at the processing stage are incomplete",
    "JPN imports at the processing stage: comtrade-japan-imports is truncated (cap 500)",
    "JPN imports at the processing stage: basket code 2846",
  ]);
  assert.deepEqual(otherStageWarnings("EU27", "extraction", null), ["no EU27 import data at the extraction stage, nor at any other"]);
});
