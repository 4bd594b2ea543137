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
  /** Where a leader line from the marker meets the label, when the label sits away from its marker. */
  leader?: { x: number; y: number };
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

/** Does the segment a→b pass through the box (Liang–Barsky clipping)? */
function segmentHitsBox(ax: number, ay: number, bx: number, by: number, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  for (const [p, q] of [[-dx, ax - b.x0], [dx, b.x1 - ax], [-dy, ay - b.y0], [dy, b.y1 - ay]] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** The point of a box nearest to (x, y): where a leader line meets its label. */
const nearest = (b: Box, x: number, y: number) => ({ x: Math.min(Math.max(x, b.x0), b.x1), y: Math.min(Math.max(y, b.y0), b.y1) });

/**
 * Place labels greedily in the order given (most important first): each tries eight positions
 * around its marker (right, left, above, below, then the diagonals), then the same eight and
 * eight more directions further out with a leader line back to the marker, and takes the first
 * whose box stays inside `bounds`, overlaps no label already placed and no other marker, and whose
 * leader crosses no label (nor is crossed by an earlier leader). A label with no free position is
 * left off (its marker keeps its hover title), so boxes never collide.
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
    const near: [number, number, PlacedLabel["anchor"]][] = [
      [r.x + gap, r.y, "start"],
      [r.x - gap, r.y, "end"],
      [r.x, r.y - gap - h / 2, "middle"],
      [r.x, r.y + gap + h / 2, "middle"],
      [r.x + gap, r.y - gap - h / 2, "start"],
      [r.x - gap, r.y - gap - h / 2, "end"],
      [r.x + gap, r.y + gap + h / 2, "start"],
      [r.x - gap, r.y + gap + h / 2, "end"],
    ];
    // Further out, in sixteen directions: the label sits on the side facing away from its marker.
    const far = [2.5, 4, 6].flatMap((k) =>
      Array.from({ length: 16 }, (_, i): [number, number, PlacedLabel["anchor"]] => {
        const a = (i * Math.PI) / 8;
        const cx = Math.cos(a);
        const anchor = Math.abs(cx) < 0.3 ? "middle" : cx > 0 ? "start" : "end";
        return [r.x + cx * gap * k, r.y - Math.sin(a) * (gap * k + h / 2), anchor];
      }),
    );
    for (const [i, [tx, ty, anchor]] of [...near, ...far].entries()) {
      const x0 = anchor === "start" ? tx : anchor === "end" ? tx - w : tx - w / 2;
      const box = { x0, y0: ty - h / 2, x1: x0 + w, y1: ty + h / 2 };
      if (box.x0 < opts.bounds.x0 || box.x1 > opts.bounds.x1 || box.y0 < opts.bounds.y0 || box.y1 > opts.bounds.y1) continue;
      if (placed.some((p) => overlaps(p.box, box, 1))) continue;
      if (marks.some((m) => (m.x !== r.x || m.y !== r.y) && overlaps({ x0: m.x - m.r, y0: m.y - m.r, x1: m.x + m.r, y1: m.y + m.r }, box, 0))) continue;
      const leader = i >= near.length ? nearest(box, r.x, r.y) : undefined;
      if (leader && placed.some((p) => segmentHitsBox(r.x, r.y, leader.x, leader.y, p.box))) continue;
      if (placed.some((p) => p.leader && segmentHitsBox(p.x, p.y, p.leader.x, p.leader.y, box))) continue;
      placed.push({ ...r, tx, ty, anchor, box, ...(leader ? { leader } : {}) });
      break;
    }
  }
  return placed;
}

/** The SVG line from a marker to its label when the label was moved away, or "" when it sits beside it. */
export function leaderLine(l: PlacedLabel): string {
  if (!l.leader) return "";
  const f = (v: number) => Math.round(v * 10) / 10;
  return `<line class="leader" x1="${f(l.x)}" y1="${f(l.y)}" x2="${f(l.leader.x)}" y2="${f(l.leader.y)}" stroke="#9ca3af" stroke-width="0.75"/>`;
}
