/**
 * Japan's economic-security parameters, named so other modules (stockpiles, plans) can use them.
 * Sources: Cabinet Order designating Specified Critical Products under the Economic Security
 * Promotion Act (Act No. 43 of 2022; Cabinet Office, Dec 2022, antimicrobials added 2022, 12 items
 * after the 2024 addition of advanced electronic components); JOGMEC rare-metal stockpiling
 * (METI/JOGMEC: 60 days of domestic consumption as the base target, up to 180 days for metals
 * with high supply risk).
 */
export const JAPAN_SPECIFIED_CRITICAL_PRODUCTS = [
  "antimicrobials", "fertilisers", "permanent magnets", "machine tools and industrial robots",
  "aircraft parts", "semiconductors", "storage batteries", "cloud programmes", "natural gas",
  "critical minerals", "ship parts", "advanced electronic components",
] as const;

export const JOGMEC_STOCKPILE = {
  baseDays: 60,
  maxDaysHighRisk: 180,
  source: { dataset: "JOGMEC rare-metal stockpiling programme (METI policy)", edition: "2020 revision", year: 2020 },
} as const;

/**
 * Stockpile target in tonnes for a daily domestic consumption.
 * @example stockpileTarget(10, true) // 1800
 */
export function stockpileTarget(dailyConsumptionT: number, highRisk = false): number {
  return dailyConsumptionT * (highRisk ? JOGMEC_STOCKPILE.maxDaysHighRisk : JOGMEC_STOCKPILE.baseDays);
}
