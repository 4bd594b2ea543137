import type { ModelParams } from "./params.ts";
import type { MarketState } from "./market.ts";

export const SHOCK_TYPES = ["export_ban", "export_restriction", "quota", "export_tax", "import_tariff", "outage"] as const;
export type ShockType = (typeof SHOCK_TYPES)[number];

/** A shock resolved against a market: indices instead of names, months as [start, end). */
export interface ModelShock {
  type: ShockType;
  /** Supplier index of the actor (−1: the actor does not supply this market, nothing to block). */
  actor: number;
  /** 1 for each consumer (ROW last) the measure applies to. */
  targeted: Uint8Array;
  start: number;
  end: number;
  /** Fraction (restriction, outage), tonnes a year (quota), rate (tax, tariff); ignored for bans. */
  severity: number;
  /** For quotas: world production in tonnes, to turn the quota into a share of world supply. */
  worldTonnes?: number | null;
}

/**
 * Fraction of the actor's flows to each targeted consumer that stops while the shock is active.
 * Quotas bind on the targets' combined intake; taxes and tariffs cut the taxed flow by
 * 1 − (1 + rate)^(−σ), σ the elasticity of substitution between origins (Armington).
 *
 * @example blockedFraction({ type: "export_restriction", severity: 0.8, … }, state, S, params) // 0.8
 */
export function blockedFraction(shock: ModelShock, state: MarketState, S: number, p: ModelParams): number {
  switch (shock.type) {
    case "export_ban":
      return 1;
    case "export_restriction":
    case "outage":
      return clamp01(shock.severity);
    case "quota": {
      if (!shock.worldTonnes) return 0;
      let intake = 0;
      for (let c = 0; c < shock.targeted.length; c++) if (shock.targeted[c]) intake += state.flows[c * S + shock.actor];
      if (intake <= 0) return 0;
      return clamp01(1 - shock.severity / shock.worldTonnes / intake);
    }
    case "export_tax":
    case "import_tariff":
      return clamp01(1 - Math.pow(1 + Math.max(0, shock.severity), -p.originSubstitution));
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
