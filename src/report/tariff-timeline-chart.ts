import type { TariffTimeline } from "../tariffs/timeline.ts";
import { timelineMarkList } from "./tariff-marks.ts";

export { timelineMarkList };
import { esc, footnote, footnoteLines, n, sourceLine, svgOpen } from "./svg.ts";

export interface TimelineChartInput {
  title: string;
  from: string;
  to: string;
  series: { label: string; points: { date: string; effectiveRate: number }[] }[];
  sources: { dataset: string; edition?: string; year?: number }[];
  /** Dated marks on the time axis (e.g. the Supreme Court ruling): a short label drawn, a title in the tooltip. */
  marks?: { date: string; label: string; title?: string }[];
  width?: number;
}

const COLOURS = ["#c2410c", "#2563eb", "#15803d", "#7c3aed"];
const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;

/**
 * Effective tariff rates over time as step lines (each value holds until the next date), as an SVG string.
 * @example timelineSvg({ title: "US tariffs", from: "2024-01-01", to: "2026-12-05", series: [{ label: "JPN", points }], sources })
 */
export function timelineSvg(input: TimelineChartInput): string {
  const width = input.width ?? 680;
  const src = sourceLine(input.sources);
  const chars = Math.floor(width / 5.6);
  const foot = 12 * footnoteLines(src, chars);
  const x0 = day(input.from), x1 = day(input.to);
  const left = 48, right = 70;
  const x = (d: string) => left + ((day(d) - x0) / (x1 - x0)) * (width - left - right);
  const rows = markRows((input.marks ?? []).map((mk) => ({ x: x(mk.date), w: 6.2 * mk.label.length + 4 })));
  const nRows = Math.max(1, ...rows.map((r) => r + 1));
  const m = { top: 14 + 12 * nRows, left, right, bottom: 40 + foot };
  const height = 290 + 12 * nRows + foot;
  const max = Math.max(0.05, ...input.series.flatMap((s) => s.points.map((p) => p.effectiveRate)));
  const top = Math.ceil(max * 20) / 20;
  const y = (v: number) => height - m.bottom - (v / top) * (height - m.top - m.bottom);
  const out = [svgOpen(width, height, input.title, "cp-timeline")];
  for (let v = 0; v <= top + 1e-9; v += 0.05) {
    out.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="#e5e7eb"/><text x="${m.left - 6}" y="${n(y(v))}" dy="0.35em" text-anchor="end" fill="#6b7280">${Math.round(v * 100)} %</text>`);
  }
  for (let yr = Number(input.from.slice(0, 4)); yr <= Number(input.to.slice(0, 4)); yr++) {
    const d = `${yr}-01-01`;
    if (d < input.from) continue;
    out.push(`<line x1="${n(x(d))}" x2="${n(x(d))}" y1="${m.top}" y2="${n(height - m.bottom)}" stroke="#d1d5db"/><text x="${n(x(d))}" y="${n(height - m.bottom + 14)}" text-anchor="middle" fill="#6b7280">${yr}</text>`);
  }
  (input.marks ?? []).forEach((mk, i) => {
    const ty = 12 + 12 * rows[i];
    out.push(`<g class="mark" data-date="${esc(mk.date)}"><title>${esc(mk.date)}${mk.title ? `: ${esc(mk.title)}` : ""}</title><line x1="${n(x(mk.date))}" x2="${n(x(mk.date))}" y1="${ty + 2}" y2="${n(height - m.bottom)}" stroke="#9ca3af" stroke-dasharray="3 3"/><text x="${n(x(mk.date) + 2)}" y="${ty}" fill="#374151" font-size="10">${esc(mk.label)}</text></g>`);
  });
  const ends = endLabelY(input.series.map((s) => { const last = s.points[s.points.length - 1]; return last ? y(last.effectiveRate) : NaN; }), 12);
  input.series.forEach((s, i) => {
    const c = COLOURS[i % COLOURS.length];
    const pts: string[] = [];
    s.points.forEach((p, j) => {
      const next = s.points[j + 1]?.date ?? input.to;
      pts.push(`${n(x(p.date))},${n(y(p.effectiveRate))}`, `${n(x(next))},${n(y(p.effectiveRate))}`);
    });
    out.push(`<polyline fill="none" stroke="${c}" stroke-width="2" points="${pts.join(" ")}" data-series="${esc(s.label)}"/>`);
    // A dot where each step starts, its value in a tooltip (and for readers of the SVG).
    for (const p of s.points) out.push(`<circle class="step" cx="${n(x(p.date))}" cy="${n(y(p.effectiveRate))}" r="2.5" fill="${c}"><title>${esc(s.label)} ${p.date}: ${(p.effectiveRate * 100).toFixed(1)} %</title></circle>`);
    const last = s.points[s.points.length - 1];
    if (last) out.push(`<text class="end" x="${n(width - m.right + 4)}" y="${n(ends[i])}" dy="0.35em" fill="${c}" font-weight="600">${esc(s.label)} ${(last.effectiveRate * 100).toFixed(1)} %</text>`);
  });
  out.push(`${footnote(0, height - foot + 6, src, chars)}</svg>`);
  return out.join("");
}

/**
 * The y of each series' end label: its line's end, pushed apart so no two are closer than `gap` px.
 * @example endLabelY([100, 104], 12) // [96, 108]
 */
export function endLabelY(ys: number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).filter((o) => Number.isFinite(o.y)).sort((a, b) => a.y - b.y);
  const out = [...ys];
  for (let k = 0; k < 40; k++) {
    let moved = false;
    for (let j = 1; j < order.length; j++) {
      const a = order[j - 1], b = order[j];
      const d = out[b.i] - out[a.i];
      if (d < gap - 1e-9) {
        out[a.i] -= (gap - d) / 2;
        out[b.i] += (gap - d) / 2;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return out;
}

/**
 * Rows for mark labels so none overlaps the one before it in its row (greedy, left to right).
 * @example markRows([{ x: 10, w: 10 }, { x: 15, w: 10 }, { x: 40, w: 10 }]) // [0, 1, 0]
 */
export function markRows(labels: { x: number; w: number }[]): number[] {
  const ends: number[] = [];
  return labels.map(({ x, w }) => {
    let r = ends.findIndex((e) => e <= x);
    if (r < 0) r = ends.length;
    ends[r] = x + w;
    return r;
  });
}

/** The timeline as chart input: one series per exporter, every measure date numbered (see `timelineMarkList` for the names). */
export function timelineChartInput(t: TariffTimeline): TimelineChartInput {
  return {
    title: `Effective US tariff rate on ${t.series.map((s) => s.exporter).join(" and ")} exports (2024 trade weights)`,
    from: t.from, to: t.to,
    series: t.series.map((s) => ({ label: s.exporter, points: s.points })),
    sources: t.sources,
    marks: timelineMarkList(t).map((m) => ({ date: m.date, label: String(m.n), title: m.text })),
  };
}
