/** One country of the reference list (table `countries`) with its aliases. */
export interface CountryRow {
  iso3: string;
  name: string;
  eu27: boolean;
  g7: boolean;
  oecd: boolean;
  /** Other spellings (lowercase) that mean this country: "south korea", "usa", … */
  aliases?: string[];
}
