import type { WgiScore } from "./wgi-scale.ts";

/** One supplier in a mix: ISO3, share 0–1, trade variable t. */
export interface Supplier {
  iso3: string;
  share: number;
  t: number;
}

/** A supplier's part of HHI_WGI,t: S²·WGI·t/10 000 with S in %. */
export interface Contribution extends Supplier {
  wgi: number;
  contribution: number;
}

export interface HhiWgiT {
  value: number;
  contributions: Contribution[];
  /** Suppliers left out because the WGI has no score for them (never filled silently). */
  missingWgi: Supplier[];
}

/**
 * Governance-weighted concentration with the trade variable, as in the EC 2017 guidelines:
 * HHI_WGI,t = Σ_c S_c²·WGI_c·t_c / 10 000, S_c in %, WGI_c on 0–10. Ranges 0 … 10·max t.
 * Contributions come sorted, largest first.
 *
 * @example
 * hhiWgiT([{ iso3: "CHN", share: 1, t: 1 }], new Map([["CHN", { score: 6.4, years: [2021], estimates: 6 }]])).value // 6.4
 */
export function hhiWgiT(suppliers: readonly Supplier[], wgi: ReadonlyMap<string, WgiScore>): HhiWgiT {
  const contributions: Contribution[] = [];
  const missingWgi: Supplier[] = [];
  let value = 0;
  for (const s of suppliers) {
    const w = wgi.get(s.iso3);
    if (!w) {
      missingWgi.push(s);
      continue;
    }
    const pct = s.share * 100;
    const contribution = (pct * pct * w.score * s.t) / 10_000;
    value += contribution;
    contributions.push({ ...s, wgi: w.score, contribution });
  }
  contributions.sort((a, b) => b.contribution - a.contribution);
  return { value, contributions, missingWgi };
}
