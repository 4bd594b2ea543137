/** Label placement for scatter charts: no two label boxes overlap, none covers a marker's centre. */

export interface LabelRequest {
  /** Anchor point (the marker's centre) in SVG coordinates. */
  x: number;
  y: number;
  text: string;
}

export interface PlacedLabel extends LabelRequest {
  /** Text position and anchor to write into the SVG. */
  tx: number;
  ty: number;
  anchor: "start" | "end" | "middle";
  /** The label's box (estimated from the font size), for tests and leader lines. */
  box: Box;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Average glyph width of system-ui at 1 px font size (measured in Chromium on DejaVu Sans: 0.55–0.6). */
const GLYPH = 0.6;

const overlaps = (a: Box, b: Box, pad: number) => a.x0 < b.x1 + pad && b.x0 < a.x1 + pad && a.y0 < b.y1 + pad && b.y0 < a.y1 + pad;

/**
 * Place labels greedily in the order given (most important first): each tries eight positions
 * around its marker (right, left, above, below, then the diagonals) and takes the first whose box
 * stays inside `bounds` and overlaps no label already placed and no other marker. A label with no
 * free position is left off (its marker keeps its hover title), so boxes never collide.
 *
 * @example placeLabels([{ x: 10, y: 10, text: "Gallium" }], { fontSize: 9, bounds: { x0: 0, y0: 0, x1: 200, y1: 100 } })
 */
export function placeLabels(reqs: LabelRequest[], opts: { fontSize: number; bounds: Box; markers?: { x: number; y: number; r: number }[]; gap?: number }): PlacedLabel[] {
  const fs = opts.fontSize;
  const gap = opts.gap ?? 6;
  const h = fs * 1.2;
  const placed: PlacedLabel[] = [];
  const marks = opts.markers ?? reqs.map((r) => ({ x: r.x, y: r.y, r: 4 }));
  for (const r of reqs) {
    const w = r.text.length * fs * GLYPH;
    const candidates: [number, number, PlacedLabel["anchor"]][] = [
      [r.x + gap, r.y, "start"],
      [r.x - gap, r.y, "end"],
      [r.x, r.y - gap - h / 2, "middle"],
      [r.x, r.y + gap + h / 2, "middle"],
      [r.x + gap, r.y - gap - h / 2, "start"],
      [r.x - gap, r.y - gap - h / 2, "end"],
      [r.x + gap, r.y + gap + h / 2, "start"],
      [r.x - gap, r.y + gap + h / 2, "end"],
    ];
    for (const [tx, ty, anchor] of candidates) {
      const x0 = anchor === "start" ? tx : anchor === "end" ? tx - w : tx - w / 2;
      const box = { x0, y0: ty - h / 2, x1: x0 + w, y1: ty + h / 2 };
      if (box.x0 < opts.bounds.x0 || box.x1 > opts.bounds.x1 || box.y0 < opts.bounds.y0 || box.y1 > opts.bounds.y1) continue;
      if (placed.some((p) => overlaps(p.box, box, 1))) continue;
      if (marks.some((m) => (m.x !== r.x || m.y !== r.y) && overlaps({ x0: m.x - m.r, y0: m.y - m.r, x1: m.x + m.r, y1: m.y + m.r }, box, 0))) continue;
      placed.push({ ...r, tx, ty, anchor, box });
      break;
    }
  }
  return placed;
}
