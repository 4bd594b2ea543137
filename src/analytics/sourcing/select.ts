import type { TradeFact } from "../../store/queries/trade-facts.ts";
import type { SourceStatus } from "./completeness.ts";
import { isResidualReporter, RESIDUAL_REPORTERS } from "../../domain/residual-reporters.ts";

import type { Coverage } from "../../domain/coverage.ts";
export type { Coverage } from "../../domain/coverage.ts";

/** The records one mix is built from: one source per member, one measure, one year. */
export interface Selection {
  year: number;
  years: number[];
  measure: "value" | "quantity";
  unit: string | null;
  rows: TradeFact[];
  /** member → the source its rows come from */
  chosen: Map<string, SourceStatus>;
  /** members left out because their only data is in the other measure */
  dropped: string[];
  /** members with no records in the year, and none of the year's complete sources covering them */
  absent: string[];
  coverage: Coverage;
}

/** Who a dataset reports imports for (any product, any year); reconciled data covers every importer. */
export type ReportersOf = ReadonlyMap<string, ReadonlySet<string>>;

const byRank = (a: SourceStatus, b: SourceStatus) => a.rank - b.rank || b.records - a.records || a.dataset.localeCompare(b.dataset);

/**
 * Choose, for each member of a bloc and one year, the best source (precedence of `judgeSources`),
 * then one measure for the whole mix (values, or quantities where they cover more members), and
 * judge the year: complete when every member's source is whole and every member without records
 * is covered by a whole source of that year (so it imported nothing). Without `year`, the latest
 * complete year; when no year is complete, the latest year that covers the most members.
 *
 * @example
 * const s = selectSources(facts, judgeSources(facts, totals, declared), ["JPN"], reporters);
 * s.year // 2024; s.coverage // { complete: true, warnings: ["basket code 811292: …"] }
 */
export function selectSources(
  facts: readonly TradeFact[],
  statuses: readonly SourceStatus[],
  members: readonly string[],
  reportersOf: ReportersOf,
  year?: number,
): Selection {
  const years = [...new Set(facts.map((f) => f.year))].sort((a, b) => b - a);
  const judged = years.map((y) => pickYear(facts, statuses, members, reportersOf, y));
  let i: number;
  if (year !== undefined) i = years.indexOf(year);
  else {
    i = judged.findIndex((s) => s.coverage.complete);
    if (i < 0) {
      const most = Math.max(...judged.map((s) => s.chosen.size));
      i = judged.findIndex((s) => s.chosen.size === most);
    }
  }
  if (i < 0) throw new Error(`year ${year} not in ${years.join(", ")}`);
  const s = judged[i];
  if (year === undefined && i > 0) {
    s.coverage.warnings.push(`default year ${s.year}: ${years.slice(0, i).join(", ")} ${i > 1 ? "are" : "is"} not complete (--year ${years[0]} shows it with its warnings)`);
  }
  return { ...s, years };
}

