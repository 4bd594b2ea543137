import { basename } from "node:path";
import type { Problem } from "../../domain/error.ts";
import { appendTrade, countryCodes, type TradeRow } from "../../store/queries/trade.ts";
import { readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * `monthly-trade`: monthly bilateral trade of any reporter in a plain shape,
 * `period,reporter,partner,flow,code,value,quantity` — period `YYYY-MM` or `YYYYMM`, reporter and
 * partner ISO3 (or `WLD`), flow `M`/`X`, code HS6 (longer national codes are cut to HS6 and summed by
 * the anomaly reader), value in USD, quantity in kg (empty = unknown). Feeds `chokepoint anomalies`
 * and alerts for any reporter; Comtrade monthly CSV loads with `comtrade`, Comext monthly with `comext`.
 *
 * @example await ingest(store, "monthly-trade", ["jpn_imports_2026.csv"]);
 */
export const monthlyTradeLoader: Loader = {
  id: "monthly-trade",
  description: "Monthly bilateral trade: period (YYYY-MM), reporter, partner (ISO3), flow (M/X), code (HS6+), value (USD), quantity (kg)",
  async load({ store, file, dataset }) {
    const { records } = readCsv(file, ["period", "reporter", "partner", "flow", "code", "value", "quantity"]);
    const codes = await countryCodes(store);
    const known = (c: string) => c === "WLD" || codes.iso3.has(c);
    const problems: Problem[] = [];
    const rows: TradeRow[] = [];
    for (const { line, values: v } of records) {
      const bad = (field: string, message: string, code = "invalid_value") => problems.push({ code, path: [line, field], message, file, line, field, value: v[field] });
      const p = /^(\d{4})-?(\d{2})$/.exec(v.period.trim());
      const month = p ? Number(p[2]) : 0;
      if (!p || month < 1 || month > 12) bad("period", "must be a month YYYY-MM or YYYYMM", "invalid_period");
      const reporter = v.reporter.trim().toUpperCase(), partner = v.partner.trim().toUpperCase();
      if (!known(reporter)) bad("reporter", `unknown country '${v.reporter}' (ISO3 expected)`, "unknown_country");
      if (!known(partner)) bad("partner", `unknown country '${v.partner}' (ISO3 or WLD expected)`, "unknown_country");
      const flow = v.flow.trim().toUpperCase();
      if (flow !== "M" && flow !== "X") bad("flow", "must be M (imports) or X (exports)");
      const code = v.code.trim().replace(/\./g, "");
      if (!/^\d{6,10}$/.test(code)) bad("code", "must be an HS code of 6–10 digits", "invalid_product");
      const value = v.value.trim();
      if (!NUMBER.test(value) || Number(value) < 0) bad("value", "must be a non-negative number (USD)");
      const qty = v.quantity.trim();
      if (qty && (!NUMBER.test(qty) || Number(qty) < 0)) bad("quantity", "must be a non-negative number (kg) or empty");
      if (problems.length) continue;
      rows.push({
        flow: flow as "M" | "X", reporter, partner, classification: "HS6", product: code.slice(0, 6), year: Number(p![1]), month,
        value: Number(value), currency: "USD", quantity: qty ? Number(qty) : null, qtyUnit: qty ? "kg" : null,
      });
    }
    if (problems.length) throw validationError(file, problems);
    await appendTrade(store, dataset, basename(file), rows);
    return rows.length;
  },
};
