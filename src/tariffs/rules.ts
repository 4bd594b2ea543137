import type { Layer, Measure, Rule } from "./measure.ts";

/** The layers in the order they are applied; a charged Section 232 rule excludes the others on that line. */
export const LAYERS: Layer[] = ["s232", "ieepa", "s122", "s301"];

/** One rule ready to match lines: its measure, layer and prefix sets. */
export interface ActiveRule {
  measure: Measure;
  rule: Rule;
  layer: Layer;
  matches(hs10: string): boolean;
}

/** What one HS10 line pays at a date: the 2024 base rate, what each measure adds, and the total. */
export interface LineRate {
  base: number;
  total: number;
  parts: { measure: string; layer: Layer; added: number }[];
  /** Measures whose scope covers the line without a modelled duty (coverage-only rules). */
  uncharged: string[];
}

/**
 * The measures compiled against the scope lists, answering "which rules apply to this partner on this
 * day" and "what does this line pay". Partner ids: ISO3 or EU27; `groups` maps a member to its aggregate
 * (SVK → EU27) so EU rules reach it.
 * @example const book = new TariffBook(measures, lists); book.lineRate("8703230190", 0.025, book.active("JPN", "2025-10-14")).total // 0.15
 */
export class TariffBook {
  private readonly compiled: { measure: Measure; rule: Rule; layer: Layer; matches: (hs: string) => boolean }[];
  constructor(readonly measures: readonly Measure[], lists: ReadonlyMap<string, readonly string[]>, private readonly groups: ReadonlyMap<string, string> = new Map()) {
    this.compiled = measures.flatMap((m) =>
      m.rules.map((rule) => ({ measure: m, rule, layer: rule.layer ?? m.layer, matches: scopeMatcher(rule, lists) })),
    ).sort((a, b) => a.rule.priority - b.rule.priority);
  }

  /** Rules in force for a partner on a day (from ≤ day < to), by priority. */
  active(partner: string, day: string): ActiveRule[] {
    const ids = [partner, this.groups.get(partner)].filter((x): x is string => !!x);
    return this.compiled.filter(({ rule }) =>
      rule.from <= day && (rule.to === null || day < rule.to) &&
      (rule.partners.includes("*") || ids.some((i) => rule.partners.includes(i))) &&
      !ids.some((i) => rule.except?.includes(i)),
    );
  }

  /** Every date on which some rule starts or ends, sorted. */
  changeDates(): string[] {
    return [...new Set(this.compiled.flatMap(({ rule }) => (rule.to ? [rule.from, rule.to] : [rule.from])))].sort();
  }

  /** The duty rate of one line given the rules in force (see `active`). */
  lineRate(hs10: string, base: number, rules: readonly ActiveRule[]): LineRate {
    const parts: LineRate["parts"] = [];
    const uncharged: string[] = [];
    const done = new Set<Layer>();
    for (const r of rules) {
      if (r.layer === "none" || done.has(r.layer) || !r.matches(hs10)) continue;
      if (r.rule.coverageOnly) {
        if (!uncharged.includes(r.measure.id)) uncharged.push(r.measure.id);
        continue;
      }
      if (r.layer !== "s232" && done.has("s232")) continue;
      done.add(r.layer);
      const v = r.rule.rate.value;
      const added = r.rule.rate.kind === "additive" ? v : r.rule.rate.kind === "allIn" ? Math.max(0, v - base) : 0;
      parts.push({ measure: r.measure.id, layer: r.layer, added });
    }
    // A Section 232 charge found after a lower-priority layer rule cannot happen (s232 rules sort first
    // only by priority), so drop any non-232 part if a 232 part exists: the instruments make them exclusive.
    const has232 = parts.some((p) => p.layer === "s232");
    const kept = has232 ? parts.filter((p) => p.layer === "s232") : parts;
    return { base, total: base + kept.reduce((s, p) => s + p.added, 0), parts: kept, uncharged };
  }
}

function scopeMatcher(rule: Rule, lists: ReadonlyMap<string, readonly string[]>): (hs: string) => boolean {
  const s = rule.scope;
  if (s.all && !s.excludePrefixes?.length && !s.excludeLists?.length) return () => true;
  const inc = prefixSet([...(s.prefixes ?? []), ...(s.lists ?? []).flatMap((l) => lists.get(l) ?? [])]);
  const exc = prefixSet([...(s.excludePrefixes ?? []), ...(s.excludeLists ?? []).flatMap((l) => lists.get(l) ?? [])]);
  return (hs) => (s.all || hasPrefix(inc, hs)) && !hasPrefix(exc, hs);
}

type PrefixSet = { set: Set<string>; lengths: number[] };
const prefixSet = (ps: string[]): PrefixSet => ({ set: new Set(ps), lengths: [...new Set(ps.map((p) => p.length))].sort((a, b) => a - b) });
const hasPrefix = (p: PrefixSet, hs: string) => p.lengths.some((n) => p.set.has(hs.slice(0, n)));
