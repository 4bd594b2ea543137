import { basename } from "node:path";
import type { Problem } from "../../domain/error.ts";
import { appendTrade, countryCodes, type CountryCodes, type TradeRow } from "../../store/queries/trade.ts";
import { parseNumber, validationError } from "../core/csv.ts";
import { readTradeCsv } from "./comtrade-csv.ts";
import type { Loader } from "../core/loader.ts";

/**
 * The EI Statistical Review "LNG trade movements" matrix in long form: one row per importer ×
 * exporter × year, in billion cubic metres. The aggregate flags are optional; without them,
 * EI's region and "Other…/Total…/Rest of…" rows are recognised by name.
 */
const COLUMNS = {
  year: { names: ["year", "Year", "data_year"] },
  importer: { names: ["importer", "Importer", "importer_row"] },
  exporter: { names: ["exporter", "Exporter", "exporter_col"] },
  bcm: { names: ["value_bcm", "bcm", "Value"] },
  importerAgg: { names: ["importer_is_aggregate"], optional: true },
  exporterAgg: { names: ["exporter_is_aggregate"], optional: true },
} as const;

/** EI's region and residual rows/columns (never a country). */
const EI_AGGREGATE = /^(other\b|total\b|rest of\b|north america$|s\. & cent\. america$|europe$|cis$|middle east$|africa$|asia pacific$|middle east & africa$|world$|european union|of which|non-oecd$|oecd$)/i;

/** EI/bp's residual EU importer row ("Other EU", "Other European Union" in the 2022 edition). */
const OTHER_EU = /^other (eu|european union)$/i;

export interface EiLngParse {
  rows: TradeRow[];
  /** each importer's "Total imports" cell: flow M to partner WLD (the World row completeness is measured against) */
  totals: TradeRow[];
  skipped: Record<string, number>;
  problems: Problem[];
}

/**
 * Parse EI LNG trade movements into trade rows: reporter = importer, flow M, partner = exporter,
 * classification 'EI', product 'LNG', quantity in bcm, no value; the "Total exports" row becomes
 * flow X from each exporter to WLD, each importer's "Total imports" column its World row
 * (`totals`), and the "Other EU" importer row reporter XEU (domain/residual-reporters.ts). Reads
 * EI's long form (year, importer, exporter, value_bcm) and the matrices' (data_year, importer_row,
 * exporter_col, bcm). Other aggregate rows/columns and empty (zero) cells are
 * skipped and counted.
 *
 * @example
 * const { rows } = parseEiLng("ei_lng_2023.csv", codes); // Japan from Australia 2023: 37.49 bcm
 */
export function parseEiLng(file: string, codes: CountryCodes): EiLngParse {
  const { cols, records } = readTradeCsv(file, COLUMNS);
  const out: EiLngParse = { rows: [], totals: [], skipped: {}, problems: [] };
  const skip = (why: string) => (out.skipped[why] = (out.skipped[why] ?? 0) + 1);
  for (const { line, values } of records) {
    const get = (k: keyof typeof COLUMNS) => (cols[k] ? values[cols[k]!].trim() : "");
    const at = { file, line, problems: out.problems };
    const year = parseNumber(get("year"), { ...at, field: cols.year! });
    if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > 2100)) {
      out.problems.push({ code: "invalid_year", path: [line, cols.year!], message: "year must be a four-digit year", file, line, field: cols.year!, value: get("year") });
    }
    const bcm = parseNumber(get("bcm"), { ...at, field: cols.bcm! }, { allowEmpty: true });
    if (bcm !== undefined && bcm < 0) {
      out.problems.push({ code: "negative_value", path: [line, cols.bcm!], message: "bcm must not be negative", file, line, field: cols.bcm!, value: get("bcm") });
    }
    const side = (k: "importer" | "exporter", flag: "importerAgg" | "exporterAgg") => {
      const name = get(k).replace(/\*+$/, "").trim();
      if (k === "importer" && OTHER_EU.test(name)) return { iso3: "XEU" };
      if (get(flag) === "1" || get(flag).toLowerCase() === "true" || EI_AGGREGATE.test(name)) return { skip: name };
      const iso3 = codes.byAlias.get(name.toLowerCase()) ?? (codes.iso3.has(name.toUpperCase()) ? name.toUpperCase() : undefined);
      if (!iso3) out.problems.push({ code: "unknown_country", path: [line, cols[k]!], message: `unknown country '${name}'`, file, line, field: cols[k]!, value: get(k) });
      return iso3 ? { iso3 } : undefined;
    };
    const importer = side("importer", "importerAgg");
    const exporter = side("exporter", "exporterAgg");
    if (out.problems.length) continue;
    // EI's "Total exports" row is each exporter's world total (flows to regions EI does not split
    // by country included): kept as flow X to the world (WLD), the basis of world supply shares.
    if (importer && "skip" in importer && /^total exports$/i.test(importer.skip ?? "") && exporter && "iso3" in exporter && exporter.iso3) {
      if (bcm) {
        out.rows.push({
          flow: "X", reporter: exporter.iso3, partner: "WLD", classification: "EI", product: "LNG",
          year: year!, month: 0, value: null, currency: null, quantity: bcm, qtyUnit: "bcm",
        });
      } else skip("zero or empty");
      continue;
    }
    // Each importer's "Total imports" column: its World row, so completeness is measured (the
    // residual "Other Africa/Europe…" exporter columns are in it but not in the partner rows).
    if (importer && "iso3" in importer && exporter && "skip" in exporter && /^total imports$/i.test(exporter.skip ?? "")) {
      if (bcm) {
        out.totals.push({
          flow: "M", reporter: importer.iso3!, partner: "WLD", classification: "EI", product: "LNG",
          year: year!, month: 0, value: null, currency: null, quantity: bcm, qtyUnit: "bcm",
        });
      } else skip("zero or empty");
      continue;
    }
    if ("skip" in importer! || "skip" in exporter!) { skip("aggregate"); continue; }
    if (!bcm) { skip("zero or empty"); continue; }
    out.rows.push({
      flow: "M", reporter: importer!.iso3, partner: exporter!.iso3, classification: "EI", product: "LNG",
      year: year!, month: 0, value: null, currency: null, quantity: bcm, qtyUnit: "bcm",
    });
  }
  return out;
}

/** Loader for EI Statistical Review LNG trade movements (long form, bcm). */
export const eiLngLoader: Loader = {
  id: "ei-lng",
  description: "EI Statistical Review LNG trade movements, long form (year, importer, exporter, value_bcm)",
  async load({ store, file, dataset }) {
    const parsed = parseEiLng(file, await countryCodes(store));
    if (parsed.problems.length) throw validationError(file, parsed.problems);
    await appendTrade(store, dataset, basename(file), parsed.rows);
    await appendTrade(store, dataset, basename(file), parsed.totals, "trade_totals");
    return parsed.rows.length + parsed.totals.length;
  },
};
