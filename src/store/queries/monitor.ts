import type { GazetteerRows } from "../../monitor/extract/gazetteer.ts";
import type { Store } from "../store.ts";

/**
 * Catalogue rows the event extractor's gazetteer is generated from.
 * @example const rows = await gazetteerRows(store); rows.countries.length // 249
 */
export async function gazetteerRows(store: Store): Promise<GazetteerRows> {
  const countries = await store.all<{ iso3: string; name: string }>("SELECT iso3, name FROM countries ORDER BY iso3");
  const aliases = await store.all<{ alias: string; iso3: string }>("SELECT alias, iso3 FROM country_aliases ORDER BY alias");
  const materials = await store.all<{ id: string; name: string; hs_codes: string[] | null; parent: string | null }>(
    "SELECT id, name, hs_codes, parent FROM materials ORDER BY id",
  );
  return { countries, aliases, materials };
}

/** One month of one exporter→importer product flow (HS6), with its dataset and edition. */
export interface MonthlyFlow {
  exporter: string;
  importer: string;
  product: string;
  year: number;
  month: number;
  value: number;
  dataset: string;
  edition: string;
}

/**
 * Monthly HS6 export flows from table `trade` (month > 0), optionally for one exporter.
 * Reported exports (flow X) are read as exporter = reporter; imports (flow M) as exporter = partner.
 * @example const rows = await monthlyFlows(store, "CHN");
 */
export async function monthlyFlows(store: Store, exporter?: string): Promise<MonthlyFlow[]> {
  return store.all<MonthlyFlow>(
    `SELECT CASE WHEN t.flow = 'X' THEN t.reporter ELSE t.partner END AS exporter,
            CASE WHEN t.flow = 'X' THEN t.partner ELSE t.reporter END AS importer,
            t.product, t.year, t.month, sum(t.value)::DOUBLE AS value, t.dataset, coalesce(d.edition, '') AS edition
       FROM trade t LEFT JOIN datasets d ON d.id = t.dataset
      WHERE t.month > 0 AND t.classification = 'HS6' AND t.value IS NOT NULL
        AND ($1::VARCHAR IS NULL OR (CASE WHEN t.flow = 'X' THEN t.reporter ELSE t.partner END) = $1)
      GROUP BY ALL ORDER BY exporter, importer, t.product, t.year, t.month`,
    [exporter ?? null],
  );
}

/**
 * Catalogue materials carried by each HS6 code (table `material_codes`).
 * @example (await hs6Materials(store)).get("811292") // ["gallium", "germanium", …]
 */
export async function hs6Materials(store: Store): Promise<Map<string, string[]>> {
  const rows = await store.all<{ code: string; material: string }>(
    "SELECT DISTINCT code, material FROM material_codes WHERE classification = 'HS6' ORDER BY code, material",
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.code, [...(out.get(r.code) ?? []), r.material]);
  return out;
}
