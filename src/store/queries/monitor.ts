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
