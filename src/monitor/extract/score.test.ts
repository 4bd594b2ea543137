import { test } from "node:test";
import assert from "node:assert/strict";
import { scoreEvents, type GoldEvent } from "./score.ts";

const base: GoldEvent = {
  type: "export_ban", actor: "CHN", targets: ["USA"], products: ["gallium", "germanium"], hsCodes: [],
  measureDate: "2024-12-03", rate: null, status: "announced",
};

test("hand-computed counts: one right event, one partly right, one spurious", () => {
  const gold = [[base], [{ ...base, type: "import_tariff" as const, rate: 0.25 }]];
  const pred = [
    [{ ...base, products: ["gallium", "antimony"] }],
    [{ ...base, type: "import_tariff" as const, rate: 0.1 }, { ...base, type: "sanction" as const }],
  ];
  const s = scoreEvents(pred, gold);
  // type: 2 pairs matched, 1 spurious sanction → P 2/3, R 2/2.
  assert.deepEqual([s.type.tp, s.type.fp, s.type.fn], [2, 1, 0]);
  // products: doc 1 gallium ✓ antimony ✗ germanium missed; doc 2 both ✓; sanction adds 2 FP.
  assert.deepEqual([s.products.tp, s.products.fp, s.products.fn], [3, 3, 1]);
  // rate: 0.1 vs 0.25 is one FP and one FN.
  assert.deepEqual([s.rate.tp, s.rate.fp, s.rate.fn], [0, 1, 1]);
  assert.equal(s.type.precision, 2 / 3);
  assert.equal(s.type.f1, 0.8);
});

test("agreement parties compare as a set", () => {
  const g: GoldEvent = { ...base, type: "trade_agreement", actor: "USA", targets: ["JPN"] };
  const p: GoldEvent = { ...g, actor: "JPN", targets: ["USA"] };
  const s = scoreEvents([[p]], [[g]]);
  assert.equal(s.actor.f1, 1);
  assert.equal(s.targets.f1, 1);
});
