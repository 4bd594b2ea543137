import type { MonthlyFlow } from "../../store/queries/monitor.ts";
import type { SourceRef } from "../../domain/vocabulary.ts";
import { DEFAULT_DETECT, scoreSeries, type DetectOptions } from "./baseline.ts";

/** A month in which a flow collapsed or spiked against its seasonal robust baseline. */
export interface Anomaly {
  exporter: string;
  importer: string;
  material: string;
  materials: string[];
  product: string;
  period: string;
  kind: "collapse" | "spike";
  score: number;
  baseline: number;
  observed: number;
  unit: "USD";
  source: SourceRef;
}

/** A monthly series: one exporter → importer (country, bloc or WLD) flow of one HS6 product. */
export interface Series {
  exporter: string;
  importer: string;
  product: string;
  start: number; // first month as year*12 + (month-1)
  values: number[];
  source: SourceRef;
}

/** How to group partners: each partner alone plus the world total, or one bloc summed. */
export interface Grouping {
  bloc?: { id: string; members: string[] };
}

const key = (y: number, m: number) => y * 12 + (m - 1);
export const period = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;

/**
 * Build zero-filled monthly series from flows: a month without a row is a month without trade.
 * Series run over the whole span the dataset covers, so a flow that stops shows as zeros.
 *
 * @example buildSeries(rows, {}) // per partner and "WLD" for each exporter × product
 */
export function buildSeries(rows: readonly MonthlyFlow[], g: Grouping): Series[] {
  if (rows.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, key(r.year, r.month));
    hi = Math.max(hi, key(r.year, r.month));
  }
  const series = new Map<string, Series>();
  const add = (importer: string, r: MonthlyFlow) => {
    const id = `${r.exporter}|${importer}|${r.product}`;
    let s = series.get(id);
    if (!s) {
      s = { exporter: r.exporter, importer, product: r.product, start: lo, values: new Array(hi - lo + 1).fill(0), source: { dataset: r.dataset, edition: r.edition } };
      series.set(id, s);
    }
    s.values[key(r.year, r.month) - lo] += r.value;
  };
  for (const r of rows) {
    if (g.bloc) {
      if (g.bloc.members.includes(r.importer)) add(g.bloc.id, r);
    } else {
      add(r.importer, r);
      add("WLD", r);
    }
  }
  return [...series.values()];
}

/**
 * Collapses and spikes in every series (see `scoreSeries` for the method), with materials from the
 * HS6 → material map (basket codes name all their materials; `material` is the first).
 *
 * @example detectAnomalies(series, new Map([["811292", ["gallium", "germanium"]]]))
 */
export function detectAnomalies(series: readonly Series[], materials: Map<string, string[]>, opts: DetectOptions = DEFAULT_DETECT): Anomaly[] {
  const out: Anomaly[] = [];
  for (const s of series) {
    const mats = materials.get(s.product) ?? [];
    for (const m of scoreSeries(s.values, s.start % 12, opts)) {
      if (!m.kind) continue;
      const k = s.start + m.index;
      out.push({
        exporter: s.exporter,
        importer: s.importer,
        material: mats[0] ?? s.product,
        materials: mats,
        product: s.product,
        period: period(k),
        kind: m.kind,
        score: Math.round(m.score * 100) / 100,
        baseline: Math.round(m.baseline),
        observed: Math.round(m.observed),
        unit: "USD",
        source: { ...s.source, year: Math.floor(k / 12) },
      });
    }
  }
  return out;
}
