import { test } from "node:test";
import assert from "node:assert/strict";
import { placeLabels } from "./labels.ts";

const bounds = { x0: 0, y0: 0, x1: 400, y1: 300 };

test("two close points: the second label moves, boxes never overlap", () => {
  // Germanium and Boron sat 3 px apart on the EU27 matrix and their labels overprinted.
  const out = placeLabels([{ x: 100, y: 100, text: "Germanium" }, { x: 102, y: 103, text: "Boron" }], { fontSize: 9, bounds, markers: [] });
  assert.equal(out.length, 2);
  const [a, b] = out.map((p) => p.box);
  assert.ok(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0, "boxes disjoint");
  assert.equal(out[0].anchor, "start", "the first keeps the preferred right-hand place");
  // 9 px font: "Germanium" is 9 × 9 × 0.6 = 48.6 px wide, starting 6 px right of the point.
  assert.equal(out[0].box.x0, 106);
  assert.ok(Math.abs(out[0].box.x1 - 154.6) < 1e-9);
});

test("a label that fits nowhere is left off rather than overprinted", () => {
  const crowd = Array.from({ length: 40 }, (_, i) => ({ x: 200 + (i % 5), y: 150 + Math.floor(i / 5), text: `Material ${i}` }));
  const out = placeLabels(crowd, { fontSize: 9, bounds: { x0: 150, y0: 130, x1: 260, y1: 170 }, markers: [] });
  assert.ok(out.length < crowd.length && out.length > 0);
  for (let i = 0; i < out.length; i++)
    for (let j = i + 1; j < out.length; j++) {
      const a = out[i].box, b = out[j].box;
      assert.ok(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0, `${out[i].text} / ${out[j].text}`);
    }
});

test("labels stay inside the plot: a point at the right edge is labelled on its left", () => {
  const out = placeLabels([{ x: 395, y: 100, text: "Cobalt" }], { fontSize: 9, bounds, markers: [] });
  assert.equal(out[0].anchor, "end");
  assert.ok(out[0].box.x1 <= 400);
});
