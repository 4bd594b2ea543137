import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { blues, esc, footnote, footnoteLines, pct, sourceLine, svgOpen } from "./svg.ts";

export interface MapInput {
  title: string;
  /** Shares of world supply by ISO3 country (0–1). */
  shares: { country: string; name?: string; share: number }[];
  /** ISO3 → ISO 3166 numeric code (world-atlas ids), e.g. CHN → "156". */
  numeric: Record<string, string>;
  sources: { dataset: string; edition?: string; year?: number }[];
  /** Countries to outline as the bloc (ISO3). */
  bloc?: string[];
  width?: number;
}

/**
 * A world choropleth of supply shares as an SVG string, drawn with d3-geo (Equal Earth) on the
 * world-atlas 110m countries — no DOM, no tiles. Each country carries a <title> with its share
 * and the source, so hovering shows provenance.
 *
 * @example
 * const svg = worldMapSvg(topology, { title: "Gallium, processing, 2023", shares: [{ country: "CHN", share: 0.984 }], numeric: { CHN: "156" }, sources });
 */
export function worldMapSvg(topology: Topology, input: MapInput): string {
  const width = input.width ?? 720;
  const height = Math.round(width * 0.52);
  const src = sourceLine(input.sources);
  const chars = Math.floor(width / 6.2);
  // The legend's caption goes under the colour steps where it would not fit beside them (phones).
  const below = width < 5 * 48 + 10 + 6.2 * 40;
  const legendH = 36 + (below ? 14 : 0) + 12 * footnoteLines(src, chars);
  const land = feature(topology, topology.objects.countries as GeometryCollection);
  const projection = geoEqualEarth().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
  const path = geoPath(projection);
  const byNumeric = new Map<string, MapInput["shares"][number]>();
  for (const s of input.shares) {
    const id = input.numeric[s.country];
    if (id) byNumeric.set(id, s);
  }
  const max = Math.max(...input.shares.map((s) => s.share), 0.0001);
  const bloc = new Set((input.bloc ?? []).map((c) => input.numeric[c]).filter(Boolean));
  const out = [svgOpen(width, height + legendH, input.title, "cp-map")];
  out.push(`<path d="${path({ type: "Sphere" })}" fill="#f7f9fc" stroke="#c9d3df"/>`);
  for (const f of land.features) {
    const id = String(f.id ?? "");
    const s = byNumeric.get(id);
    const d = path(f);
    if (!d) continue;
    const name = s?.name ?? (f.properties as { name?: string } | null)?.name ?? id;
    const fill = s ? blues(0.15 + 0.85 * (s.share / max)) : "#e4e7eb";
    const stroke = bloc.has(id) ? ` stroke="#c2410c" stroke-width="1.2"` : ` stroke="#ffffff" stroke-width="0.4"`;
    const title = s ? `${name}: ${pct(s.share)} — ${src}` : `${name}: no production recorded`;
    out.push(`<path d="${d}" fill="${fill}"${stroke}><title>${esc(title)}</title></path>`);
  }
  const y = height + 8;
  const steps = 5;
  out.push(`<g class="legend" transform="translate(8,${y})">`);
  for (let i = 0; i < steps; i++) {
    const v = (max * (i + 1)) / steps;
    out.push(`<rect x="${i * 48}" y="0" width="48" height="10" fill="${blues(0.15 + 0.85 * ((i + 1) / steps))}"/>`);
    out.push(`<text x="${i * 48 + 48}" y="22" text-anchor="end" fill="#374151">${esc(pct(v, 0))}</text>`);
  }
  out.push(`<text x="${below ? 0 : steps * 48 + 10}" y="${below ? 36 : 9}" fill="#374151">share of world supply${bloc.size ? " · bloc outlined" : ""}</text>`);
  out.push(`${footnote(0, below ? 50 : 36, src, chars)}</g>`);
  out.push("</svg>");
  return out.join("");
}
