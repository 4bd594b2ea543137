import type { Problem } from "../../domain/error.ts";
import { parseNumber, readCsv, validationError } from "../core/csv.ts";
import { csvHeader } from "../core/csv-header.ts";
import type { Loader } from "../core/loader.ts";

/** The six WGI dimensions, by the prefix of the World Bank indicator code (CC.EST → CC). */
export const WGI_INDICATORS = ["VA", "PV", "GE", "RQ", "RL", "CC"] as const;

/**
 * Economies WGI publishes under World Bank codes that are not current ISO3 codes (former or
 * not-ISO economies: Netherlands Antilles, Kosovo, the World Bank's older codes for Romania, DR
 * Congo, Timor-Leste, West Bank and Gaza, Andorra, Channel Islands). Any other code must be a
 * known country: a typo such as `ATL` is refused.
 */
export const WGI_EXTRA_CODES: ReadonlySet<string> = new Set(["ANT", "KSV", "XKX", "ROM", "ZAR", "TMP", "WBG", "ADO", "CHI"]);

/**
 * `wgi`: World Bank Worldwide Governance Indicators bulk file (`WGIData.csv`, wide: one row per
 * economy × series, one column per year). Only the estimate series (`CC.EST`, `GE.EST`, …) are
 * loaded; standard errors, ranks and source counts are skipped. Empty cells and ".." mean no data.
 * Values for an (economy, year, indicator) already loaded are replaced.
 *
 * @example
 * await ingest(store, "wgi", ["data/wgi/WGIData.csv"]);
 */
export const wgiLoader: Loader = {
  id: "wgi",
  description: "World Bank WGIData.csv (wide): Country Name, Country Code, Indicator Name, Indicator Code, <year>…",
  async load({ store, file }) {
    const years = csvHeader(file).filter((h) => /^\d{4}$/.test(h));
    const { records } = readCsv(file, ["Country Name", "Country Code", "Indicator Name", "Indicator Code", ...years]);
    const problems: Problem[] = [];
    if (!years.length) {
      problems.push({ code: "missing_column", path: [1], message: "no year columns (e.g. 2022)", file, line: 1, field: "<year>" });
    }
    const rows: (string | number)[][] = [];
    const source = file.split("/").pop()!;
    const known = new Set((await store.all<{ iso3: string }>("SELECT iso3 FROM countries")).map((r) => r.iso3));
    const seen = new Map<string, number>();
    for (const { line, values } of records) {
      const m = /^(VA|PV|GE|RQ|RL|CC)\.(.+)$/.exec(values["Indicator Code"].trim());
      if (!m) {
        problems.push({ code: "invalid_value", path: [line, "Indicator Code"], message: "expected a WGI code such as CC.EST", file, line, field: "Indicator Code", value: values["Indicator Code"] });
        continue;
      }
      if (m[2] !== "EST") continue;
      const iso3 = values["Country Code"].trim();
      if (!/^[A-Z]{3}$/.test(iso3)) {
        problems.push({ code: "invalid_value", path: [line, "Country Code"], message: "expected a three-letter World Bank country code", file, line, field: "Country Code", value: iso3 });
        continue;
      }
      if (known.size > 0 && !known.has(iso3) && !WGI_EXTRA_CODES.has(iso3)) {
        problems.push({ code: "unknown_country", path: [line, "Country Code"], message: `unknown country code '${iso3}' (not in the countries table)`, file, line, field: "Country Code", value: iso3 });
        continue;
      }
      const key = `${iso3}|${values["Indicator Code"].trim()}`;
      if (seen.has(key)) {
        problems.push({ code: "duplicate_key", path: [line, "Indicator Code"], message: `${iso3} ${values["Indicator Code"].trim()} appears again (first on line ${seen.get(key)}); one would silently win`, file, line, field: "Indicator Code", value: values["Indicator Code"] });
        continue;
      }
      seen.set(key, line);
      for (const y of years) {
        const raw = values[y].trim();
        if (raw === "" || raw === "..") continue;
        const v = parseNumber(raw, { file, line, field: y, problems });
        if (v !== undefined && (v < -3.5 || v > 3.5)) {
          problems.push({ code: "out_of_range", path: [line, y], message: "WGI estimates lie between about -2.5 and 2.5", file, line, field: y, value: raw });
        } else if (v !== undefined) rows.push([iso3, Number(y), m[1], v, source]);
      }
    }
    if (problems.length) throw validationError(file, problems);
    const keys = rows.map((r) => `${r[0]}|${r[1]}|${r[2]}`);
    await store.run(
      "DELETE FROM wgi WHERE iso3 || '|' || year || '|' || indicator IN (SELECT unnest(string_split($1, chr(10))))",
      [keys.join("\n")],
    );
    await store.append("wgi", rows);
    return rows.length;
  },
};
