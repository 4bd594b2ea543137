import type { Stage } from "../../domain/vocabulary.ts";
import { sourcingSearchScope } from "../../store/queries/exposure.ts";
import { declaredCoverage, importFacts, importTotals, type TradeFact } from "../../store/queries/trade-facts.ts";
import type { Store } from "../../store/store.ts";
import { judgeSources } from "./completeness.ts";
import { selectSources, type Selection } from "./select.ts";

/** What the engine was asked for: a material's codes (or its group's), a stage, the importers, optionally a year and an HS prefix. */
export interface ImportQuery {
  /** the material whose trade codes are read (a group member without codes passes its group's id) */
  codesOf: string;
  stage: Stage;
  members: readonly string[];
  /** exactly this year (must have records); without it, the latest complete year */
  year?: number;
  /** the year with records closest to this one, preferring earlier years (the simulator's scenario year) */
  near?: number;
  /** only codes starting with this HS/CN prefix */
  hs?: string;
  /** leave out flows between two of these countries (e.g. intra-EU circulation) */
  internal?: ReadonlySet<string>;
}

/** The records one mix is built from, per member one source by precedence, with the judgement. */
export interface ImportSelection {
  /** every year's facts the choice was made from (after `internal` flows are left out) */
  facts: TradeFact[];
  selection: Selection;
  /** datasets → the members they report imports for (any product), as judged */
  reportersOf: Map<string, Set<string>>;
}

/**
 * THE supply-mix engine (DESIGN "Trade facts"): every bilateral import record of a material for a
 * set of importers (`importFacts`, memoised per store state), each (dataset, reporter, year) judged
 * against World totals and declared coverage (`importTotals`, `judgeSources`), and per member one
 * source chosen by precedence for one year (`selectSources`). Exposure, overview, assess and the
 * simulator read their mixes through this; the planner is moving onto it. Stable API: add fields,
 * do not change these. Returns null when no member has any record.
 *
 * @example
 * const s = await importSelection(store, { codesOf: "permanent-magnets", stage: "processing", members: ["JPN"], year: 2024 });
 * s?.selection.rows // JPN's 2024 imports by partner from the chosen dataset; s.selection.coverage.complete
 */
export async function importSelection(store: Store, q: ImportQuery): Promise<ImportSelection | null> {
  const hs = q.hs ?? "";
  const inside = q.internal;
  const facts = (await importFacts(store, q.codesOf, q.stage, q.members, hs)).filter((r) => !(inside && inside.has(r.reporter) && inside.has(r.partner)));
  if (!facts.length) return null;
  const statuses = judgeSources(facts, await importTotals(store, q.codesOf, q.stage, q.members, hs), await declaredCoverage(store));
  const scope = await sourcingSearchScope(store, q.codesOf, q.stage, q.members, hs);
  const reportersOf = new Map(scope.datasets.map((d) => [d.dataset, new Set(d.reporters)]));
  const year = q.year ?? (q.near !== undefined ? nearestYear(factYears(facts), q.near) : undefined);
  return { facts, selection: selectSources(facts, statuses, q.members, reportersOf, year), reportersOf };
}

/**
 * The year closest to `want` among `years`, preferring earlier years; undefined when there are none.
 * @example nearestYear([2024, 2022], 2023) // 2022
 */
export function nearestYear(years: readonly number[], want: number): number | undefined {
  const before = years.filter((y) => y <= want);
  return before.length ? Math.max(...before) : years.length ? Math.min(...years) : undefined;
}

/** Years with import records in a selection's facts, newest first. */
export function factYears(facts: readonly TradeFact[]): number[] {
  return [...new Set(facts.map((f) => f.year))].sort((a, b) => b - a);
}
