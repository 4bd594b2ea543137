import { listValue } from "@duckdb/node-api";
import type { Store } from "../store.ts";

/** One row of table `trade`, as loaders produce it (month 0 = annual). */
export interface TradeRow {
  flow: "M" | "X";
  reporter: string;
  partner: string;
  classification: string;
  product: string;
  year: number;
  month: number;
  value: number | null;
  currency: "EUR" | "USD" | null;
  quantity: number | null;
  qtyUnit: "kg" | "t" | "bcm" | null;
}

/** Country code look-ups built from `countries` and `country_aliases` (all keys upper-case, aliases lower-case). */
export interface CountryCodes {
  iso3: Set<string>;
  byIso2: Map<string, string>;
  byM49: Map<string, string>;
  byAlias: Map<string, string>;
}

/**
 * Read the reference tables once per file so loaders can map partner codes without a query per row.
 * M49 keys are stored without leading zeros ("4" and "004" both find Afghanistan).
 *
 * @example
 * const codes = await countryCodes(store);
 * codes.byIso2.get("CN"); // "CHN"
 */
export async function countryCodes(store: Store): Promise<CountryCodes> {
  const rows = await store.all<{ iso3: string; iso2: string | null; m49: string | null }>(
    "SELECT iso3, iso2, m49 FROM countries",
  );
  const aliases = await store.all<{ alias: string; iso3: string }>("SELECT alias, iso3 FROM country_aliases");
  const out: CountryCodes = { iso3: new Set(), byIso2: new Map(), byM49: new Map(), byAlias: new Map() };
  for (const r of rows) {
    out.iso3.add(r.iso3.toUpperCase());
    if (r.iso2) out.byIso2.set(r.iso2.toUpperCase(), r.iso3);
    if (r.m49) out.byM49.set(String(Number(r.m49)), r.iso3);
  }
  for (const a of aliases) out.byAlias.set(a.alias.toLowerCase(), a.iso3);
  return out;
}

/**
 * Append trade rows for one file (inside the caller's transaction); a reporter's own World rows go to
 * `trade_totals` (same columns, partner 'WLD'), never into `trade`, so partner sums stay partner sums.
 *
 * @example
 * await appendTrade(store, "eurostat-comext", "x.csv", rows);
 */
export async function appendTrade(
  store: Store,
  dataset: string,
  sourceFile: string,
  rows: readonly TradeRow[],
  table: "trade" | "trade_totals" = "trade",
): Promise<void> {
  if (!rows.length) return;
  await store.append(
    table,
    rows.map((r) => [
      dataset, sourceFile, r.flow, r.reporter, r.partner, r.classification, r.product,
      r.year, r.month, r.value, r.currency, r.quantity, r.qtyUnit,
    ]),
  );
}

/** A partner's share of a group of reporters' imports from outside the group. */
export interface PartnerShare {
  partner: string;
  value: number;
  share: number;
}

/**
 * Partners' shares of the imports of a group of reporters from partners outside that group
 * (trade inside the group is domestic for it), for products whose code starts with `productPrefix`.
 * Annual rows only (month 0).
 *
 * @example
 * const s = await extraGroupImportShares(store, { dataset: "eurostat-comext", reporters: eu27, productPrefix: "2504", year: 2024 });
 * s[0]; // { partner: "CHN", value: …, share: 0.52 }
 */
export async function extraGroupImportShares(
  store: Store,
  q: { dataset: string; reporters: readonly string[]; productPrefix: string; year: number },
): Promise<PartnerShare[]> {
  return store.all<PartnerShare>(
    `WITH t AS (
       SELECT partner, sum(value) AS v FROM trade
       WHERE dataset = $1 AND flow = 'M' AND month = 0 AND year = $2
         AND list_contains($3::VARCHAR[], reporter) AND NOT list_contains($3::VARCHAR[], partner)
         AND starts_with(product, $4)
       GROUP BY partner)
     SELECT partner, v::DOUBLE AS value, (v / sum(v) OVER ())::DOUBLE AS share FROM t ORDER BY v DESC, partner`,
    [q.dataset, q.year, listValue([...q.reporters]), q.productPrefix],
  );
}
