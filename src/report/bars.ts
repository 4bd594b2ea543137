import { esc, footnote, footnoteLines, n, pct, sourceLine, svgOpen } from "./svg.ts";

export interface BarsInput {
  title: string;
  rows: { label: string; share: number; highlight?: boolean }[];
  sources: { dataset: string; edition?: string; year?: number }[];
  /** Draw a reference line (e.g. the CRM Act's 65 % cap). */
  line?: { at: number; label: string };
  width?: number;
}

/**
 * Horizontal bars of shares (suppliers of a material) as an SVG string.
 * @example barsSvg({ title: "Suppliers", rows: [{ label: "China", share: 0.98 }], sources, line: { at: 0.65, label: "65 % cap" } })
 */
export function barsSvg(input: BarsInput): string {
  const width = input.width ?? 640;
  const rows = input.rows.slice(0, 10);
  const bar = 20;
  const src = sourceLine(input.sources);
  const chars = Math.floor(width / 5.6);
  const foot = 12 * footnoteLines(src, chars);
  const m = { top: 8, left: 150, right: 60, bottom: 24 + foot };
  const height = m.top + rows.length * (bar + 6) + m.bottom;
  const x = (v: number) => m.left + v * (width - m.left - m.right);
  const out = [svgOpen(width, height, input.title, "cp-bars")];
  rows.forEach((r, i) => {
    const y = m.top + i * (bar + 6);
    out.push(`<text x="${m.left - 6}" y="${n(y + bar / 2)}" dy="0.35em" text-anchor="end" fill="#111827">${esc(r.label)}</text>`);
    out.push(`<rect x="${m.left}" y="${y}" width="${n(x(r.share) - m.left)}" height="${bar}" fill="${r.highlight ? "#c2410c" : "#2563eb"}"/>`);
    out.push(`<text x="${n(x(r.share) + 4)}" y="${n(y + bar / 2)}" dy="0.35em" fill="#374151">${esc(pct(r.share))}</text>`);
  });
  if (input.line) {
    const lx = x(input.line.at);
    out.push(`<line x1="${n(lx)}" x2="${n(lx)}" y1="${m.top - 4}" y2="${height - m.bottom + 2}" stroke="#b91c1c" stroke-dasharray="4 3"/><text x="${n(lx)}" y="${height - m.bottom + 14}" text-anchor="middle" fill="#b91c1c">${esc(input.line.label)}</text>`);
  }
  out.push(`${footnote(0, height - foot + 6, src, chars)}</svg>`);
  return out.join("");
}
