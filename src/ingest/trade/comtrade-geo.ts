import type { CountryCodes } from "../../store/queries/trade.ts";
import type { GeoResult } from "./comext-geo.ts";

/**
 * Comtrade's "Other Asia, nes" (M49 490, ISO-like code S19) is how UN Comtrade reports Taiwan;
 * reading it as TWN keeps Taiwan's trade instead of dropping it (documented in data/SOURCES.md).
 */
const OTHER_ASIA_NES = { code: "490", iso: "S19", iso3: "TWN" };

/**
 * Map a Comtrade reporter/partner to ISO3 from its ISO column (`reporterISO`/`partnerISO`) or,
 * when that is empty, its M49 code (`reporterCode`/`partnerCode`). World (`W00`, 0) and Comtrade's
 * non-country areas (ISO codes starting with `_` or shaped like `E19`/`X1`; M49 codes ≥ 800 such as
 * 837 bunkers, 838 free zones, 839 special categories, 899 areas nes) come back as `{ skip }`.
 *
 * @example
 * comtradeToIso3("CHN", "156", codes); // { iso3: "CHN" }
 * comtradeToIso3("W00", "0", codes);   // { skip: "W00" }
 */
export function comtradeToIso3(isoRaw: string, codeRaw: string, codes: CountryCodes): GeoResult {
  const iso = isoRaw.trim().toUpperCase();
  const code = codeRaw.trim() === "" ? "" : String(Number(codeRaw.trim()));
  if (iso === OTHER_ASIA_NES.iso || (iso === "" && code === OTHER_ASIA_NES.code)) {
    return codes.iso3.has(OTHER_ASIA_NES.iso3) ? { iso3: OTHER_ASIA_NES.iso3 } : undefined;
  }
  if (iso === "W00" || (iso === "" && code === "0")) return { skip: "W00" };
  if (iso !== "") {
    if (codes.iso3.has(iso)) return { iso3: iso };
    if (iso.startsWith("_") || /^[A-Z]\d{1,2}$/.test(iso)) return { skip: iso };
    const byCode = code !== "" ? codes.byM49.get(code) : undefined;
    return byCode ? { iso3: byCode } : undefined;
  }
  if (code === "" || code === "NaN") return undefined;
  const byCode = codes.byM49.get(code);
  if (byCode) return { iso3: byCode };
  return Number(code) >= 800 ? { skip: `M49 ${code}` } : undefined;
}
