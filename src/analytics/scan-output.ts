import { csvCell } from "../domain/csv-cell.ts";
import type { ScanResult } from "./scan.ts";

/** One flat column of the scan's table output (CSV and Parquet share it). */
export interface ScanColumn {
  name: string;
  type: "VARCHAR" | "DOUBLE" | "BOOLEAN" | "INTEGER";
  get: (p: ScanResult["products"][number], r: ScanResult) => string | number | boolean | null;
}

/** The scan as a flat table: one row per product, values in USD, shares 0–1, with source and year. */
export const SCAN_COLUMNS: readonly ScanColumn[] = [
  { name: "rank", type: "INTEGER", get: (p) => p.rank },
  { name: "hs6", type: "VARCHAR", get: (p) => p.hs6 },
  { name: "description", type: "VARCHAR", get: (p) => p.description },
  { name: "materials", type: "VARCHAR", get: (p) => [...new Set(p.materials.map((m) => m.material))].join(";") || null },
  { name: "import_value_usd", type: "DOUBLE", get: (p) => p.importValue },
  { name: "suppliers", type: "INTEGER", get: (p) => p.suppliers },
  { name: "hhi", type: "DOUBLE", get: (p) => p.hhi },
  { name: "top_country", type: "VARCHAR", get: (p) => p.top.country },
  { name: "top_share", type: "DOUBLE", get: (p) => p.top.share },
  { name: "top_world_share", type: "DOUBLE", get: (p) => p.topWorldShare },
  { name: "world_hhi", type: "DOUBLE", get: (p) => p.worldHhi },
  { name: "intra_bloc_imports_usd", type: "DOUBLE", get: (p) => p.intraBlocImports },
  { name: "bloc_exports_usd", type: "DOUBLE", get: (p) => p.blocExports },
  { name: "extra_share_of_imports", type: "DOUBLE", get: (p) => p.criteria.importDependence.value },
  { name: "imports_to_bloc_exports", type: "DOUBLE", get: (p) => p.criteria.substitutability.value },
  { name: "dependent", type: "BOOLEAN", get: (p) => p.dependent },
  { name: "bloc", type: "VARCHAR", get: (_p, r) => r.bloc },
  { name: "year", type: "INTEGER", get: (p) => p.year },
  { name: "source", type: "VARCHAR", get: (_p, r) => r.sources.map((s) => `${s.dataset} ${s.edition}`).join("; ") },
];

/** The scan's products as rows of values in `SCAN_COLUMNS` order. */
export function scanTable(r: ScanResult): (string | number | boolean | null)[][] {
  return r.products.map((p) => SCAN_COLUMNS.map((c) => c.get(p, r)));
}

/**
 * The scan as RFC 4180 CSV (header + one line per product).
 * @example scanCsv(result).split("\n")[0] // "rank,hs6,description,materials,import_value_usd,…"
 */
export function scanCsv(r: ScanResult): string {
  return [SCAN_COLUMNS.map((c) => c.name).join(","), ...scanTable(r).map((row) => row.map(csvCell).join(","))].join("\n") + "\n";
}
