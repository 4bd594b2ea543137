import type { SourceRef } from "../../domain/vocabulary.ts";
import type { Store } from "../store.ts";

/** One economy's GDP: the latest year at or before the one asked, in US$, and the ECB rate of that year. */
export interface GdpFigure {
  country: string;
  year: number;
  usd: number;
  /** EUR per US$ in the GDP's own year (ECB annual average, `fx_rates`), null when none is loaded. */
  eurPerUsd: number | null;
}

/** GDP of every economy (not the World Bank's aggregates) for `year` or the latest before it, with its sources. */
export interface GdpTable {
  figures: Map<string, GdpFigure>;
  gdpSource: SourceRef | null;
  fxSource: SourceRef | null;
}

/**
 * GDP (current US$) per economy for `year`, or the nearest earlier year with a figure, with the EUR
 * rate of the GDP's own year. Memoised per year.
 *
 * @example (await gdpTable(store, 2023)).figures.get("FIN") // { year: 2023, usd: 300187202696.08374, eurPerUsd: 0.9248… }
 */
export function gdpTable(store: Store, year: number): Promise<GdpTable> {
  return store.memo(`gdp:${year}`, async () => {
    const rows = await store.all<GdpFigure>(
      `SELECT g.country, g.year, g.usd, fx.per_usd AS "eurPerUsd"
       FROM gdp g LEFT JOIN fx_rates fx ON fx.year = g.year AND fx.currency = 'EUR'
       WHERE NOT g.aggregate AND g.year <= $1 AND g.usd IS NOT NULL
       QUALIFY row_number() OVER (PARTITION BY g.country ORDER BY g.year DESC) = 1`,
      [year],
    );
    const ref = async (sql: string): Promise<SourceRef | null> => {
      const r = await store.one<{ title: string; edition: string }>(sql);
      return r ? { dataset: r.title, edition: r.edition } : null;
    };
    return {
      figures: new Map(rows.map((r) => [r.country, r])),
      gdpSource: await ref("SELECT d.title, d.edition FROM datasets d WHERE d.id IN (SELECT DISTINCT dataset FROM gdp) ORDER BY d.id LIMIT 1"),
      fxSource: await ref("SELECT d.title, d.edition FROM datasets d WHERE d.loader = 'fx' ORDER BY d.id LIMIT 1"),
    };
  });
}
