import type { Problem } from "../../domain/error.ts";
import { parseNumber, readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";

/** An OECD IOT industry code: one ISIC Rev.4 division (`D26`) or a merged range (`D10T12`). */
const INDUSTRY = /^D(\d{2})(?:T(\d{2}))?$/;

/**
 * The ISIC Rev.4 2-digit divisions an OECD IOT industry code spans, or null for a code of another form.
 *
 * @example isicRange("D10T12") // [10, 12]
 * @example isicRange("D26") // [26, 26]
 */
export function isicRange(code: string): [number, number] | null {
  const m = INDUSTRY.exec(code);
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return to >= from ? [from, to] : null;
}

/**
 * `oecd-iot-va`: value added at basic prices by industry from an OECD national input-output table
 * (2021 edition, 45 ISIC Rev.4 industries, million US$), in the long layout
 * `country,year,row_code,industry_no,oecd_isic4_code_assumed,description,value_musd`
 * → `national_value_added(country, year, industry, isic_from, isic_to, …, musd)`.
 * Only `VALU` rows are read (a file with OUTPUT and the tax rows too loads its value added). The country
 * must be known, the industry an OECD code (`D26`, `D10T12`), the value a number (a published 0 stays 0;
 * an empty value is no data: no row). A (country, year, industry) repeated is refused; one already
 * loaded is replaced.
 *
 * @example
 * await ingest(store, "oecd-iot-va", ["data/oecd-iot-japan/oecd_iot2021ed_japan_valu_2014_2018.csv"]);
 */
export const oecdIotVaLoader: Loader = {
  id: "oecd-iot-va",
  description: "OECD IOT value added (VALU) by industry, long: country, year, row_code, industry_no, oecd_isic4_code_assumed, description, value_musd",
  async load({ store, file, dataset }) {
    const { records } = readCsv(file, ["country", "year", "row_code", "oecd_isic4_code_assumed", "description", "value_musd"]);
    const known = new Set((await store.all<{ iso3: string }>("SELECT iso3 FROM countries")).map((r) => r.iso3));
    const problems: Problem[] = [];
    const rows = new Map<string, (string | number)[]>();
    const firstLine = new Map<string, number>();
    const source = file.split("/").pop()!;
    for (const { line, values: v } of records) {
      if (v.row_code.trim() !== "VALU") continue;
      const before = problems.length;
      const bad = (field: string, code: string, message: string): void => {
        problems.push({ code, path: [line, field], message, file, line, field, value: v[field] });
      };
      const at = { file, line, problems };
      const country = v.country.trim().toUpperCase();
      const year = parseNumber(v.year, { ...at, field: "year" });
      const musd = parseNumber(v.value_musd, { ...at, field: "value_musd" }, { allowEmpty: true });
      const industry = v.oecd_isic4_code_assumed.trim();
      const range = isicRange(industry);
      if (!/^[A-Z]{3}$/.test(country)) bad("country", "invalid_value", "expected an ISO 3166 alpha-3 code such as JPN");
      else if (known.size > 0 && !known.has(country)) bad("country", "unknown_country", `unknown country code '${country}'`);
      if (!range) bad("oecd_isic4_code_assumed", "invalid_value", "expected an OECD industry code such as D26 or D10T12");
      const goodYear = year !== undefined && Number.isInteger(year) && year >= 1950 && year <= 2100;
      if (year !== undefined && !goodYear) bad("year", "invalid_value", "must be a year such as 2018");
      if (!goodYear || !range || problems.length > before) continue;
      const key = `${country}|${year}|${industry}`;
      if (firstLine.has(key)) {
        bad("oecd_isic4_code_assumed", "duplicate_key", `${country} ${year} ${industry} appears again (first on line ${firstLine.get(key)}); one would silently win`);
        continue;
      }
      firstLine.set(key, line);
      if (musd === undefined) continue;
      rows.set(key, [country, year!, industry, range[0], range[1], v.description.trim(), musd, dataset, source]);
    }
    if (problems.length) throw validationError(file, problems);
    await store.run(
      "DELETE FROM national_value_added WHERE country || '|' || year || '|' || industry IN (SELECT unnest(string_split($1, chr(10))))",
      [[...rows.keys()].join("\n")],
    );
    await store.append("national_value_added", [...rows.values()]);
    return rows.size;
  },
};
