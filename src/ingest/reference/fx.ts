import type { Problem } from "../../domain/error.ts";
import { parseNumber, readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";

/**
 * `fx`: annual average exchange rates as published (`year,base,quote,rate,source`, e.g. the ECB's
 * 1.0813 USD per EUR for 2023) → `fx_rates` as units of currency per USD (EUR 2023: 1/1.0813).
 * One side of each pair must be USD. A (year, currency) already loaded is replaced.
 *
 * @example
 * await ingest(store, "fx", ["data/fx/ecb_annual_averages.csv"]);
 */
export const fxLoader: Loader = {
  id: "fx",
  description: "Annual average exchange rates: year, base, quote, rate (quote per base; one side USD), source",
  async load({ store, file }) {
    const { records } = readCsv(file, ["year", "base", "quote", "rate", "source"]);
    const problems: Problem[] = [];
    const rows = new Map<string, (string | number)[]>();
    for (const { line, values: v } of records) {
      const at = { file, line, problems };
      const year = parseNumber(v.year, { ...at, field: "year" });
      const rate = parseNumber(v.rate, { ...at, field: "rate" });
      const bad = (field: string, message: string): void => {
        problems.push({ code: "invalid_value", path: [line, field], message, file, line, field, value: v[field] });
      };
      if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2100)) bad("year", "must be a year such as 2023");
      if (rate !== undefined && rate <= 0) bad("rate", "must be positive");
      const base = v.base.trim().toUpperCase();
      const quote = v.quote.trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(base)) bad("base", "must be an ISO 4217 code");
      if (!/^[A-Z]{3}$/.test(quote)) bad("quote", "must be an ISO 4217 code");
      if (base !== "USD" && quote !== "USD") bad("quote", "one side of the pair must be USD");
      if (year === undefined || rate === undefined || rate <= 0) continue;
      // rate = quote units per 1 base unit; per_usd = currency units per 1 USD.
      const [currency, perUsd] = quote === "USD" ? [base, 1 / rate] : [quote, rate];
      rows.set(`${year}|${currency}`, [year, currency, perUsd, v.source.trim()]);
    }
    if (problems.length) throw validationError(file, problems);
    await store.run(
      "DELETE FROM fx_rates WHERE year || '|' || currency IN (SELECT unnest(string_split($1, chr(10))))",
      [[...rows.keys()].join("\n")],
    );
    await store.append("fx_rates", [...rows.values()]);
    return rows.size;
  },
};
