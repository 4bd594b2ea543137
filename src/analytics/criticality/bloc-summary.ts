import type { Bloc } from "../../domain/blocs.ts";
import type { Coverage } from "../../domain/coverage.ts";
import { ChokepointError } from "../../domain/error.ts";
import type { SourceRef } from "../../domain/vocabulary.ts";
import type { Store } from "../../store/store.ts";
import { assess } from "./assess.ts";
import type { StatusSummary } from "./summary.ts";

/** A bloc's criticality verdict in one line, for the overview and briefs (the full table is `assess`). */
export interface CriticalitySummary {
  bloc: string;
  /** "N critical, M not assessable (missing …)", the counts and the unassessed materials with their reasons */
  summary: StatusSummary;
  /** the assessment's coverage: complete only when every material was assessed on whole sourcing data */
  coverage: Coverage;
  wgi: { years: number[] };
  sources: SourceRef[];
}

/**
 * The EU-method assessment of every material for a bloc, reduced to its summary and coverage.
 * Memoised per store state (a load clears it); returns a copy. `null` with the reason when the
 * store lacks the method's inputs (no WGI, no EU 2023 study tables).
 *
 * @example (await criticalitySummary(store, blocs.resolve("ALLIANCE"))).result?.summary.text // "20 critical, 38 not assessable (…)…"
 */
export async function criticalitySummary(store: Store, bloc: Bloc): Promise<{ result: CriticalitySummary | null; reason?: string }> {
  const key = `criticality-summary:${bloc.id}:${bloc.members.join(",")}`;
  const got = await store.memo(key, async () => {
    try {
      const a = await assess(store, { bloc });
      return { result: { bloc: a.bloc, summary: a.summary, coverage: a.coverage, wgi: a.wgi, sources: a.sources } };
    } catch (e) {
      if (!(e instanceof ChokepointError) || e.code !== "no_data") throw e;
      return { result: null, reason: e.message };
    }
  });
  return structuredClone(got);
}
