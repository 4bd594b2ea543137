import type { Problem } from "../../domain/error.ts";
import { parseNumber, readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";

/**
 * The World Bank's aggregate codes in WDI files (regions, income and lending groups, the EU, the euro
 * area, OECD, World). They are not countries: they load with `aggregate = true` and nothing that
 * sums members reads them (the EU27's GDP is the sum of its members, `EUU` only a check).
 */
export const WB_AGGREGATES: ReadonlySet<string> = new Set([
  "AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "EAS", "ECA", "ECS", "EMU", "EUU", "FCS", "HIC", "HPC", "IBD",
  "IBT", "IDA", "IDB", "IDX", "INX", "LAC", "LCN", "LDC", "LIC", "LMC", "LMY", "LTE", "MEA", "MIC", "MNA", "NAC",
  "OED", "OSS", "PRE", "PSS", "PST", "SAS", "SSA", "SSF", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC", "WLD",
]);

/** Economies the World Bank reports that have no ISO 3166 code of their own (Channel Islands). */
export const WB_EXTRA_ECONOMIES: ReadonlySet<string> = new Set(["CHI"]);

/**
 * `gdp`: World Bank WDI GDP in current US$ (NY.GDP.MKTP.CD) in the long layout of `datasets/gdp`
 * (`Country Name,Country Code,Year,Value`, value in US$) → `gdp(country, year, usd, aggregate, name, …)`.
 * A code must be a known country, a World Bank aggregate (kept, flagged) or the Channel Islands; a
 * typo such as `DEX` is refused. An empty value is no data (no row), never 0. A (country, year)
 * already loaded is replaced.
 *
 * @example
 * await ingest(store, "gdp", ["data/gdp/gdp_current_usd_2018_2023.csv"]);
 */
export const gdpLoader: Loader = {
  id: "gdp",
  description: "World Bank GDP, current US$ (NY.GDP.MKTP.CD), long: Country Name, Country Code, Year, Value",
  async load({ store, file, dataset }) {
    const { records } = readCsv(file, ["Country Name", "Country Code", "Year", "Value"]);
    const known = new Set((await store.all<{ iso3: string }>("SELECT iso3 FROM countries")).map((r) => r.iso3));
    const problems: Problem[] = [];
    const rows = new Map<string, (string | number | boolean)[]>();
    const firstLine = new Map<string, number>();
    const source = file.split("/").pop()!;
    for (const { line, values: v } of records) {
      const bad = (field: string, code: string, message: string): void => {
        problems.push({ code, path: [line, field], message, file, line, field, value: v[field] });
      };
      const code = v["Country Code"].trim();
      const at = { file, line, problems };
      const year = parseNumber(v.Year, { ...at, field: "Year" });
      const usd = parseNumber(v.Value, { ...at, field: "Value" }, { allowEmpty: true });
      if (!/^[A-Z]{3}$/.test(code)) {
        bad("Country Code", "invalid_value", "expected a three-letter World Bank code such as DEU");
        continue;
      }
      const aggregate = WB_AGGREGATES.has(code);
      if (!aggregate && !WB_EXTRA_ECONOMIES.has(code) && known.size > 0 && !known.has(code)) {
        bad("Country Code", "unknown_country", `unknown country code '${code}' (not in the countries table, not a World Bank aggregate)`);
        continue;
      }
      if (year !== undefined && !(Number.isInteger(year) && year >= 1960 && year <= 2100)) bad("Year", "invalid_value", "must be a year such as 2023");
      if (usd !== undefined && usd <= 0) bad("Value", "out_of_range", "GDP must be positive (an unknown value is left empty, not 0)");
      if (year === undefined || !Number.isInteger(year) || year < 1960 || year > 2100) continue;
      const key = `${code}|${year}`;
      if (firstLine.has(key)) {
        bad("Country Code", "duplicate_key", `${code} ${year} appears again (first on line ${firstLine.get(key)}); one would silently win`);
        continue;
      }
      firstLine.set(key, line);
      if (usd === undefined || usd <= 0) continue;
      rows.set(key, [code, year, usd, aggregate, v["Country Name"].trim(), dataset, source]);
    }
    if (problems.length) throw validationError(file, problems);
    await store.run(
      "DELETE FROM gdp WHERE country || '|' || year IN (SELECT unnest(string_split($1, chr(10))))",
      [[...rows.keys()].join("\n")],
    );
    await store.append("gdp", [...rows.values()]);
    return rows.size;
  },
};
