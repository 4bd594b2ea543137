import type { SourceRef } from "../domain/vocabulary.ts";

/** One importer the model follows: a target member with trade data (or a whole bloc without). */
export interface Consumer {
  /** ISO3 code, or a bloc id when no member has trade data. */
  id: string;
  /** Demand-share group (`EU27`, `JPN`, an ISO3 code): its range is split among members by weight. */
  group: string;
  /** Share of the group's demand (by import value), 0–1. */
  weight: number;
  /** Origin shares by supplier index (sum 1). */
  sourcing: Float64Array;
  /** `trade`: from the consumer's imports; `world-mix`: no trade data, assumed to source like the world. */
  basis: "trade" | "world-mix";
}

/**
 * The world market of one material at one stage, in shares of annual world supply (so a market
 * from tonnes and one from the EU study's percentages behave the same). Consumers not listed are
 * the rest of the world (ROW), which takes whatever production the listed consumers do not.
 */
export interface Market {
  material: string;
  stage: string;
  year: number;
  suppliers: string[];
  /** Share of world production by supplier (sum 1). */
  production: Float64Array;
  /** World production in tonnes (for quotas and people), or null when only shares are known. */
  worldTonnes: number | null;
  consumers: Consumer[];
  /** Share of world demand by group, as a [low, high] range. */
  demandShares: Record<string, [number, number]>;
  sources: SourceRef[];
  notes: string[];
}

/** A market with one demand-share draw applied: demand and the full flow matrix, ROW last. */
export interface MarketState {
  /** Annual demand by consumer as a share of world supply; index C = ROW. */
  demand: Float64Array;
  /** Flows (C+1) × S: consumer c's annual supply from supplier s, shares of world supply. */
  flows: Float64Array;
  /** Production actually allocated (equals `production` unless targets' implied use exceeded it). */
  allocated: Float64Array;
}

/**
 * Fix the targets' demand at quantile `q` of their ranges and derive every flow:
 * X[c][s] = D_c · σ_cs for listed consumers; ROW takes P_s − Σ_c X[c][s] (never below zero).
 *
 * @example
 * const st = marketState(market, 0.5);
 * st.demand[market.consumers.length] // ROW's share of world demand
 */
export function marketState(m: Market, q: number): MarketState {
  const C = m.consumers.length, S = m.suppliers.length;
  const demand = new Float64Array(C + 1);
  const flows = new Float64Array((C + 1) * S);
  let listed = 0;
  for (let c = 0; c < C; c++) {
    const k = m.consumers[c];
    const [lo, hi] = m.demandShares[k.group] ?? [0, 0];
    demand[c] = (lo + q * (hi - lo)) * k.weight;
    listed += demand[c];
  }
  // The targets can never be more than the whole world: scale them down if the ranges say so.
  const scale = listed > 0.95 ? 0.95 / listed : 1;
  for (let c = 0; c < C; c++) {
    demand[c] *= scale;
    for (let s = 0; s < S; s++) flows[c * S + s] = demand[c] * m.consumers[c].sourcing[s];
  }
  const allocated = new Float64Array(S);
  let row = 0;
  for (let s = 0; s < S; s++) {
    let used = 0;
    for (let c = 0; c < C; c++) used += flows[c * S + s];
    const rest = Math.max(0, m.production[s] - used);
    flows[C * S + s] = rest;
    allocated[s] = used + rest;
    row += rest;
  }
  demand[C] = row;
  return { demand, flows, allocated };
}
