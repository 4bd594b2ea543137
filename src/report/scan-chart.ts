import { leaderLine, placeLabels } from "./labels.ts";
import { esc, footnote, footnoteLines, n, pct, sourceLine, svgOpen } from "./svg.ts";

/** One product of a scan, as the chart needs it (a subset of `ScanProduct`). */
export interface ScanPoint {
  hs6: string;
  description: string | null;
  importValue: number;
  hhi: number;
  top: { country: string; share: number };
  topWorldShare: number;
  dependent: boolean;
}

export interface ScanChartInput {
  title: string;
  points: ScanPoint[];
  sources: { dataset: string; edition?: string; year?: number }[];
  width?: number;
  /** The Commission's concentration threshold on the HHI of extra-bloc imports (0.4). */
  hhiThreshold?: number;
  /** A line under the chart saying what is drawn (e.g. "1,000 of 5,000 products"). */
  note?: string;
}

/**
 * The chokepoint scan as a picture: one dot per HS6 product, the concentration of the bloc's
 * extra-bloc imports (HHI) across, the top supplier's share of *world* exports up (near the top,
 * the bloc cannot switch to another supplier), dot area by import value, dependent products (the
 * Commission's three criteria) in red. The products to read first sit top right.
 *
 * @example scanChartSvg({ title: "EU27, 2023", points: [{ hs6: "811292", description: null, importValue: 1e6, hhi: 0.68, top: { country: "CHN", share: 0.8 }, topWorldShare: 0.6, dependent: true }], sources })
 */
export function scanChartSvg(input: ScanChartInput): string {
  const width = input.width ?? 720;
  const src = sourceLine(input.sources);
  const chars = Math.floor(width / 6.2);
  const foot = 12 * footnoteLines(src, chars) + (input.note ? 14 : 0);
  const height = Math.round(width * 0.6) + foot;
  const m = { top: 16, right: 16, bottom: 70 + foot, left: 48 };
  const hT = input.hhiThreshold ?? 0.4;
  const x = (v: number) => m.left + v * (width - m.left - m.right);
  const y = (v: number) => height - m.bottom - v * (height - m.top - m.bottom);
  const pts = input.points.filter((p) => Number.isFinite(p.hhi) && Number.isFinite(p.topWorldShare) && p.importValue > 0);
  const vMax = Math.max(1, ...pts.map((p) => p.importValue));
  const r = (v: number) => 1.5 + 8 * Math.sqrt(v / vMax);
  const out = [svgOpen(width, height, input.title, "cp-scan")];
  out.push(`<rect x="${n(x(hT))}" y="${n(y(1))}" width="${n(x(1) - x(hT))}" height="${n(y(0) - y(1))}" fill="#fef2f2"/>`);
  out.push(`<g stroke="#e5e7eb">`);
  for (let i = 0; i <= 10; i += 2) {
    out.push(`<line x1="${n(x(i / 10))}" x2="${n(x(i / 10))}" y1="${n(y(0))}" y2="${n(y(1))}"/>`);
    out.push(`<line x1="${n(x(0))}" x2="${n(x(1))}" y1="${n(y(i / 10))}" y2="${n(y(i / 10))}"/>`);
  }
  out.push(`</g><g fill="#374151">`);
  for (let i = 0; i <= 10; i += 2) {
    out.push(`<text x="${n(x(i / 10))}" y="${n(y(0) + 14)}" text-anchor="middle">${(i / 10).toFixed(1)}</text>`);
    out.push(`<text x="${n(x(0) - 6)}" y="${n(y(i / 10))}" dy="0.35em" text-anchor="end">${i * 10} %</text>`);
  }
  out.push(`<text x="${n((x(0) + x(1)) / 2)}" y="${n(y(0) + 30)}" text-anchor="middle">Concentration of extra-bloc imports by supplier (HHI)</text>`);
  out.push(`<text transform="translate(12,${n((y(0) + y(1)) / 2)}) rotate(-90)" text-anchor="middle">${y(0) - y(1) < 160 ? "Top's world share" : y(0) - y(1) < 230 ? "Top supplier: world share" : "Top supplier's share of world exports"}</text></g>`);
  out.push(`<line stroke="#b91c1c" stroke-dasharray="4 3" x1="${n(x(hT))}" x2="${n(x(hT))}" y1="${n(y(0))}" y2="${n(y(1))}"/>`);
  out.push(`<text x="${n(x(1) - 4)}" y="${n(y(1) + 12)}" text-anchor="end" fill="#b91c1c">HHI &gt; ${hT}: concentrated (EC 2021)</text>`);
  // Big dots first so small ones stay visible on top; dependent products last of all.
  const order = [...pts].sort((a, b) => Number(a.dependent) - Number(b.dependent) || b.importValue - a.importValue || a.hs6.localeCompare(b.hs6));
  out.push(`<g>`);
  for (const p of order) {
    const fill = p.dependent ? "#dc2626" : "#6b7280";
    const label = `HS ${p.hs6}${p.description ? ` ${p.description}` : ""}: imports $${usdShort(p.importValue)} from outside, HHI ${p.hhi.toFixed(2)}, top ${p.top.country} ${pct(p.top.share, 0)} (${pct(p.topWorldShare, 0)} of world exports)${p.dependent ? " — dependent" : ""}`;
    out.push(
      `<circle class="pt${p.dependent ? " dep" : ""}" data-hs6="${esc(p.hs6)}" cx="${n(x(p.hhi))}" cy="${n(y(p.topWorldShare))}" r="${n(r(p.importValue))}" fill="${fill}" fill-opacity="${p.dependent ? 0.7 : 0.35}"><title>${esc(label)}</title></circle>`,
    );
  }
  out.push(`</g><g class="labels" font-size="9" fill="#111827">`);
  // The ten best-ranked dependent products carry their HS6 code (placed so that no two labels overlap).
  const named = pts.filter((p) => p.dependent).slice(0, 10);
  const placed = placeLabels(named.map((p) => ({ x: x(p.hhi), y: y(p.topWorldShare), text: p.hs6 })), { fontSize: 9, bounds: { x0: x(0), y0: y(1), x1: x(1), y1: y(0) }, markers: [] });
  for (const l of placed) out.push(`${leaderLine(l)}<text x="${n(l.tx)}" y="${n(l.ty)}" dy="0.35em" text-anchor="${l.anchor}">${esc(l.text)}</text>`);
  out.push(`</g>`);
  const ly = y(0) + 50;
  out.push(`<g transform="translate(${m.left},${ly})" fill="#374151"><circle r="5" cx="5" cy="-3" fill="#dc2626" fill-opacity="0.7"/><text x="14" y="0">dependent (all three EC criteria)</text><circle r="5" cx="205" cy="-3" fill="#6b7280" fill-opacity="0.35"/><text x="214" y="0">other products</text><text x="330" y="0">dot area: import value</text></g>`);
  let fy = y(0) + 68;
  if (input.note) {
    out.push(`<text x="${m.left}" y="${n(fy)}" fill="#374151">${esc(input.note)}</text>`);
    fy += 14;
  }
  out.push(`${footnote(m.left, fy, src, chars)}</svg>`);
  return out.join("");
}

/** A USD amount for people, unit-scaled. @example usdShort(1.23e9) // "1.2 bn" */
export function usdShort(v: number): string {
  if (v >= 1e9) return `${(v / 1e9).toFixed(1)} bn`;
  if (v >= 1e6) return `${(v / 1e6).toFixed(1)} m`;
  return `${Math.round(v / 1e3)} k`;
}
