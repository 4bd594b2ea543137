import type { TradeFact, TradeTotal } from "../../store/queries/trade-facts.ts";

/** A dataset's completeness for one reporter and year, and why. */
export interface SourceStatus {
  dataset: string;
  reporter: string;
  year: number;
  kind: TradeFact["kind"];
  /** true: known whole; false: known to miss partners; null: nothing says */
  complete: boolean | null;
  /** how it was judged, said in coverage.warnings when not complete */
  why: string;
  /** precedence: 0 complete reported, 1 reconciled (BACI), 2 mirror, 3 unknown, 4 incomplete */
  rank: number;
  records: number;
}

/** Partner rows within this fraction of the reporter's own World row count as whole (rounding, confidential cells). */
export const WORLD_TOLERANCE = 0.01;

/**
 * Judge each (dataset, reporter, year) behind a mix, in this order: the reporter's own World row
 * (partner sum within 1 % of it; quantities when the data has no values, e.g. LNG in bcm), the dataset's declared coverage (dataset.json), its kind (BACI is
 * every exporter→importer record). Precedence follows DESIGN: complete reported data, then BACI,
 * then mirror flows, then data whose completeness is unknown, then known-incomplete data.
 *
 * @example
 * judgeSources(facts, [{ year: 2024, reporter: "JPN", dataset: "d", value: 100, quantity: null }], new Map())
 * // [{ dataset: "d", reporter: "JPN", year: 2024, complete: false, why: "…partners add up to 50.0 % of its World row", rank: 4, … }]
 */
export function judgeSources(
  facts: readonly TradeFact[],
  totals: readonly TradeTotal[],
  declared: ReadonlyMap<string, { complete: boolean; note: string | null }>,
): SourceStatus[] {
  const groups = new Map<string, { f: TradeFact; value: number; quantity: number; records: number }>();
  for (const f of facts) {
    const k = `${f.dataset}|${f.reporter}|${f.year}`;
    const g = groups.get(k) ?? { f, value: 0, quantity: 0, records: 0 };
    g.value += f.value ?? 0;
    g.quantity += f.quantity ?? 0;
    g.records += 1;
    groups.set(k, g);
  }
  const world = new Map(totals.map((t) => [`${t.dataset}|${t.reporter}|${t.year}`, t]));
  const out: SourceStatus[] = [];
  for (const [k, g] of groups) {
    const { dataset, reporter, year, kind } = g.f;
    const w = world.get(k);
    const d = declared.get(dataset);
    let complete: boolean | null;
    let why: string;
    // Values where the World row has them; quantities for quantity-only data (EI's LNG in bcm).
    const byQty = !!w && !(w.value !== null && w.value > 0) && g.value === 0 && w.quantity !== null && w.quantity > 0;
    if (w && ((w.value !== null && w.value > 0) || byQty)) {
      const ratio = byQty ? g.quantity / (w.quantity as number) : g.value / (w.value as number);
      complete = Math.abs(ratio - 1) <= WORLD_TOLERANCE;
      why = `${dataset}: ${reporter}'s partner rows for ${year} add up to ${(100 * ratio).toFixed(1)} % of its own World row`;
    } else if (d) {
      complete = d.complete;
      why = `${dataset}${d.complete ? "" : " is truncated"}${d.note ? ` (${d.note})` : ""}`;
    } else if (kind === "reconciled") {
      complete = true;
      why = `${dataset}: every exporter→importer record (reconciled)`;
    } else {
      complete = null;
      why = `${dataset}: completeness unknown (no World row to check ${reporter}'s partner rows against)`;
    }
    const rank = complete === false ? 4 : complete === null ? 3 : kind === "reported" ? 0 : kind === "reconciled" ? 1 : 2;
    out.push({ dataset, reporter, year, kind, complete, why, rank, records: g.records });
  }
  return out;
}
