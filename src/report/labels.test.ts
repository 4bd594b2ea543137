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

test("a crowded cluster: labels move further out with a leader line that crosses no other label", () => {
  // Five markers within 8 px (Germanium, Boron, PGM, Cobalt, Titanium sat like this on the EU27 matrix): the
  // eight near places cannot hold five labels once the markers themselves are obstacles.
  const pts = [0, 1, 2, 3, 4].map((i) => ({ x: 200 + 2 * i, y: 150 - 2 * i, text: `Material ${i}` }));
  const markers = pts.map((p) => ({ x: p.x, y: p.y, r: 5 }));
  const out = placeLabels(pts, { fontSize: 9, bounds, markers });
  assert.equal(out.length, 5, "all five placed");
  const led = out.filter((l) => l.leader);
  assert.ok(led.length >= 1, "at least one sits away from its marker");
  for (const l of led) {
    // The leader ends on the label's box, at its point nearest the marker.
    assert.ok(l.leader!.x >= l.box.x0 && l.leader!.x <= l.box.x1 && l.leader!.y >= l.box.y0 && l.leader!.y <= l.box.y1);
    for (const o of out) if (o !== l) {
      // Sample the segment: no point of it lies strictly inside another label's box.
      for (let t = 0; t <= 1; t += 0.02) {
        const x = l.x + (l.leader!.x - l.x) * t, y = l.y + (l.leader!.y - l.y) * t;
        assert.ok(!(x > o.box.x0 && x < o.box.x1 && y > o.box.y0 && y < o.box.y1), `${l.text}'s leader crosses ${o.text}`);
      }
    }
  }
  for (let i = 0; i < out.length; i++)
    for (let j = i + 1; j < out.length; j++) {
      const a = out[i].box, b = out[j].box;
      assert.ok(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0, `${out[i].text} / ${out[j].text}`);
    }
});