function pickYear(facts: readonly TradeFact[], statuses: readonly SourceStatus[], members: readonly string[], reportersOf: ReportersOf, year: number): Omit<Selection, "years"> {
  const here = facts.filter((f) => f.year === year);
  const st = statuses.filter((s) => s.year === year);
  const hasValue = new Set(here.filter((f) => f.value !== null && f.value > 0).map((f) => `${f.dataset}|${f.reporter}`));
  const units = new Map<string, number>();
  for (const f of here) if (f.quantity && f.qty_unit) units.set(f.qty_unit, (units.get(f.qty_unit) ?? 0) + 1);
  const unit = [...units].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const hasQty = new Set(here.filter((f) => f.quantity !== null && f.quantity > 0 && f.qty_unit === unit).map((f) => `${f.dataset}|${f.reporter}`));
  // A complete reported dataset that carries this material in this year and reports for a member
  // says that member imported none of it: a lower-ranked source (a BACI basket code) must not fill in.
  const wholeReported = new Set(st.filter((s) => s.complete === true && s.rank === 0).map((s) => s.dataset));
  // (Not when that dataset has the member's rows itself: then they are the member's data, judged on their own.)
  const zeroByBetter = (m: string) => [...wholeReported].some((d) => reportersOf.get(d)?.has(m) && !st.some((s) => s.dataset === d && s.reporter === m));
  const choose = (has: Set<string>) => {
    const out = new Map<string, SourceStatus>();
    for (const s of [...st].sort(byRank)) {
      if (out.has(s.reporter) || !has.has(`${s.dataset}|${s.reporter}`)) continue;
      if (s.rank > 0 && zeroByBetter(s.reporter)) continue;
      out.set(s.reporter, s);
    }
    return out;
  };
  const cv = choose(hasValue);
  const cq = choose(hasQty);
  const rowsOf = (c: Map<string, SourceStatus>, measure: "value" | "quantity") =>
    here.filter((f) => c.get(f.reporter)?.dataset === f.dataset && (measure === "value" ? f.value !== null && f.value > 0 : f.quantity !== null && f.quantity > 0 && f.qty_unit === unit));
  const basketOnly = (rs: TradeFact[]) => rs.length > 0 && rs.every((r) => r.basket);
  const rv = rowsOf(cv, "value");
  const rq = rowsOf(cq, "quantity");
  // Values win ties (they exist for every product), unless only they rest on basket codes.
  const preferQty = cq.size > cv.size || (cq.size === cv.size && basketOnly(rv) && !basketOnly(rq));
  const measure = preferQty ? "quantity" : "value";
  const chosen = preferQty ? cq : cv;
  const other = preferQty ? cv : cq;
  const rows = preferQty ? rq : rv;
  const dropped = [...other.keys()].filter((r) => !chosen.has(r));

  const warnings: string[] = [];
  let complete = true;
  for (const s of new Map([...chosen.values()].map((s) => [s.why, s])).values()) {
    if (s.complete !== true) {
      complete = false;
      warnings.push(s.complete === false ? `${s.why}: used only because no complete source covers it` : s.why);
    }
  }
  // A member without records imported nothing only if a whole source of the year covers it.
  const wholeHere = new Set(st.filter((s) => s.complete === true).map((s) => s.dataset));
  const covers = (m: string) => [...wholeHere].some((d) => st.some((s) => s.dataset === d && s.kind === "reconciled") || reportersOf.get(d)?.has(m));
  const absent = members.filter((m) => !chosen.has(m) && !covers(m));
  if (absent.length) {
    complete = false;
    warnings.push(`no import records for ${absent.length > 8 ? `${absent.length} members (${absent.slice(0, 8).join(", ")}, …)` : absent.join(", ")} in ${year}`);
  }
  if (dropped.length) {
    complete = false;
    warnings.push(`${dropped.join(", ")}: only ${preferQty ? "values" : "quantities"} reported, not combinable with the ${measure === "value" ? "values" : "quantities"} of the rest (left out)`);
  }
  const kinds = new Map<string, string[]>();
  for (const [m, s] of chosen) kinds.set(`${s.dataset} (${s.kind})`, [...(kinds.get(`${s.dataset} (${s.kind})`) ?? []), m]);
  if (kinds.size > 1) {
    const list = [...kinds].map(([k, ms]) => `${ms.length > 4 ? `${ms.length} members` : ms.join(", ")} from ${k}`).join("; ");
    warnings.push(`mixed sources: ${list}${new Set([...chosen.values()].map((s) => s.kind)).size > 1 ? " — reported values are CIF, BACI's reconciled values FOB-type" : ""}`);
  }
  // A residual row ("Other EU") in the mix: say what the bloc's figure is a sum of.
  for (const r of chosen.keys()) if (isResidualReporter(r)) warnings.push(RESIDUAL_REPORTERS[r].note);
  const baskets = new Map<string, string>();
  for (const r of rows) if (r.basket) baskets.set(r.codes, r.caveat ?? "a basket broader than the material");
  for (const [codes, caveat] of baskets) warnings.push(`basket code ${codes}: ${caveat}`);
  const amount = (r: TradeFact) => (measure === "value" ? (r.value ?? 0) / (r.per_usd ?? 1) : (r.quantity ?? 0));
  const inBasket = rows.filter((r) => r.basket), total = rows.reduce((t, r) => t + amount(r), 0);
  if (inBasket.length && inBasket.length < rows.length && total > 0) {
    const who = [...new Set(inBasket.map((r) => r.reporter))];
    const share = inBasket.reduce((t, r) => t + amount(r), 0) / total;
    warnings.push(`a basket mixed with material-specific lines: ${who.length > 4 ? `${who.length} members` : who.join(", ")} under the basket (${(share * 100).toFixed(1)} % of the total), the rest under lines for the material alone — the basket's other contents weigh in the shares`);
  }
  return { year, measure, unit: measure === "quantity" ? unit : null, rows, chosen, dropped, absent, coverage: { complete, warnings } };
}
