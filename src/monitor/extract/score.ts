import type { MonitorEvent } from "../../domain/monitor-event.ts";

/** Gold annotation of one event (as predicted events, without evidence). */
export type GoldEvent = Omit<MonitorEvent, "evidence">;

/** Counts and scores for one field. */
export interface FieldScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export const SCORED_FIELDS = ["type", "actor", "targets", "products", "hsCodes", "measureDate", "rate", "status"] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

type Counts = Record<ScoredField, { tp: number; fp: number; fn: number }>;

// Agreements and alliances have parties, not an actor and targets: compare them as a set.
function norm(e: GoldEvent): GoldEvent {
  if (e.type !== "trade_agreement" && e.type !== "alliance") return e;
  const parties = [...new Set([e.actor ?? "", ...e.targets])].filter(Boolean).sort();
  return { ...e, actor: parties[0] ?? null, targets: parties.slice(1) };
}

function setCount(c: { tp: number; fp: number; fn: number }, p: readonly string[], g: readonly string[]): void {
  const gs = new Set(g);
  const ps = new Set(p);
  for (const x of ps) {
    if (gs.has(x)) c.tp++;
    else c.fp++;
  }
  for (const x of gs) if (!ps.has(x)) c.fn++;
}

function scalarCount(c: { tp: number; fp: number; fn: number }, p: unknown, g: unknown): void {
  const eq = typeof p === "number" && typeof g === "number" ? Math.abs(p - g) < 1e-6 : p === g;
  if (p != null && g != null && eq) c.tp++;
  else {
    if (p != null) c.fp++;
    if (g != null) c.fn++;
  }
}

function countPair(c: Counts, p: GoldEvent | null, g: GoldEvent | null): void {
  for (const f of SCORED_FIELDS) {
    const pv = p ? p[f] : null;
    const gv = g ? g[f] : null;
    if (f === "targets" || f === "products" || f === "hsCodes") setCount(c[f], (pv as string[]) ?? [], (gv as string[]) ?? []);
    else scalarCount(c[f], pv, gv);
  }
}

// How well a prediction fits a gold event; events are paired only when their types agree.
function affinity(p: GoldEvent, g: GoldEvent): number {
  if (p.type !== g.type) return -1;
  return (p.actor === g.actor ? 2 : 0) + p.products.filter((x) => g.products.includes(x)).length + (p.measureDate === g.measureDate ? 1 : 0);
}

/**
 * Precision, recall and F1 per field over a set of documents. Predicted and gold events are paired
 * greedily within each document by type (then actor, products, date); unpaired predictions count
 * as false positives in every field they fill, unpaired gold events as false negatives.
 *
 * @example
 * const s = scoreEvents([[pred]], [[gold]]);
 * s.type.f1 // 1 when the one event's type is right
 */
export function scoreEvents(
  predicted: readonly (readonly GoldEvent[])[],
  gold: readonly (readonly GoldEvent[])[],
): Record<ScoredField, FieldScore> {
  const c = Object.fromEntries(SCORED_FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Counts;
  predicted.forEach((ps0, i) => {
    const ps = ps0.map(norm);
    const gs = (gold[i] ?? []).map(norm);
    const pairs: [number, number, number][] = [];
    ps.forEach((p, a) =>
      gs.forEach((g, b) => {
        const s = affinity(p, g);
        if (s >= 0) pairs.push([s, a, b]);
      }),
    );
    pairs.sort((x, y) => y[0] - x[0]);
    const usedP = new Set<number>();
    const usedG = new Set<number>();
    for (const [, a, b] of pairs) {
      if (usedP.has(a) || usedG.has(b)) continue;
      usedP.add(a);
      usedG.add(b);
      countPair(c, ps[a], gs[b]);
    }
    ps.forEach((p, a) => usedP.has(a) || countPair(c, p, null));
    gs.forEach((g, b) => usedG.has(b) || countPair(c, null, g));
  });
  return Object.fromEntries(
    SCORED_FIELDS.map((f) => {
      const { tp, fp, fn } = c[f];
      const precision = tp + fp ? tp / (tp + fp) : 1;
      const recall = tp + fn ? tp / (tp + fn) : 1;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return [f, { tp, fp, fn, precision, recall, f1 }];
    }),
  ) as Record<ScoredField, FieldScore>;
}
