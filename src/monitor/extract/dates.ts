/** A date found in text: ISO form (YYYY-MM-DD, or YYYY-MM when no day is given) and its offset. */
export interface FoundDate {
  iso: string;
  index: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "((?:19|20)\\d\\d)";

// Order matters: the most specific forms first; a span once matched is not matched again.
const PATTERNS: { re: RegExp; build: (m: RegExpExecArray, refYear?: number) => string | null }[] = [
  { re: /\b((?:19|20)\d\d)[-/](\d{1,2})[-/](\d{1,2})\b/g, build: (m) => ymd(+m[1], +m[2], +m[3]) },
  { re: /((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, build: (m) => ymd(+m[1], +m[2], +m[3]) },
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, "g"), build: (m) => ymd(+m[3], mon(m[2]), +m[1]) },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, "g"), build: (m) => ymd(+m[3], mon(m[1]), +m[2]) },
  { re: new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, "g"), build: (m) => ym(+m[2], mon(m[1])) },
  { re: new RegExp(`\\b${DAY}\\s+${MONTH}(?![a-z])`, "g"), build: (m, y) => (y ? ymd(y, mon(m[2]), +m[1]) : null) },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?!\\s*(?:%|percent|per cent))`, "g"), build: (m, y) => (y ? ymd(y, mon(m[1]), +m[2]) : null) },
  // A bare year counts only after a word that sets a date: "from 2026", "starting in 2025".
  { re: /(?<=\b(?:from|starting(?: in)?|beginning(?: in)?|as of|effective|by|until|in)\s+)((?:19|20)\d\d)\b(?![-/]\d|\s*年)/g, build: (m) => m[1] },
];

function mon(s: string): number {
  return MONTHS[s.toLowerCase().replace(".", "").slice(0, s.toLowerCase().startsWith("sept") ? 4 : 3)] ?? 0;
}
function ym(y: number, m: number): string | null {
  return m >= 1 && m <= 12 ? `${y}-${String(m).padStart(2, "0")}` : null;
}
function ymd(y: number, m: number, d: number): string | null {
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Every date in a text, in order of appearance. Dates without a year take `refYear` when given.
 * "May" alone is never a date (it is usually the verb).
 *
 * @example
 * findDates("From 1 August 2023 and on Dec. 1").map((d) => d.iso) // ["2023-08-01"]
 * findDates("on Dec. 1", 2023).map((d) => d.iso) // ["2023-12-01"]
 */
export function findDates(text: string, refYear?: number): FoundDate[] {
  const taken: [number, number][] = [];
  const out: FoundDate[] = [];
  for (const { re, build } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      const iso = build(m, refYear);
      // An impossible or yearless date still claims its span, so "31 February 2024" is not read as a month.
      taken.push([s, e]);
      if (!iso) continue;
      out.push({ iso, index: s, end: e });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The year of an ISO date string. @example yearOf("2023-08-01") // 2023 */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}
