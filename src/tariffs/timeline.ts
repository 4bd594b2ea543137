import type { SourceRef } from "../domain/vocabulary.ts";
import { round } from "../simulate/quantiles.ts";
import type { Store } from "../store/store.ts";
import { usImportsFrom } from "../store/queries/tariffs.ts";
import { loadTariffs, resolvePartner } from "./book.ts";
import { rateLines } from "./exposure.ts";
import { parseTimelineRequest } from "./request.ts";

export const TIMELINE_START = "2024-01-01";

export interface TimelinePoint { date: string; effectiveRate: number; duty: number; measures: string[] }
export interface TariffTimeline {
  from: string; to: string;
  series: { exporter: string; tradeValue: number; baselineRate: number; points: TimelinePoint[] }[];
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
