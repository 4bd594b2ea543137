/**
 * Country labels as printed in USGS MCS world files carry footnote digits ("Other countries4"),
 * a trailing "e" for estimated rows ("Japane", "Korea, Republic ofe") and product qualifiers
 * ("Brazil (beneficiated)", "Kazakhstan, concentrate"). These helpers undo that so a label can be
 * matched against country aliases.
 */

/** A label is an aggregate row (world total, "Other countries") rather than one country. */
export function isUsgsAggregate(label: string): boolean {
  return /^(world total|other countries|other$|europe$)/i.test(label.trim());
}

/**
 * Clean a USGS country label: non-breaking spaces, footnote digits, the estimate marker "e".
 * `isKnown` says whether a candidate (lowercased) is a known country spelling or aggregate, so
 * that names which really end in "e" (Ukraine, Greece, Zimbabwe) are kept whole.
 *
 * @example
 * cleanUsgsLabel("Korea, Republic ofe", (s) => s === "korea, republic of") // { label: "Korea, Republic of", estimated: true }
 */
export function cleanUsgsLabel(raw: string, isKnown: (lower: string) => boolean): { label: string; estimated: boolean } {
  let s = raw.replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();
  s = s.replace(/(\D)\d{1,2}$/, "$1").trim(); // footnote number glued to the label
  if (isKnown(s.toLowerCase()) || isUsgsAggregate(s) && !/e$/.test(s)) return { label: s, estimated: false };
  if (s.endsWith("e")) {
    const t = s.slice(0, -1).trim();
    if (isKnown(t.toLowerCase()) || isKnown(baseCountry(t).toLowerCase()) || isUsgsAggregate(t)) {
      return { label: t, estimated: true };
    }
  }
  return { label: s, estimated: false };
}

/**
 * The country part of a qualified label: "Brazil (beneficiated)" → "Brazil",
 * "Kazakhstan, concentrate" → "Kazakhstan". Callers try the whole label first, since
 * "Korea, Republic of" also contains a comma.
 *
 * @example baseCountry("Peru (exports)") // "Peru"
 */
export function baseCountry(label: string): string {
  return label.replace(/\s*\(.*\)\s*$/, "").replace(/,.*$/, "").trim();
}
