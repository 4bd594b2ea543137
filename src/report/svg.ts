/** Small helpers for writing SVG as text (no DOM), shared by the map, Sankey, matrix and bars. */

/** Escape text for XML content and attribute values. @example esc("A & B") // "A &amp; B" */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A number for SVG coordinates: at most 2 decimals, no "-0". @example n(1.23456) // "1.23" */
export function n(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A share as a percentage for people. @example pct(0.9841) // "98.4 %" */
export function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)} %`;
}

/** Provenance as one line. @example sourceLine([{ dataset: "USGS MCS", edition: "2024", year: 2023 }]) */
export function sourceLine(sources: readonly { dataset: string; edition?: string; year?: number }[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const s of sources) {
    const t = `${s.dataset}${s.edition ? ` (${s.edition}${s.year ? `, ${s.year}` : ""})` : s.year ? ` (${s.year})` : ""}`;
    if (!seen.has(t)) parts.push(t);
    seen.add(t);
  }
  return `Source: ${parts.join("; ")}`;
}

/** Open an SVG document with a title and description for screen readers. */
export function svgOpen(width: number, height: number, title: string, cls: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="${esc(cls)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${esc(cls)}-title" font-family="system-ui, sans-serif" font-size="11"><title id="${esc(cls)}-title">${esc(title)}</title>`;
}

/** Sequential colour from light to dark blue for a value 0–1 (perceptually even enough for 6 steps). */
export function blues(t: number): string {
  const stops = ["#eef4fb", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
  const x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  return mix(stops[i], stops[i + 1], x - i);
}

function mix(a: string, b: string, t: number): string {
  const p = (h: string, i: number) => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
  const c = [0, 1, 2].map((i) => Math.round(p(a, i) + (p(b, i) - p(a, i)) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/** A source footnote wrapped onto lines of at most `chars` characters (SVG has no text wrapping). */
export function footnote(x: number, y: number, text: string, chars = 110): string {
  const lines: string[] = [];
  let cur = "";
  for (const w of text.split(" ")) {
    if (cur && cur.length + w.length + 1 > chars) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return `<text class="source" x="${n(x)}" y="${n(y)}" fill="#6b7280" font-size="10">${lines.map((l, i) => `<tspan x="${n(x)}" dy="${i ? 12 : 0}">${esc(l)}</tspan>`).join("")}</text>`;
}

/** Lines a footnote will take. */
export function footnoteLines(text: string, chars = 110): number {
  return footnote(0, 0, text, chars).split("<tspan").length - 1;
}
