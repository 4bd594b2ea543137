import { MONITOR_DDL } from "../queries/monitor.ts";
import { TARIFFS_DDL } from "../queries/tariffs.ts";
/** The view `baci_trade` when no BACI year is loaded: BACI's six columns, no rows. */
export const BACI_TRADE_EMPTY =
  "SELECT NULL::SMALLINT AS year, NULL::SMALLINT AS exporter, NULL::SMALLINT AS importer, NULL::INTEGER AS hs6, NULL::DOUBLE AS value_kusd, NULL::DOUBLE AS quantity_t WHERE false";

/**
 * Tables owned by later capabilities (monitoring events, anomalies, world-scale trade).
 * Each capability appends its DDL here; keep them `CREATE TABLE IF NOT EXISTS`.
 */
export const extraDdl: string[] = [
  ...MONITOR_DDL, // monitoring: feeds, feed items, events (src/store/queries/monitor.ts)
  // World-scale trade (CEPII BACI), kept as published: numeric country codes (→ baci_countries),
  // value_kusd in thousands of USD, quantity_t in tonnes; baci_loads = which file each year came from
  // (and the country codes its rows use, so coverage checks need not rescan the year).
  // One table per year behind the view baci_trade (src/store/queries/baci-tables.ts).
  `CREATE VIEW IF NOT EXISTS baci_trade AS ${BACI_TRADE_EMPTY}`,
  `CREATE TABLE IF NOT EXISTS baci_loads (year SMALLINT PRIMARY KEY, classification VARCHAR, release VARCHAR, dataset VARCHAR, source_file VARCHAR, rows DOUBLE, codes SMALLINT[], loaded_at TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS baci_countries (code SMALLINT PRIMARY KEY, iso3 VARCHAR, iso2 VARCHAR, name VARCHAR, release VARCHAR)`,
  ...TARIFFS_DDL, // US tariffs: Census 2024 imports, partners, measures, scope lists (src/store/queries/tariffs.ts)
  `CREATE TABLE IF NOT EXISTS baci_products (classification VARCHAR, code VARCHAR, description VARCHAR, release VARCHAR, PRIMARY KEY (classification, code))`,
  // A reporter's own World rows (Comtrade partner 0/W00), kept beside `trade` (same columns, partner
  // 'WLD') to measure how complete its partner rows are (src/analytics/coverage/).
  `CREATE TABLE IF NOT EXISTS trade_totals (
     dataset VARCHAR, source_file VARCHAR, flow VARCHAR, reporter VARCHAR, partner VARCHAR,
     classification VARCHAR, product VARCHAR, year INTEGER, month INTEGER,
     value DOUBLE, currency VARCHAR, quantity DOUBLE, qty_unit VARCHAR)`,
  // What a dataset says of its own completeness (dataset.json `coverage`): a preview file capped at
  // 500 records is `complete = false`, read only where nothing complete exists (src/analytics/sourcing/).
  `CREATE TABLE IF NOT EXISTS dataset_coverage (dataset VARCHAR PRIMARY KEY, complete BOOLEAN, note VARCHAR, kind VARCHAR)`,
];
