import type { SourceRef } from "../domain/vocabulary.ts";
import { round } from "../simulate/quantiles.ts";
import type { Store } from "../store/store.ts";
import { usImportsFrom } from "../store/queries/tariffs.ts";
import { loadTariffs, resolvePartner } from "./book.ts";
import { rateLines } from "./exposure.ts";
import { parseTimelineRequest } from "./request.ts";
import type { Measure, Rule } from "./measure.ts";

export const TIMELINE_START = "2024-01-01";

export interface TimelinePoint { date: string; effectiveRate: number; duty: number; measures: string[] }
/** What happens on a measure date for the exporters asked: a measure's rules start, change or end (`context`: a ruling with no rules of its own). */
export interface TimelineEvent { date: string; changes: { measure: string; authority: string; kind: "starts" | "changes" | "ends" | "context" }[] }
export interface TariffTimeline {
  from: string; to: string;
  series: { exporter: string; tradeValue: number; baselineRate: number; points: TimelinePoint[] }[];
  /** Every measure date in (from, to] with what starts, changes or ends on it. */
  events: TimelineEvent[];
  sources: SourceRef[];
  coverage: { complete: boolean; warnings: string[] };
}

/**
 * Effective US tariff rate on each exporter's 2024 sales at every date a measure starts or ends,
 * from 2024-01-01 to `to` (a step series: each point holds until the next).
 * @example const t = await tariffTimeline(store, { exporters: ["JPN", "EU27"] }); t.series[0].points.length
 */
export async function tariffTimeline(store: Store, input: unknown): Promise<TariffTimeline> {
  const req = parseTimelineRequest(input);
  const ctx = await loadTariffs(store);
  const dates = [TIMELINE_START, ...ctx.book.changeDates().filter((d) => d > TIMELINE_START && d <= req.to)];
  if (dates[dates.length - 1] !== req.to) dates.push(req.to);
  const series = [];
  for (const spec of req.exporters) {
    const p = resolvePartner(ctx.partners, spec);
    const lines = await usImportsFrom(store, p.id);
    const value = lines.reduce((s, l) => s + l.value, 0), base = lines.reduce((s, l) => s + l.duty, 0);
    const points = dates.map((date) => {
      const { rates } = rateLines(ctx, p.id, date, lines);
      let duty = 0;
      const ms = new Set<string>();
      rates.forEach((r, i) => {
        duty += lines[i].value * r.total;
        for (const x of r.parts) ms.add(x.measure);
      });
      return { date, effectiveRate: value > 0 ? round(duty / value, 6) : 0, duty: Math.round(duty), measures: [...ms].sort() };
    });
    series.push({ exporter: p.id, tradeValue: Math.round(value), baselineRate: value > 0 ? round(base / value, 6) : 0, points });
  }
  return {
    from: TIMELINE_START, to: req.to, series,
    events: timelineEvents(ctx.book.measures, series.map((x) => x.exporter), dates.slice(1)),
    sources: [ctx.sources.imports, ctx.sources.measures],
    coverage: {
      complete: false,
      warnings: [
        "Constant 2024 volumes and customs values; the 2024 duty paid per HS10 line is the base (see `chokepoint tariffs --json` for each date's measure-by-measure warnings).",
        "Dates are the measures' effective dates as modelled (retroactive rules, e.g. Japan's all-in 15 % from 2025-08-07 set by EO 14345 of 2025-09-04, are shown from their legal effective date).",
      ],
    },
  };
}

const before = (r: Rule, d: string) => r.from < d && (r.to === null || r.to >= d);
const on = (r: Rule, d: string) => r.from <= d && (r.to === null || d < r.to);

/**
 * For each date, the measures whose rules for these exporters (or all partners) start or end on it:
 * `starts` (none of its rules were in force the day before), `ends` (none is in force on the day) or
 * `changes`; rule-less measures (the Supreme Court ruling) signed on the day are `context`.
 * @example timelineEvents(book.measures, ["JPN"], ["2025-04-03"]) // [{ date: "2025-04-03", changes: [{ measure: "s232_autos", kind: "starts", … }] }]
 */
export function timelineEvents(measures: readonly Measure[], exporters: readonly string[], dates: readonly string[]): TimelineEvent[] {
  const mine = (r: Rule) => r.partners.includes("*") || exporters.some((e) => r.partners.includes(e));
  return dates.map((d) => ({
    date: d,
    changes: measures.flatMap((m): TimelineEvent["changes"] => {
      const rules = m.rules.filter(mine);
      if (!m.rules.length) return m.signed === d ? [{ measure: m.id, authority: m.authority, kind: "context" }] : [];
      if (!rules.some((r) => r.from === d || r.to === d)) return [];
      const was = rules.some((r) => before(r, d)), is = rules.some((r) => on(r, d));
      return [{ measure: m.id, authority: m.authority, kind: !was ? "starts" : !is ? "ends" : "changes" }];
    }),
  })).filter((e) => e.changes.length);
}
