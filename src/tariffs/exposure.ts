import type { SourceRef } from "../domain/vocabulary.ts";
import { round } from "../simulate/quantiles.ts";
import type { Store } from "../store/store.ts";
import { hsHeadingNames, usImportsFrom, type ImportLine } from "../store/queries/tariffs.ts";
import { loadTariffs, resolvePartner, type TariffContext } from "./book.ts";
import type { Measure } from "./measure.ts";
import { parseTariffRequest, type TariffRequestInput } from "./request.ts";
import type { ActiveRule, LineRate } from "./rules.ts";
import { coverageFor } from "./coverage.ts";
import { tradeEffect, type TradeEffect } from "./effect.ts";

export interface ProductRow { hs: string; description: string | null; tradeValue: number; duty: number; rate: number; baselineRate: number }
export interface MeasureRow {
  id: string; authority: string; instrument: string; federalRegister: string | null; signed: string | null; effective: string; end: string | null;
  headings: string; modelled: boolean; tradeValue: number; dutyAdded: number; linesCovered: number; evidenceNote: string; notModelled: string | null; sources: string[];
}

/** The answer of `chokepoint tariffs`: the exporter's 2024 US sales priced at the measures in force on a day. */
export interface TariffExposure {
  exporter: string; importer: "USA"; date: string; year: 2024;
  tradeValue: number; duty: number; effectiveRate: number; baselineDuty: number; baselineRate: number; addedDuty: number;
  byChapter: ProductRow[]; byProduct: ProductRow[];
  topLines: { hs10: string; tradeValue: number; rate: number; baselineRate: number; measures: string[] }[];
  measures: MeasureRow[];
  effect: TradeEffect | null;
  sources: SourceRef[];
  coverage: { complete: boolean; warnings: string[] };
}

/** Rates of every line of one partner's 2024 US imports at a day. */
export function rateLines(ctx: TariffContext, partner: string, day: string, lines: readonly ImportLine[]): { rules: ActiveRule[]; rates: LineRate[] } {
  const rules = ctx.book.active(partner, day);
  return { rules, rates: lines.map((l) => ctx.book.lineRate(l.hs10, l.value > 0 ? l.duty / l.value : 0, rules)) };
}

/**
 * Duty on the exporter's 2024 US imports (customs value, constant volume) under the measures in force on
 * `date`, beside the 2024 duty actually paid; by HS chapter, HS4 product and HS10 line; each measure's
 * covered trade and added duty; optionally the trade effect (SMART-style Monte Carlo).
 * @example const r = await tariffs(store, { exporter: "JPN", date: "2025-10-14" }); r.effectiveRate
 */
export async function tariffs(store: Store, input: TariffRequestInput): Promise<TariffExposure> {
  const req = parseTariffRequest(input);
  const ctx = await loadTariffs(store);
  const partner = resolvePartner(ctx.partners, req.exporter);
  const lines = await usImportsFrom(store, partner.id);
  const { rules, rates } = rateLines(ctx, partner.id, req.date, lines);
  const names = await hsHeadingNames(store);

  let value = 0, duty = 0, base = 0;
  const chap = new Map<string, [number, number, number]>(), head = new Map<string, [number, number, number]>();
  const byMeasure = new Map<string, { value: number; added: number; lines: number }>();
  const add = (m: Map<string, [number, number, number]>, k: string, v: number, d: number, b: number) => {
    const a = m.get(k) ?? [0, 0, 0];
    m.set(k, [a[0] + v, a[1] + d, a[2] + b]);
  };
  lines.forEach((l, i) => {
    const r = rates[i], d = l.value * r.total;
    value += l.value; duty += d; base += l.duty;
    add(chap, l.hs10.slice(0, 2), l.value, d, l.duty);
    add(head, l.hs10.slice(0, 4), l.value, d, l.duty);
    for (const p of r.parts) tally(byMeasure, p.measure, l.value, l.value * p.added);
    for (const u of r.uncharged) tally(byMeasure, u, l.value, 0);
  });
  const rows = (m: Map<string, [number, number, number]>) =>
    [...m].map(([hs, [v, d, b]]) => ({ hs, description: names.get(hs) ?? null, tradeValue: Math.round(v), duty: Math.round(d), rate: v > 0 ? round(d / v, 6) : 0, baselineRate: v > 0 ? round(b / v, 6) : 0 }))
      .sort((a, b) => b.tradeValue - a.tradeValue);
  // Rule-less measures (the Supreme Court ruling) are context from the day they were made.
  const context = ctx.book.measures.filter((m) => !m.rules.length && m.signed !== null && m.signed <= req.date);
  const activeMeasures = [...new Map([...rules.map((r) => r.measure), ...context].map((m) => [m.id, m])).values()];
  const measures = activeMeasures.map((m) => measureRow(m, byMeasure.get(m.id)));
  const topLines = lines.map((l, i) => ({ l, r: rates[i] }))
    .filter(({ r }) => r.parts.length)
    .sort((a, b) => b.l.value * (b.r.total - b.r.base) - a.l.value * (a.r.total - a.r.base))
    .slice(0, req.top)
    .map(({ l, r }) => ({ hs10: l.hs10, tradeValue: Math.round(l.value), rate: round(r.total, 6), baselineRate: round(r.base, 6), measures: r.parts.map((p) => p.measure) }));
  const effect = req.effect ? await tradeEffect(store, ctx, partner.id, req.date, { runs: req.runs, seed: req.seed }) : null;
  return {
    exporter: partner.id, importer: "USA", date: req.date, year: 2024,
    tradeValue: Math.round(value), duty: Math.round(duty), effectiveRate: value > 0 ? round(duty / value, 6) : 0,
    baselineDuty: Math.round(base), baselineRate: value > 0 ? round(base / value, 6) : 0, addedDuty: Math.round(duty - base),
    byChapter: rows(chap), byProduct: rows(head).slice(0, req.top), topLines, measures, effect,
    sources: [ctx.sources.imports, ctx.sources.measures],
    coverage: coverageFor(partner.id, activeMeasures, measures, effect),
  };
}

function tally(m: Map<string, { value: number; added: number; lines: number }>, id: string, v: number, added: number): void {
  const a = m.get(id) ?? { value: 0, added: 0, lines: 0 };
  m.set(id, { value: a.value + v, added: a.added + added, lines: a.lines + 1 });
}

function measureRow(m: Measure, t: { value: number; added: number; lines: number } | undefined): MeasureRow {
  return {
    id: m.id, authority: m.authority, instrument: m.instrument, federalRegister: m.federalRegister, signed: m.signed, effective: m.effective, end: m.end,
    headings: m.headings, modelled: m.modelled, tradeValue: Math.round(t?.value ?? 0), dutyAdded: Math.round(t?.added ?? 0), linesCovered: t?.lines ?? 0,
    evidenceNote: m.evidenceNote, notModelled: m.notModelled, sources: m.sources,
  };
}
