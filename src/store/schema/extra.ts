import { MONITOR_DDL } from "../queries/monitor.ts";
/**
 * Tables owned by later capabilities (monitoring events, anomalies, world-scale trade).
 * Each capability appends its DDL here; keep them `CREATE TABLE IF NOT EXISTS`.
 */
export const extraDdl: string[] = [
  ...MONITOR_DDL, // monitoring: feeds, feed items, events (src/store/queries/monitor.ts)
  // World-scale trade (CEPII BACI), kept as published: numeric country codes (→ baci_countries),
  // value_kusd in thousands of USD, quantity_t in tonnes; baci_loads = which file each year came from
  // (and the country codes its rows use, so coverage checks need not rescan the year).
  `CREATE TABLE IF NOT EXISTS baci_trade (year SMALLINT, exporter SMALLINT, importer SMALLINT, hs6 INTEGER, value_kusd DOUBLE, quantity_t DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS baci_loads (year SMALLINT PRIMARY KEY, classification VARCHAR, release VARCHAR, dataset VARCHAR, source_file VARCHAR, rows DOUBLE, codes SMALLINT[], loaded_at TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS baci_countries (code SMALLINT PRIMARY KEY, iso3 VARCHAR, iso2 VARCHAR, name VARCHAR, release VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS baci_products (classification VARCHAR, code VARCHAR, description VARCHAR, release VARCHAR, PRIMARY KEY (classification, code))`,
];
