import { basename } from "node:path";
import type { Problem } from "../../domain/error.ts";
import type { Store } from "../../store/store.ts";
import { readCsv, validationError } from "../core/csv.ts";
import { csvHeader } from "../core/csv-header.ts";
import type { Loader } from "../core/loader.ts";
import { isNotesColumn, measureColumn, parseCell, TONNES_PER, type MeasureColumn } from "./usgs-mcs-columns.ts";
import { baseCountry, cleanUsgsLabel, isUsgsAggregate } from "./usgs-mcs-label.ts";

/** Rows that name several countries at once: kept, with no ISO3 and not an aggregate. */
const MULTI_COUNTRY = new Set(["united states and canada"]);

/**
 * `usgs-mcs`: a USGS Mineral Commodity Summaries world file (data-release CSV) → `usgs_production`,
 * one row per country row × measure column. Country labels lose footnote digits and the estimate
 * "e"; markers (W, NA, XX, Large, <…) are kept in value_raw with no value; values are converted to
 * tonnes in value_t. The edition comes from the `Source` column (MCS2024 → "2024"), the commodity
 * code from the file name (mcs2024-galli_world.csv → "galli"). Reloading a file replaces its rows.
 *
 * @example
 * await ingest(store, "usgs-mcs", ["mcs2024-galli_world.csv"]);
 */
export const usgsMcsLoader: Loader = {
  id: "usgs-mcs",
  description: "USGS MCS world file: Source,Country,Type,Prod_<unit>_<year>,…,Reserves_<unit>,… (public data release)",
  async load({ store, file, dataset }) {
    const name = basename(file);
    const code = /mcs\d{4}-([a-z]+(?:-[a-z]+)?)_world/i.exec(name)?.[1]?.toLowerCase();
    const problems: Problem[] = [];
    if (!code) {
      problems.push({ code: "bad_file_name", path: [], message: "cannot tell the commodity from the file name (expected mcsYYYY-<code>_world.csv)", file, line: 1, field: "file", value: name });
      throw validationError(file, problems);
    }
    const fileEdition = /mcs(\d{4})-/i.exec(name);
    const header = csvHeader(file);
    // The MCS 2024 fluorspar file has its Type text ("Mine production, fluorspar") as the third header.
    const typeKey = header.includes("Type") ? "Type" : header[2] && !measureColumn(header[2]) && !isNotesColumn(header[2]) ? header[2] : "Type";
    const measures = header.map(measureColumn).filter((m): m is MeasureColumn => !!m);
    const required = ["Source", "Country", typeKey, ...measures.map((m) => m.name)];
    const { records } = readCsv(file, required);
    if (!measures.length) {
      problems.push({ code: "missing_column", path: [1], message: "no measure columns (Prod_…, Cap_…, Reserves_…)", file, line: 1, field: "Prod_<unit>_<year>" });
    }
    for (const h of header) {
      if (h && h !== typeKey && !["Source", "Country"].includes(h) && !measureColumn(h) && !isNotesColumn(h)) {
        problems.push({ code: "unknown_column", path: [1, h], message: `unknown column '${h}'`, file, line: 1, field: h });
      }
    }
    const aliases = await aliasMap(store);
    const known = (s: string): boolean => aliases.has(s) || MULTI_COUNTRY.has(s);
    const rows: (string | number | boolean | null)[][] = [];
    let edition: string | undefined;
    const seen = new Map<string, number>();
    for (const { line, values } of records) {
      if (!values.Source.trim() && !values.Country.trim()) continue; // blank padding rows as published
      // A few MCS 2024 files leave Source blank or write "MCS 2024": fall back to the file name's edition.
      const src = /^MCS ?(\d{4})$/i.exec(values.Source.trim()) ?? (values.Source.trim() ? null : fileEdition);
      if (!src) {
        problems.push({ code: "invalid_value", path: [line, "Source"], message: "Source must be MCSyyyy", file, line, field: "Source", value: values.Source });
        continue;
      }
      edition ??= src[1];
      const { label, estimated: labelEst } = cleanUsgsLabel(values.Country, known);
      const aggregate = isUsgsAggregate(label);
      const lower = label.toLowerCase();
      const iso3 = aliases.get(lower) ?? aliases.get(baseCountry(label).toLowerCase()) ?? null;
      if (!aggregate && !iso3 && !MULTI_COUNTRY.has(lower)) {
        problems.push({ code: "unknown_country", path: [line, "Country"], message: `unknown country '${label}' (add it to data/countries/aliases.csv)`, file, line, field: "Country", value: values.Country });
        continue;
      }
      const key = `${values.Country.trim().toLowerCase()}|${values[typeKey]?.trim().toLowerCase() ?? ""}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ code: "duplicate_key", path: [line, "Country"], message: `same Country and ${typeKey} as line ${first} (it would be counted twice)`, file, line, field: "Country", value: values.Country });
        continue;
      }
      seen.set(key, line);
      for (const m of measures) {
        const raw = values[m.name].trim();
        if (!raw) continue;
        const cell = parseCell(raw);
        if ("invalid" in cell) {
          problems.push({ code: "invalid_number", path: [line, m.name], message: `not a number or USGS marker: '${raw}'`, file, line, field: m.name, value: raw });
          continue;
        }
        if (cell.value !== null && cell.value < 0) {
          // Production, capacity and reserves are quantities: a negative one is a typo that would drop the country silently.
          problems.push({ code: "negative_quantity", path: [line, m.name], message: `a quantity cannot be negative: '${raw}'`, file, line, field: m.name, value: raw });
          continue;
        }
        const year = m.year ?? Number(src[1]) - 1; // reserves carry no year: as of the year before the edition
        const perT = TONNES_PER[m.unit];
        rows.push([dataset, src[1], code, label, iso3, aggregate, values[typeKey]?.trim() ?? "", m.measure, year,
          m.estimated || labelEst || cell.estimated, m.unit, raw, cell.value,
          cell.value === null || perT === null ? null : cell.value * perT, name, line, m.subtype]);
      }
    }
    if (problems.length) throw validationError(file, problems);
    await store.run("DELETE FROM usgs_production WHERE source_file = $1 AND edition = $2", [name, edition ?? ""]);
    await store.append("usgs_production", rows);
    return rows.length;
  },
};

async function aliasMap(store: Store): Promise<Map<string, string>> {
  const rows = await store.all<{ alias: string; iso3: string }>("SELECT alias, iso3 FROM country_aliases");
  return new Map(rows.map((r) => [r.alias, r.iso3]));
}
