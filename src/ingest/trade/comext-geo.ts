import type { CountryCodes } from "../../store/queries/trade.ts";

/**
 * Eurostat partner codes that are not countries: stores and provisions, high seas, not-specified
 * and confidential ("secret") trade. Rows carrying them are skipped and counted, never guessed.
 */
export const EUROSTAT_NON_GEOGRAPHIC: Readonly<Record<string, string>> = {
  QP: "high seas",
  QQ: "stores and provisions",
  QR: "stores and provisions (intra-EU)",
  QS: "stores and provisions (extra-EU)",
  QU: "countries and territories not specified",
  QV: "countries and territories not specified (intra-EU)",
  QW: "countries and territories not specified (extra-EU)",
  QX: "countries not specified for commercial or military reasons",
  QY: "secret (intra-EU)",
  QZ: "secret (extra-EU)",
  // Spanish territories outside the EU customs territory: no ISO 3166 code of their own.
  XC: "Ceuta",
  XL: "Melilla",
};

/** Eurostat geonomenclature codes that differ from ISO 3166 alpha-2. */
const EUROSTAT_TO_ISO2: Readonly<Record<string, string>> = { EL: "GR", UK: "GB", XS: "RS" };

export type GeoResult = { iso3: string } | { skip: string } | undefined;

/**
 * Map a Eurostat (Comext) country code to ISO3: Greece is `EL`, Serbia `XS`, Kosovo `XK`;
 * non-geographic and confidential codes come back as `{ skip }`; unknown codes as undefined.
 *
 * @example
 * eurostatToIso3("EL", codes); // { iso3: "GRC" }
 * eurostatToIso3("QZ", codes); // { skip: "QZ" }
 */
export function eurostatToIso3(raw: string, codes: CountryCodes): GeoResult {
  const code = raw.trim().toUpperCase();
  if (EUROSTAT_NON_GEOGRAPHIC[code]) return { skip: code };
  const iso2 = EUROSTAT_TO_ISO2[code] ?? code;
  const iso3 = codes.byIso2.get(iso2);
  if (iso3) return { iso3 };
  // Kosovo has no ISO 3166 code; use the reference data's entry if it has one, else count it apart.
  if (code === "XK") {
    const k = codes.byAlias.get("kosovo");
    return k ? { iso3: k } : { skip: "XK" };
  }
  return undefined;
}
