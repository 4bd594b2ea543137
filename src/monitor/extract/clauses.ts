// A clause that recalls something else ("…, hours after U.S. tariffs took effect") is cut off before
// the sentence is read for its measure: its countries and measure words belong to another event.
const BACKGROUND_CLAUSE = /,\s+(?:(?:hours|days|weeks|months|a day|a week|shortly|soon|two years|a year|years) after|in response to|in retaliation for|following(?!\s+(?:items?|goods|products|materials|measures|categories|list))|amid|after|since|as part of a response to)\s/i;

/**
 * The main clause of a sentence: everything before a trailing background clause.
 * @example mainClause("China restricted tungsten, hours after U.S. tariffs took effect.") // "China restricted tungsten"
 */
export function mainClause(sentence: string): string {
  const m = BACKGROUND_CLAUSE.exec(sentence);
  return m && m.index > 20 ? sentence.slice(0, m.index) : sentence;
}

/**
 * A tariff sentence that sets several rates for several products ("100% on EVs and 25% on steel")
 * split into one clause per rate; a sentence with one rate is returned whole.
 * @example tariffClauses("a 100% surtax on EVs from 1 October, and a 25% surtax on steel from 15 October").length // 2
 */
export function tariffClauses(sentence: string): string[] {
  const rate = /\d{1,3}(?:\.\d+)?\s*(?:%|percent|per cent)/gi;
  const n = sentence.match(rate)?.length ?? 0;
  if (n < 2 || /\ball other (?:companies|exporters|producers)\b/i.test(sentence) || /from\s+\d{1,3}(?:\.\d+)?\s*(?:%|percent|per cent)\s+to\s+\d/i.test(sentence)) return [sentence];
  const parts = sentence.split(/;\s+|,?\s+and\s+(?=(?:an?\s+|a further\s+)?(?:\d{1,3}(?:\.\d+)?\s*(?:%|percent|per cent)|on\s|(?:the\s+)?(?:tariffs?|duties|rates?)\s+(?:on|for)\s))/i);
  const withRate = parts.filter((p) => new RegExp(rate.source, "i").test(p));
  return withRate.length >= 2 ? parts : [sentence];
}
