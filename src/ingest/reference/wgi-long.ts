import type { Problem } from "../../domain/error.ts";
import { parseNumber, readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";
import { WGI_INDICATORS } from "./wgi.ts";

const REQUIRED = ["code", "year", "indicator", "estimate"] as const;

/**
 * `wgi-long`: the World Bank WGI in the long layout of the 2024 update (one row per economy ×
 * year × indicator: codeindyr, code, countryname, year, indicator (va, pv, ge, rq, rl, cc),
 * estimate, stddev, nsource, pctrank…). Only the estimate is loaded; an empty estimate or ".."
 * means no data. Values for an (economy, year, indicator) already loaded are replaced, so the
 * dataset loaded last wins (data/wgi loads the 2024 update first, then the 2023 update).
 *
 * @example
 * await ingest(store, "wgi-long", ["data/wgi/wgi_2024update_long_1996_2023.csv"]); // JPN cc 2023 = 1.3957
 */
export const wgiLongLoader: Loader = {
  id: "wgi-long",
  description: "World Bank WGI long layout (2024 update): code, year, indicator (va…cc), estimate",
  async load({ store, file }) {
    const { records } = readCsv(file, REQUIRED);
    const problems: Problem[] = [];
    const rows: (string | number)[][] = [];
    const source = file.split("/").pop()!;
    const bad = (line: number, field: string, value: string, message: string) =>
      problems.push({ code: "invalid_value", path: [line, field], message, file, line, field, value });
    for (const { line, values } of records) {
      const iso3 = values.code.trim();
      const ind = values.indicator.trim().toUpperCase();
      const rawYear = values.year.trim();
      const raw = values.estimate.trim();
      if (!/^[A-Z]{3}$/.test(iso3)) bad(line, "code", iso3, "expected a three-letter World Bank country code");
      if (!(WGI_INDICATORS as readonly string[]).includes(ind)) bad(line, "indicator", values.indicator, "expected one of va, pv, ge, rq, rl, cc");
      const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : undefined;
      if (year === undefined) bad(line, "year", rawYear, "expected a four-digit year");
      if (raw === "" || raw === "..") continue;
      const v = parseNumber(raw, { file, line, field: "estimate", problems });
      if (v !== undefined && (v < -3.5 || v > 3.5)) {
        problems.push({ code: "out_of_range", path: [line, "estimate"], message: "WGI estimates lie between about -2.5 and 2.5", file, line, field: "estimate", value: raw });
      } else if (v !== undefined && year !== undefined) rows.push([iso3, year, ind, v, source]);
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
