import { leaderLine, placeLabels } from "./labels.ts";
import { esc, footnote, footnoteLines, n, sourceLine, svgOpen } from "./svg.ts";

export interface MatrixPoint {
  material: string;
  name: string;
  sr: number;
  ei: number;
  critical: boolean;
  strategic: boolean;
  /** When the SR is known only within bounds (import reliance unknown): drawn as a bar, `sr` its midpoint. */
  srRange?: [number, number];
}

export interface MatrixInput {
  title: string;
  points: MatrixPoint[];
  sources: { dataset: string; edition?: string; year?: number }[];
  width?: number;
  /** Thresholds of the EU method: SR ≥ 1 and EI ≥ 2.8 (EC 2017 guidelines). */
  srThreshold?: number;
  eiThreshold?: number;
}

/**
 * The criticality matrix (economic importance on x, supply risk on y, one bubble per material,
 * the critical zone shaded) as an SVG string, like the chart of the EU 2023 study.
 *
 * @example matrixSvg({ title: "EU27", points: [{ material: "gallium", name: "Gallium", sr: 3.8, ei: 3.8, critical: true, strategic: true }], sources })
 */
export function matrixSvg(input: MatrixInput): string {
  const width = input.width ?? 720;
  const src = sourceLine(input.sources);
  const chars = Math.floor(width / 6.2);
  const foot = 12 * footnoteLines(src, chars);
  // A phone-width chart is drawn taller and its legend takes two lines (text stays 9–11 px).
  const narrow = width < 560;
  const extra = narrow ? 14 : 0;
  const height = Math.round(width * (narrow ? 0.95 : 0.62)) + foot + extra;
  const m = { top: 16, right: 16, bottom: 72 + foot + extra, left: 44 };
  const srT = input.srThreshold ?? 1;
  const eiT = input.eiThreshold ?? 2.8;
  const pts = input.points.filter((p) => Number.isFinite(p.sr) && Number.isFinite(p.ei));
  const xMax = Math.ceil(Math.max(7, ...pts.map((p) => p.ei)));
  const yMax = Math.ceil(Math.max(5, ...pts.map((p) => p.srRange?.[1] ?? p.sr)));
  const x = (v: number) => m.left + (v / xMax) * (width - m.left - m.right);
  const y = (v: number) => height - m.bottom - (v / yMax) * (height - m.top - m.bottom);
  const out = [svgOpen(width, height, input.title, "cp-matrix")];
  out.push(`<rect x="${n(x(eiT))}" y="${n(y(yMax))}" width="${n(x(xMax) - x(eiT))}" height="${n(y(srT) - y(yMax))}" fill="#fef2f2"/>`);
  out.push(`<g stroke="#e5e7eb">`);
  for (let i = 0; i <= xMax; i++) out.push(`<line x1="${n(x(i))}" x2="${n(x(i))}" y1="${n(y(0))}" y2="${n(y(yMax))}"/>`);
  for (let i = 0; i <= yMax; i++) out.push(`<line x1="${n(x(0))}" x2="${n(x(xMax))}" y1="${n(y(i))}" y2="${n(y(i))}"/>`);
  out.push(`</g><g fill="#374151">`);
  for (let i = 0; i <= xMax; i++) out.push(`<text x="${n(x(i))}" y="${n(y(0) + 14)}" text-anchor="middle">${i}</text>`);
  for (let i = 0; i <= yMax; i++) out.push(`<text x="${n(x(0) - 6)}" y="${n(y(i))}" dy="0.35em" text-anchor="end">${i}</text>`);
  out.push(`<text x="${n((x(0) + x(xMax)) / 2)}" y="${n(y(0) + 30)}" text-anchor="middle">Economic importance (EI)</text>`);
  out.push(`<text transform="translate(12,${n((y(0) + y(yMax)) / 2)}) rotate(-90)" text-anchor="middle">Supply risk (SR)</text></g>`);
  out.push(`<g stroke="#b91c1c" stroke-dasharray="4 3"><line x1="${n(x(eiT))}" x2="${n(x(eiT))}" y1="${n(y(0))}" y2="${n(y(yMax))}"/><line x1="${n(x(0))}" x2="${n(x(xMax))}" y1="${n(y(srT))}" y2="${n(y(srT))}"/></g>`);
  out.push(`<text x="${n(x(xMax) - 4)}" y="${n(y(yMax) + 12)}" text-anchor="end" fill="#b91c1c">critical: SR ≥ ${srT}, EI ≥ ${eiT}</text>`);
  const sorted = [...pts].sort((a, b) => a.material.localeCompare(b.material));
  out.push(`<g>`);
  for (const p of sorted) {
    const fill = p.strategic ? "#c2410c" : p.critical ? "#2563eb" : "#9ca3af";
    const tail = `EI ${p.ei.toFixed(2)}${p.critical ? " — critical" : ""}${p.strategic ? ", strategic" : ""} — ${src}`;
    if (p.srRange) {
      const [lo, hi] = p.srRange;
      out.push(
        `<g class="pt range" data-material="${esc(p.material)}"><line x1="${n(x(p.ei))}" x2="${n(x(p.ei))}" y1="${n(y(lo))}" y2="${n(y(hi))}" stroke="${fill}" stroke-width="3" stroke-opacity="0.6"/><circle cx="${n(x(p.ei))}" cy="${n(y(p.sr))}" r="4" fill="#fff" stroke="${fill}" stroke-width="2"/><title>${esc(`${p.name}: SR between ${lo.toFixed(2)} and ${hi.toFixed(2)} (import reliance unknown), ${tail}`)}</title></g>`,
      );
      continue;
    }
    out.push(
      `<g class="pt" data-material="${esc(p.material)}"><circle cx="${n(x(p.ei))}" cy="${n(y(p.sr))}" r="5" fill="${fill}" fill-opacity="0.8" stroke="#fff"/><title>${esc(`${p.name}: SR ${p.sr.toFixed(2)}, ${tail}`)}</title></g>`,
    );
  }
  out.push(`</g><g class="labels" font-size="9" fill="#111827">`);
  // Most important first (critical, then highest SR); a label that has no free place is left off.
  const placed = placeLabels(
    labelled(sorted).map((p) => ({ x: x(p.ei), y: y(p.sr), text: p.name })),
    { fontSize: 9, bounds: { x0: x(0), y0: y(yMax), x1: x(xMax), y1: y(0) }, markers: sorted.map((p) => ({ x: x(p.ei), y: y(p.sr), r: 5 })) },
  );
  for (const l of placed) out.push(`${leaderLine(l)}<text x="${n(l.tx)}" y="${n(l.ty)}" dy="0.35em" text-anchor="${l.anchor}">${esc(l.text)}</text>`);
  out.push(`</g>`);
  const ly = y(0) + 52;
  const rangeKey = pts.some((p) => p.srRange)
    ? `<g transform="translate(${narrow ? -300 : 0},${extra})"><line x1="305" x2="305" y1="-10" y2="4" stroke="#9ca3af" stroke-width="3"/><circle r="4" cx="305" cy="-3" fill="#fff" stroke="#9ca3af" stroke-width="2"/><text x="314" y="0">SR bounded (import reliance unknown)</text></g>`
    : "";
  out.push(`<g transform="translate(${m.left},${ly})" fill="#374151"><circle r="5" cx="5" cy="-3" fill="#c2410c"/><text x="14" y="0">strategic (CRM Act)</text><circle r="5" cx="135" cy="-3" fill="#2563eb"/><text x="144" y="0">critical</text><circle r="5" cx="205" cy="-3" fill="#9ca3af"/><text x="214" y="0">not critical</text>${rangeKey}</g>`);
  out.push(`${footnote(m.left, y(0) + 70 + extra, src, chars)}</svg>`);
  return out.join("");
}

/** Labels in order of importance: critical materials, then the highest supply risks (placement drops those without room). */
function labelled(pts: MatrixPoint[]): MatrixPoint[] {
  return [...pts].sort((a, b) => Number(b.critical) - Number(a.critical) || b.sr - a.sr || a.material.localeCompare(b.material));
}
