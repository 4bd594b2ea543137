/** Catalogue rows the gazetteer is generated from (tables `countries`, `country_aliases`, `materials`). */
export interface GazetteerRows {
  countries: { iso3: string; name: string }[];
  aliases?: { alias: string; iso3: string }[];
  materials: { id: string; name: string; hs_codes?: string[] | null; parent?: string | null }[];
}
