import type { Store } from "../store.ts";

export type { CountryRow } from "../../domain/country.ts";
import type { CountryRow } from "../../domain/country.ts";

/** All countries in the store, with their aliases. */
export async function listCountries(store: Store): Promise<CountryRow[]> {
  return store.memo("countries", () =>
    store.all<CountryRow>(
      `SELECT c.iso3, c.name, c.eu27, c.g7, c.oecd, list(a.alias ORDER BY a.alias) FILTER (a.alias IS NOT NULL) AS aliases
       FROM countries c LEFT JOIN country_aliases a ON a.iso3 = c.iso3
       GROUP BY c.iso3, c.name, c.eu27, c.g7, c.oecd ORDER BY c.iso3`,
    ),
  );
}

/** Latest WGI six-dimension estimates per country for a year (the latest ≤ year with all six). */
export async function wgiEstimates(
  store: Store,
  year: number,
): Promise<Map<string, { year: number; estimates: number[] }>> {
  return store.memo(`wgi:${year}`, () => wgiQuery(store, year));
}

async function wgiQuery(store: Store, year: number): Promise<Map<string, { year: number; estimates: number[] }>> {
  const rows = await store.all<{ iso3: string; year: number; est: number[] }>(
    `WITH y AS (
       SELECT iso3, year, list(estimate ORDER BY indicator) AS est, count(*) AS n
       FROM wgi WHERE year <= $1 AND estimate IS NOT NULL GROUP BY iso3, year)
     SELECT iso3, year, est FROM y WHERE n = 6
     QUALIFY row_number() OVER (PARTITION BY iso3 ORDER BY year DESC) = 1`,
    [year],
  );
  return new Map(rows.map((r) => [r.iso3, { year: r.year, estimates: r.est }]));
}
