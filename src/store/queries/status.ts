import type { Store } from "../store.ts";

export interface DatasetStatus {
  id: string;
  title: string | null;
  publisher: string | null;
  edition: string | null;
  licence: string | null;
  loader: string | null;
  files: number;
  rows: number;
  years: string | null;
  loadedAt: string | null;
}

/**
 * Every dataset in the store with provenance, file and row counts and the years it covers. A BACI
 * dataset's edition and years are those of the years loaded (`baci_loads`), not of the last file tried.
 *
 * @example (await datasetStatus(store)).find((d) => d.id === "baci")?.years // "2022–2024"
 */
export async function datasetStatus(store: Store): Promise<DatasetStatus[]> {
  return store.all<DatasetStatus>(
    `WITH f AS (SELECT dataset, count(*)::DOUBLE AS files, sum(rows)::DOUBLE AS rows FROM loaded_files GROUP BY dataset),
     y AS (SELECT dataset, min(year) AS y0, max(year) AS y1 FROM (
             SELECT dataset, year FROM usgs_production UNION ALL SELECT dataset, year FROM trade
             UNION ALL SELECT dataset, year FROM baci_loads) GROUP BY dataset),
     b AS (SELECT dataset, string_agg(DISTINCT release, ', ' ORDER BY release) AS releases FROM baci_loads GROUP BY dataset),
     w AS (SELECT min(year) AS y0, max(year) AS y1 FROM wgi)
     SELECT d.id, d.title, d.publisher, coalesce(b.releases, d.edition) AS edition, d.licence, d.loader,
            coalesce(f.files, 0) AS files, coalesce(f.rows, 0) AS rows,
            CASE WHEN y.y0 IS NOT NULL THEN y.y0 || '–' || y.y1
                 WHEN d.loader = 'wgi' AND w.y0 IS NOT NULL THEN w.y0 || '–' || w.y1 END AS years,
            strftime(d.loaded_at, '%Y-%m-%d %H:%M') AS "loadedAt"
     FROM datasets d LEFT JOIN f ON f.dataset = d.id LEFT JOIN y ON y.dataset = d.id LEFT JOIN b ON b.dataset = d.id CROSS JOIN w
     ORDER BY d.id`,
  );
}

/** How many datasets the store lists. @example await datasetCount(store) // 20 */
export async function datasetCount(store: Store): Promise<number> {
  return (await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM datasets"))?.n ?? 0;
}
