/**
 * Documented planning assumptions: every parameter the data cannot give, with what it means and
 * why it has its value. Reported under `assumptions` in every plan so nobody mistakes them for data.
 */
export interface Assumption {
  value: number;
  unit: string;
  meaning: string;
  source: string;
}

const MANUF = "UN Statistics Division, share of world manufacturing value added 2022 (EU27 ~15 %, Japan ~7 %); same prior as the simulator's DEMAND_SHARES";

/** Each bloc's share of world demand for a material (midpoint of the simulator's ranges). */
export const DEMAND_SHARE: Record<string, Assumption> = {
  EU27: { value: 0.15, unit: "share of world supply", meaning: "EU27 share of world demand", source: MANUF },
  JPN: { value: 0.07, unit: "share of world supply", meaning: "Japan's share of world demand", source: MANUF },
};

export const PLAN_DEFAULTS = {
  contestable: {
    value: 0.2, unit: "fraction",
    meaning: "share of other buyers' purchases a bloc can win from each supplier by re-contracting within the horizon (availability = production × (own demand share + (1 − own demand share) × this))",
    source: "assumption; long-term offtake contracts lock most volumes, so only a minority is contestable within ~5 years",
  },
  horizonYears: { value: 5, unit: "years", meaning: "planning horizon (to the CRMA's 2030 benchmarks)", source: "Regulation (EU) 2024/1252 benchmarks for 2030" },
  leadTimeExtraction: {
    value: 4, unit: "years", meaning: "lead time before expanded mine capacity produces (brownfield expansions of existing producers)",
    source: "assumption; IEA (2021) reports ~16 years from discovery to production for greenfield mines, brownfield expansions are faster",
  },
  leadTimeProcessing: { value: 2, unit: "years", meaning: "lead time before expanded refining capacity produces", source: "assumption" },
  growth: {
    value: 0.1, unit: "per year", meaning: "yearly ramp-up of a trusted producer's capacity after the lead time, as a fraction of its current output",
    source: "assumption",
  },
  capexFactor: {
    value: 3, unit: "× unit value per t/yr", meaning: "investment per tonne of yearly capacity, in multiples of the material's unit value",
    source: "assumption; annualised at 8 % over 15 years (capital recovery factor 0.1168)",
  },
  holdingRate: {
    value: 0.1, unit: "× unit value per t·yr", meaning: "yearly cost of holding a tonne in stock (8 % cost of capital + 2 % storage)",
    source: "assumption",
  },
  vollFactor: {
    value: 5, unit: "× unit value per t", meaning: "cost of a tonne not delivered (value of lost supply)",
    source: "assumption; downstream value added per tonne of input is typically many times the input's price",
  },
  disruptionBase: {
    value: 0.2, unit: "per year at the worst governance", meaning: "annual probability of a supply disruption = this × governance risk (WGI, 0–1)",
    source: "assumption scaled by the Worldwide Governance Indicators",
  },
  disruptionRestricted: {
    value: 0.25, unit: "per year", meaning: "added annual disruption probability for a country with export restrictions on record for the material",
    source: "assumption; table export_restrictions",
  },
  disruptionMonths: { value: 6, unit: "months", meaning: "length of one supplier disruption", source: "assumption; China's 2023 Ga/Ge licensing cut exports for ~6 months (docs/simulator.md back-test)" },
  governancePenalty: {
    value: 0.5, unit: "× unit value per t at governance risk 1", meaning: "risk = governance: cost added per tonne in proportion to the supplier's governance risk",
    source: "assumption",
  },
  missingWgi: { value: 0.5, unit: "0–1", meaning: "governance risk assumed for a supplier without WGI scores", source: "assumption (mid-scale)" },
} satisfies Record<string, Assumption>;

/** Capital recovery factor: the yearly payment that repays 1 over n years at rate r. @example crf(0.08, 15) // 0.1168 */
export function crf(r: number, n: number): number {
  return (r * (1 + r) ** n) / ((1 + r) ** n - 1);
}
