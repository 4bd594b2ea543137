import { basename } from "node:path";
import type { Problem } from "../../domain/error.ts";
import { appendTrade, countryCodes, type CountryCodes, type TradeRow } from "../../store/queries/trade.ts";
import { parseNumber, validationError } from "../core/csv.ts";
import { readTradeCsv } from "./comtrade-csv.ts";
import { eurostatToIso3 } from "./comext-geo.ts";
import { LIMITS } from "../../domain/limits.ts";
import type { Loader } from "../core/loader.ts";

/**
 * Column names of the Eurostat Comext bulk/extraction files. The older bulk layout
 * (`DECLARANT_ISO`, `PARTNER_ISO`, `VALUE_IN_EUROS`, `QUANTITY_IN_KG`) and the `full_v2`
 * layout (`REPORTER`, `PARTNER`, `VALUE_EUR`, `QUANTITY_KG`) are both accepted.
 */
const COLUMNS = {
  declarant: { names: ["DECLARANT_ISO", "REPORTER"] },
  partner: { names: ["PARTNER_ISO", "PARTNER"] },
  product: { names: ["PRODUCT_NC"] },
  flow: { names: ["FLOW"] },
  // Eurostat splits a flow by statistical procedure (normal trade, processing): rows that differ by
  // it are parts of one flow and add up; rows equal in it too are duplicates.
  regime: { names: ["STAT_REGIME", "STAT_PROCEDURE"], optional: true },
  period: { names: ["PERIOD"] },
  value: { names: ["VALUE_IN_EUROS", "VALUE_EUR"] },
  quantity: { names: ["QUANTITY_IN_KG", "QUANTITY_KG"], optional: true },
} as const;

/** What parsing one Comext file gives: rows to write, and skipped rows counted by reason. */
export interface ComextParse {
  rows: TradeRow[];
  skipped: Record<string, number>;
  problems: Problem[];
}

/**
 * Parse a Comext CSV into trade rows (no writes). PERIOD is `YYYY`, `YYYY52` (Eurostat's annual
 * period) or `YYYYMM`; FLOW 1 = import, 2 = export; values in EUR, quantities in kg.
 *
 * @example
 * const { rows, skipped } = parseComext("imports.csv", codes);
 */
export function parseComext(file: string, codes: CountryCodes): ComextParse {
  const { cols, records } = readTradeCsv(file, COLUMNS);
  const out: ComextParse = { rows: [], skipped: {}, problems: [] };
  const problems = out.problems;
  const seen = new Map<string, number>();
  const bad = (line: number, field: string, value: string, code: string, message: string) =>
    problems.push({ code, path: [line, field], message, file, line, field, value });
  for (const { line, values } of records) {
    const get = (k: keyof typeof COLUMNS) => (cols[k] ? values[cols[k]!].trim() : "");
    const reporter = eurostatToIso3(get("declarant"), codes);
    const partner = eurostatToIso3(get("partner"), codes);
    if (!reporter || "skip" in reporter) {
      bad(line, cols.declarant!, get("declarant"), "unknown_country", `unknown declarant code '${get("declarant")}'`);
    }
    if (!partner) bad(line, cols.partner!, get("partner"), "unknown_country", `unknown partner code '${get("partner")}'`);
    const product = get("product");
    const productOk = /^\d{8}$/.test(product);
    if (!productOk && !/^\d{0,7}X+$/i.test(product)) {
      bad(line, cols.product!, product, "invalid_product", `product code must be 8 digits (CN8), got '${product}'`);
    }
    const flow = get("flow") === "1" ? "M" : get("flow") === "2" ? "X" : undefined;
    if (!flow) bad(line, cols.flow!, get("flow"), "invalid_flow", `FLOW must be 1 (import) or 2 (export), got '${get("flow")}'`);
    const period = parsePeriod(get("period"));
    if (!period) bad(line, cols.period!, get("period"), "invalid_period", `PERIOD must be YYYY, YYYY52 or YYYYMM, got '${get("period")}'`);
    const at = { file, line, problems };
    const value = parseNumber(values[cols.value!], { ...at, field: cols.value! });
    if (value !== undefined && value < 0) bad(line, cols.value!, get("value"), "negative_value", "value must not be negative");
    const quantity = cols.quantity ? parseNumber(values[cols.quantity], { ...at, field: cols.quantity }, { allowEmpty: true }) : undefined;
    if (problems.length) continue;
    const key = [get("declarant"), get("partner"), product, get("flow"), get("period"), get("regime")].join("|");
    const first = seen.get(key);
    if (first !== undefined) {
      bad(line, cols.product!, product, "duplicate_key", `same declarant, partner, product, flow and period${cols.regime ? " and procedure" : ""} as line ${first} (a duplicate would be summed)`);
      continue;
    }
    seen.set(key, line);
    if (partner && "skip" in partner) {
      out.skipped[partner.skip] = (out.skipped[partner.skip] ?? 0) + 1;
      continue;
    }
    if (!productOk) {
      out.skipped["confidential product"] = (out.skipped["confidential product"] ?? 0) + 1;
      continue;
    }
    out.rows.push({
      flow: flow!, reporter: (reporter as { iso3: string }).iso3, partner: partner!.iso3,
      classification: "CN8", product, year: period!.year, month: period!.month,
      value: value!, currency: "EUR", quantity: quantity ?? null, qtyUnit: quantity === undefined ? null : "kg",
    });
  }
  return out;
}

/** `2024` and `202452` → annual (month 0); `202403` → March. */
export function parsePeriod(raw: string): { year: number; month: number } | undefined {
  const m = /^(\d{4})(\d{2})?$/.exec(raw.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const mm = m[2] === undefined ? 0 : Number(m[2]);
  if (year < LIMITS.years.min || year > LIMITS.years.max) return undefined;
  if (mm === 52 || mm === 0) return { year, month: 0 };
  return mm >= 1 && mm <= 12 ? { year, month: mm } : undefined;
}

/** Loader for Eurostat Comext bulk/extraction CSV (EU member states' trade by partner, CN8, EUR). */
export const comextLoader: Loader = {
  id: "comext",
  description: "Eurostat Comext bulk/extraction CSV (DECLARANT_ISO, PARTNER_ISO, PRODUCT_NC, FLOW, PERIOD, VALUE_IN_EUROS[, QUANTITY_IN_KG])",
  async load({ store, file, dataset }) {
    const parsed = parseComext(file, await countryCodes(store));
    if (parsed.problems.length) throw validationError(file, parsed.problems);
    await appendTrade(store, dataset, basename(file), parsed.rows);
    return parsed.rows.length;
  },
};
