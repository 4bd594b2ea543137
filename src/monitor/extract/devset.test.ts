import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { testGazetteer } from "../../../test/fixtures/monitor/gazetteer.ts";
import { createExtractor } from "./extract.ts";
import { scoreEvents, type GoldEvent } from "./score.ts";

// The annotated development set (45 texts, 38 events, 10 hard negatives). Floors sit a little
// under the scores reported in docs/monitoring.md, so a regression in any field fails here.
const docs = readFileSync(new URL("../../../test/fixtures/monitor/devset.jsonl", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as { id: string; text: string; events: GoldEvent[] });

test("development set: per-field F1 stays above its floor and negatives stay empty", () => {
  const extract = createExtractor(testGazetteer(), { now: new Date("2026-01-01") });
  const predicted = docs.map((d) => extract(d.text));
  const s = scoreEvents(predicted, docs.map((d) => d.events));
  const floors = { type: 0.9, actor: 0.9, targets: 0.9, products: 0.75, hsCodes: 0.9, measureDate: 0.88, rate: 0.9, status: 0.88 };
  for (const [field, floor] of Object.entries(floors)) {
    assert.ok(s[field as keyof typeof floors].f1 >= floor, `${field} F1 ${s[field as keyof typeof floors].f1.toFixed(3)} < ${floor}`);
  }
  const negatives = docs.filter((d) => d.events.length === 0);
  assert.ok(negatives.length >= 10);
  for (const d of negatives) assert.deepEqual(predicted[docs.indexOf(d)], [], d.id);
});
