import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { ChokepointError } from "../../domain/error.ts";

/** What one file of a BACI release holds, read from its name (CEPII's naming convention). */
export type BaciFileKind = "trade" | "countries" | "products" | "readme";

export interface BaciFileInfo {
  kind: BaciFileKind;
  format: "csv" | "parquet";
  /** HS revision as `HS92`…`HS22`; undefined when the name does not say. */
  classification?: string;
  /** Year of the trade flows (trade files only). */
  year?: number;
  /** Release, e.g. `V202501` (January 2025). */
  version?: string;
}

const TRADE = /^BACI_(HS\d{2})_Y(\d{4})_(V\d{6}[a-z]?)\.(csv|parquet)$/i;
const COUNTRIES = /^country_codes_(V\d{6}[a-z]?)\.(csv|parquet)$/i;
const PRODUCTS = /^product_codes_(HS\d{2})_(V\d{6}[a-z]?)\.(csv|parquet)$/i;

/**
 * Classify a BACI file by its name: `BACI_HS22_Y2023_V202501.csv`, `country_codes_V202501.csv`,
 * `product_codes_HS22_V202501.csv`. Any other `.csv`/`.parquet` is treated as a trade file
 * (its header is checked when it is read), so renamed extracts still load; the release's
 * `Readme.txt` is recognised (and skipped by the loader).
 *
 * @example
 * baciFileInfo("BACI_HS22_Y2023_V202501.csv") // { kind: "trade", format: "csv", classification: "HS22", year: 2023, version: "V202501" }
 */
export function baciFileInfo(file: string): BaciFileInfo {
  const name = basename(file);
  let m = TRADE.exec(name);
  if (m) return { kind: "trade", format: fmt(m[4]), classification: m[1].toUpperCase(), year: Number(m[2]), version: m[3] };
  m = COUNTRIES.exec(name);
  if (m) return { kind: "countries", format: fmt(m[2]), version: m[1] };
  m = PRODUCTS.exec(name);
  if (m) return { kind: "products", format: fmt(m[3]), classification: m[1].toUpperCase(), version: m[2] };
  // A release folder also holds CEPII's Readme.txt; `ingest baci DIR` passes it along.
  if (/^readme/i.test(name) || /\.(txt|md|pdf)$/i.test(name)) return { kind: "readme", format: "csv" };
  const ext = /\.(csv|parquet)$/i.exec(name);
  if (!ext) {
    throw new ChokepointError(
      "invalid_input",
      `${file}: not a BACI file (expected BACI_HS22_Y2023_V202501.csv, country_codes_V202501.csv, product_codes_HS22_V202501.csv or a .parquet of the same columns)`,
    );
  }
  return { kind: "trade", format: fmt(ext[1]) };
}

function fmt(ext: string): "csv" | "parquet" {
  return ext.toLowerCase() === "parquet" ? "parquet" : "csv";
}

const ORDER: Record<BaciFileKind, number> = { countries: 0, products: 1, trade: 2, readme: 3 };

/**
 * Expand directories into the BACI files they contain and order everything so that code lists
 * load before trade files (trade rows are checked against the country list). Other files in a
 * directory (the release's Readme.txt) are ignored; files named explicitly must be BACI files.
 *
 * @example
 * baciFiles(["BACI_HS22_V202501/"]) // ["…/country_codes_V202501.csv", "…/product_codes_HS22_V202501.csv", "…/BACI_HS22_Y2022_V202501.csv", …]
 */
export function baciFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      throw new ChokepointError("io_error", `${p}: cannot read: ${(e as Error).message}`);
    }
    if (!isDir) {
      baciFileInfo(p);
      out.push(p);
      continue;
    }
    for (const name of readdirSync(p).sort()) {
      if (!/\.(csv|parquet)$/i.test(name) || statSync(join(p, name)).isDirectory()) continue;
      out.push(join(p, name));
    }
  }
  return out
    .map((f) => ({ f, info: baciFileInfo(f) }))
    .sort((a, b) => ORDER[a.info.kind] - ORDER[b.info.kind] || a.f.localeCompare(b.f))
    .map((x) => x.f);
}
