/** A customs code found in text, cut to HS6 (HS4 headings stay 4 digits), with its offset. */
export interface FoundCode {
  code: string;
  index: number;
}

const CUE = /\b(HS|H\.S\.|CN|TARIC|code|codes|customs|commodity|commodities|tariff (?:line|item|heading)s?|heading|headings|subheading|subheadings|chapter)\b|海关商品编号/i;

/**
 * Customs commodity codes in a sentence: dotted forms (8112.92, 2504.10.00) always; bare 6/8/10-digit
 * numbers and 4-digit headings only when the sentence speaks of codes (HS, CN, customs, heading…) or
 * is an item of a list of controlled goods (`inCodeList`), so years and announcement numbers are not
 * mistaken for codes.
 *
 * @example
 * findHsCodes("gallium metal (customs commodity code 8112921000)").map((c) => c.code) // ["811292"]
 */
export function findHsCodes(sentence: string, inCodeList = false): FoundCode[] {
  const out: FoundCode[] = [];
  const seen = new Set<number>();
  const push = (digits: string, index: number) => {
    if (seen.has(index)) return;
    seen.add(index);
    out.push({ code: digits.length >= 6 ? digits.slice(0, 6) : digits, index });
  };
  for (const m of sentence.matchAll(/(?<![\d.,])(\d{4})\.(\d{2})(?:[.\s]?(\d{2}))?(?:[.\s]?(\d{2}))?(?!\d|,\d)/g)) {
    push(m[1] + m[2], m.index ?? 0);
  }
  if (inCodeList || CUE.test(sentence)) {
    for (const m of sentence.matchAll(/(?<![\d.,$€¥£])(\d{6}|\d{8}|\d{10})(?![\d.,]\d|\s*(?:%|percent|tonnes|tons|kg|USD|dollars|yuan|euros))/g)) {
      push(m[1], m.index ?? 0);
    }
    // EU notation: "CN code 2823 00 00", "ex 3206 11 00" (4 + 2 + 2 digits, spaced).
    for (const m of sentence.matchAll(/(?<![\d.,])(\d{4}) (\d{2}) (\d{2})(?: (\d{2}))?(?![\d.,]\d)/g)) {
      push(m[1] + m[2], m.index ?? 0);
    }
    for (const m of sentence.matchAll(/\b(?:HS|CN|heading|headings|chapter)\s+((?:\d{4})(?:\s*(?:,|and|or)\s*\d{4})*)\b/gi)) {
      const base = m.index ?? 0;
      for (const h of m[1].matchAll(/\d{4}/g)) {
        const n = Number(h[0]);
        if (n >= 1950 && n <= 2050) continue; // a year, not a heading
        push(h[0], base + m[0].indexOf(m[1]) + (h.index ?? 0));
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Distinct codes in order. @example uniqueCodes([{ code: "811292", index: 0 }, { code: "811292", index: 9 }]) // ["811292"] */
export function uniqueCodes(found: readonly FoundCode[]): string[] {
  return [...new Set(found.map((f) => f.code))];
}
