import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from "d3-sankey";
import { esc, footnote, footnoteLines, n, sourceLine, svgOpen } from "./svg.ts";

/** One flow: a supplier country ships `value` of a material at a stage to a bloc. */
export interface Flow {
  supplier: string;
  /** The supplier's name for people (the ISO3 code is shown when absent). */
  name?: string;
  stage: string;
  bloc: string;
  value: number;
}

export interface SankeyInput {
  title: string;
  flows: Flow[];
  unit: string;
  sources: { dataset: string; edition?: string; year?: number }[];
  /** Suppliers beyond this many (by total value) are merged into "Other". */
  maxSuppliers?: number;
  width?: number;
}

type N = { id: string; label: string; column: number };
type L = { source: string; target: string; value: number };

const PALETTE = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#be185d", "#4d7c0f", "#9ca3af"];

/**
 * A Sankey from supplier countries through the stage (ore/concentrate or refined) to EU27 and
 * JPN as an SVG string, laid out by d3-sankey and drawn without a DOM. Links carry <title>s
 * with the value and the source.
 *
 * @example sankeySvg({ title: "Cobalt imports", unit: "USD", flows: [{ supplier: "COD", stage: "extraction", bloc: "EU27", value: 1e6 }], sources })
 */
export function sankeySvg(input: SankeyInput): string {
  const width = input.width ?? 720;
  const src = sourceLine(input.sources);
  const chars = Math.floor(width / 6.2);
  const foot = 12 * footnoteLines(src, chars);
  const height = 360 + foot;
  const keep = topSuppliers(input.flows, input.maxSuppliers ?? 8);
  const links = new Map<string, L>();
  const add = (source: string, target: string, value: number) => {
    const k = `${source}→${target}`;
    const l = links.get(k) ?? { source, target, value: 0 };
    l.value += value;
    links.set(k, l);
  };
  const names = new Map(input.flows.filter((f) => f.name).map((f) => [f.supplier, f.name!]));
  for (const f of input.flows) {
    if (!(f.value > 0)) continue;
    const s = keep.has(f.supplier) ? f.supplier : "Other";
    add(`c:${s}`, `s:${f.stage}`, f.value);
    add(`s:${f.stage}`, `b:${f.bloc}`, f.value);
  }
  const ids = new Set([...links.values()].flatMap((l) => [l.source, l.target]));
  const nodes: N[] = [...ids].map((id) => ({ id, label: (id[0] === "c" ? names.get(id.slice(2)) : undefined) ?? id.slice(2), column: id[0] === "c" ? 0 : id[0] === "s" ? 1 : 2 }));
  const order = (a: N, b: N) => a.column - b.column || total(links, b.id) - total(links, a.id) || a.id.localeCompare(b.id);
  nodes.sort(order);
  const layout = sankey<N, L>()
    .nodeId((d) => d.id)
    .nodeWidth(12)
    .nodePadding(10)
    .nodeSort(order)
    .extent([[1, 24], [width - 1, height - 20 - foot]]);
  const graph = layout({ nodes: nodes.map((d) => ({ ...d })), links: [...links.values()].map((d) => ({ ...d })) });
  const colour = new Map([...keep, "Other"].map((c, i) => [`c:${c}`, c === "Other" ? PALETTE[8] : PALETTE[i % 8]]));
  const fmt = (v: number) => `${v >= 1e9 ? (v / 1e9).toFixed(2) + " bn" : v >= 1e6 ? (v / 1e6).toFixed(1) + " m" : Math.round(v).toLocaleString("en")} ${input.unit}`;
  const out = [svgOpen(width, height, input.title, "cp-sankey")];
  out.push(`<g fill="#374151" font-weight="600"><text x="1" y="14">Supplier</text><text x="${n(width / 2)}" y="14" text-anchor="middle">Stage</text><text x="${width - 1}" y="14" text-anchor="end">Importing bloc</text></g>`);
  const path = sankeyLinkHorizontal();
  out.push(`<g fill="none" stroke-opacity="0.45">`);
  for (const l of graph.links as SankeyLink<N, L>[]) {
    const s = l.source as SankeyNode<N, L>;
    const t = l.target as SankeyNode<N, L>;
    const c = colour.get(s.column === 0 ? s.id : "") ?? "#94a3b8";
    out.push(`<path d="${path(l as never)}" stroke="${c}" stroke-width="${n(Math.max(1, l.width ?? 1))}"><title>${esc(`${s.label} → ${t.label}: ${fmt(l.value)} — ${src}`)}</title></path>`);
  }
  out.push(`</g><g>`);
  for (const d of graph.nodes as SankeyNode<N, L>[]) {
    const x0 = d.x0 ?? 0, x1 = d.x1 ?? 0, y0 = d.y0 ?? 0, y1 = d.y1 ?? 0;
    out.push(`<rect x="${n(x0)}" y="${n(y0)}" width="${n(x1 - x0)}" height="${n(Math.max(1, y1 - y0))}" fill="${colour.get(d.id) ?? "#475569"}"><title>${esc(`${d.label}: ${fmt(d.value ?? 0)}`)}</title></rect>`);
    const left = d.column < 2;
    // Narrow: stage and bloc labels on two lines, so the stage's label never runs into the bloc's.
    const twoLines = width < 600 && d.column >= 1;
    const tx = n(left ? x1 + 6 : x0 - 6);
    out.push(twoLines
      ? `<text x="${tx}" y="${n((y0 + y1) / 2)}" dy="-0.25em" text-anchor="${left ? "start" : "end"}" fill="#111827">${esc(d.label)}<tspan x="${tx}" dy="1.2em" fill="#4b5563">${esc(fmt(d.value ?? 0))}</tspan></text>`
      : `<text x="${tx}" y="${n((y0 + y1) / 2)}" dy="0.35em" text-anchor="${left ? "start" : "end"}" fill="#111827">${esc(d.label)} <tspan fill="#4b5563">${esc(fmt(d.value ?? 0))}</tspan></text>`);
  }
  out.push(`</g>${footnote(1, height - foot + 2, src, chars)}</svg>`);
  return out.join("");
}

function topSuppliers(flows: Flow[], max: number): Set<string> {
  const t = new Map<string, number>();
  for (const f of flows) t.set(f.supplier, (t.get(f.supplier) ?? 0) + f.value);
  return new Set([...t].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, max).map(([c]) => c));
}

function total(links: Map<string, L>, id: string): number {
  let s = 0;
  for (const l of links.values()) if (l.source === id || l.target === id) s += l.value;
  return s;
}
