import { useApi } from "./api.ts";

type Countries = { countries: { iso3: string; name: string; eu27: boolean }[] };

/** ISO3 → country name, from /api/countries (codes are shown until it arrives, and for unknown codes). */
export function useCountryNames(): (code: string | null | undefined) => string {
  const c = useApi<Countries>("/api/countries");
  const map = c.state === "ok" ? new Map(c.data.countries.map((x) => [x.iso3, shortName(x.name)])) : null;
  return (code) => (code ? map?.get(code) ?? BACI_CODES[code] ?? code : "–");
}

/** Codes that are no ISO3 code: CEPII BACI's own partner codes, the planner's rest-of-world supplier. */
const BACI_CODES: Record<string, string> = { S19: "Other Asia n.e.s. (Taiwan)", OTHER: "Others" };

/** ISO names for people: "Korea, Republic of" → "South Korea", "Taiwan, Province of China" → "Taiwan". */
export function shortName(name: string): string {
  const fixed: Record<string, string> = {
    "Korea, Republic of": "South Korea",
    "Korea, Democratic People's Republic of": "North Korea",
    "Taiwan, Province of China": "Taiwan",
    "Russian Federation": "Russia",
    "Congo, Democratic Republic of the": "DR Congo",
    "United States of America": "United States",
    "United Kingdom of Great Britain and Northern Ireland": "United Kingdom",
    "Viet Nam": "Vietnam",
    "Iran, Islamic Republic of": "Iran",
    "Bolivia, Plurinational State of": "Bolivia",
    "Türkiye": "Türkiye",
    "Tanzania, United Republic of": "Tanzania",
    "Venezuela, Bolivarian Republic of": "Venezuela",
    "Lao People's Democratic Republic": "Laos",
    "Moldova, Republic of": "Moldova",
  };
  return fixed[name] ?? name.replace(/\s*\(.*\)$/, "");
}
