import type { Anomaly, Series } from "./detect.ts";
import { period } from "./detect.ts";

/** A known measure to validate against: products it covers and the month it took effect. */
export interface KnownEvent {
  name: string;
  products: string[];
  effective: string; // YYYY-MM
}

/** How the detector did on one series around one known event. */
export interface SeriesValidation {
  event: string;
  importer: string;
  product: string;
  collapseDelay: number | null; // months from effect to the first collapse within 6 months; null = missed
  preSpike: string | null; // first spike in the 3 months before effect
  falseAlarms: number; // flagged months outside [effect − 3, effect + 6]
  seriesYears: number; // years of scored months (after the 12-month warm-up)
}

const toKey = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;

/**
 * Detection delay, pre-deadline spike and false alarms per series for known measures.
 * @example validate(series, anomalies, [{ name: "Ga/Ge", products: ["811292"], effective: "2023-08" }])
 */
export function validate(series: readonly Series[], anomalies: readonly Anomaly[], events: readonly KnownEvent[]): SeriesValidation[] {
  const out: SeriesValidation[] = [];
  for (const ev of events) {
    const e = toKey(ev.effective);
    for (const s of series.filter((x) => ev.products.includes(x.product))) {
      const mine = anomalies.filter((a) => a.importer === s.importer && a.product === s.product && a.exporter === s.exporter);
      const k = (a: Anomaly) => toKey(a.period);
      const collapse = mine.filter((a) => a.kind === "collapse" && k(a) >= e && k(a) <= e + 6).sort((a, b) => k(a) - k(b))[0];
      const spike = mine.filter((a) => a.kind === "spike" && k(a) >= e - 3 && k(a) < e).sort((a, b) => k(a) - k(b))[0];
      out.push({
        event: ev.name,
        importer: s.importer,
        product: s.product,
        collapseDelay: collapse ? k(collapse) - e : null,
        preSpike: spike ? period(k(spike)) : null,
        falseAlarms: mine.filter((a) => k(a) < e - 3 || k(a) > e + 6).length,
        seriesYears: Math.max(0, s.values.length - 12) / 12,
      });
    }
  }
  return out;
}
