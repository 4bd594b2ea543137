import type { Measure } from "./measure.ts";
import type { MeasureRow } from "./exposure.ts";
import type { TradeEffect } from "./effect.ts";

/** Partners whose own 2025–2026 IEEPA duties are not in the measures table (only general measures apply). */
export const PARTNERS_NOT_MODELLED: Record<string, string> = {
  CHN: "China's IEEPA duties (fentanyl 10–20 %, reciprocal 34 % → 125 % → 10 %) are not in the measures table; its 2024 base already includes Section 301 duties",
  HKG: "Hong Kong is charged as China under IEEPA; those duties are not in the measures table",
  CAN: "Canada's IEEPA (fentanyl) duties and USMCA exemptions are not modelled",
  MEX: "Mexico's IEEPA (fentanyl) duties and USMCA exemptions are not modelled",
  RUS: "Russia was excluded from the reciprocal tariffs; nothing else is modelled",
  BRA: "Brazil's further 40 % IEEPA duty is not in the measures table",
  IND: "India's further 25 % IEEPA duty (Russian oil) is not in the measures table",
};

const METHOD =
  "Constant 2024 volumes at 2024 customs values (US Census, imports for consumption). Each HS10 line's base rate is its 2024 calculated duty / customs value, used as the MFN rate in all-in rules; it includes 2024 preferences and any Section 232 (2018 metals quotas) or Section 301 duty paid in 2024. HS chapters 98–99 (US goods returned, special provisions) pay their 2024 rate only.";

/**
 * Coverage of a tariff answer: `complete` only when every measure in force is modelled from verified
 * text and the partner has no measures missing from the table; the warnings carry each measure's
 * evidence note (what is unverified) and every approximation.
 */
export function coverageFor(partner: string, active: readonly Measure[], rows: readonly MeasureRow[], effect: TradeEffect | null): { complete: boolean; warnings: string[] } {
  const gaps: string[] = [];
  if (PARTNERS_NOT_MODELLED[partner]) gaps.push(`${partner}: ${PARTNERS_NOT_MODELLED[partner]}.`);
  for (const m of active) {
    const row = rows.find((r) => r.id === m.id);
    if (!m.modelled) gaps.push(`${m.id} not modelled (${usd(row?.tradeValue ?? 0)} of 2024 trade in its HTS lines): ${m.notModelled}`);
    else if (m.evidenceNote) gaps.push(`${m.id}: ${m.evidenceNote}`);
    const covOnly = m.modelled && m.rules.some((r) => r.coverageOnly) && row;
    if (covOnly) gaps.push(`${m.id}: some scope is counted but not charged (${m.rules.filter((r) => r.coverageOnly).map((r) => r.note).join("; ")}).`);
  }
  const warnings = [METHOD, ...gaps, ...(effect?.warnings ?? [])];
  return { complete: gaps.length === 0, warnings };
}

const usd = (v: number) => (v >= 1e9 ? `USD ${(v / 1e9).toFixed(2)} bn` : `USD ${(v / 1e6).toFixed(1)} m`);
