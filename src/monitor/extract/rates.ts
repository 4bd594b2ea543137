/** A percentage found in text as a fraction 0–1 (or above 1 for tariffs over 100 %). */
export interface FoundRate {
  rate: number;
  index: number;
}

/**
 * Percentages in a sentence ("25%", "25 percent", "25 per cent", "7.5 pct"), as fractions.
 *
 * @example
 * findRates("a tariff of 25 percent, up from 7.5%").map((r) => r.rate) // [0.25, 0.075]
 */
export function findRates(sentence: string): FoundRate[] {
  const out: FoundRate[] = [];
  for (const m of sentence.matchAll(/(\d{1,3}(?:\.\d+|,\d{1,2}(?=\s*%))?)\s*(?:%|percent\b|per cent\b|pct\b|percentage points?\b)/gi)) {
    if (/percentage point/i.test(m[0])) continue;
    out.push({ rate: Math.round(Number(m[1].replace(",", ".")) * 1e4) / 1e6, index: m.index ?? 0 });
  }
  return out;
}

/**
 * The rate a tariff sentence imposes: the new level in "from 10% to 25%", else the first percentage
 * after `from` (the trigger's offset), else the first in the sentence.
 *
 * @example
 * tariffRate("raising the duty from 7.5% to 25% on EVs", 0) // 0.25
 */
export function tariffRate(sentence: string, from: number): number | null {
  const rates = findRates(sentence);
  if (rates.length === 0) return null;
  const change = /from\s+\d{1,3}(?:\.\d+)?\s*(?:%|percent|per cent)\s+to\s+(\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)/i.exec(sentence);
  if (change) return Math.round(Number(change[1]) * 1e4) / 1e6;
  // A schedule of company rates (EU regulations): the rate for "all other companies" applies to the country.
  const residual = /\b(?:all other|other non-cooperating|all other non-cooperating) (?:companies|exporters|producers|manufacturers)\b/i.exec(sentence);
  if (residual) {
    const r = rates.find((x) => x.index > residual.index);
    if (r) return r.rate;
  }
  // Shares of trade ("accounts for 90% of supply") are not rates: skip those followed by "of".
  const usable = rates.filter((r) => !/^\s*\d[\d.]*\s*(?:%|percent|per cent|pct)\s+(?:of|share|stake)\b/i.test(sentence.slice(r.index)));
  const pool = usable.length ? usable : [];
  return (pool.find((r) => r.index >= from) ?? pool[0])?.rate ?? null;
}
