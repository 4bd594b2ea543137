#!/usr/bin/env -S npx tsx
/**
 * Write data/wgi/WGIData.csv: the World Bank WGIData.csv bulk file (2023 update) in its original
 * wide format, keeping only the six ".EST" (estimate) series and the years 2010–2022 to stay small.
 * Quoting and the trailing empty column are kept as the World Bank publishes them.
 *
 *   npx tsx scripts/data/build-wgi.ts [--shared ../shared/data]
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

const args = process.argv.slice(2);
const SHARED = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : "../shared/data";
const FIRST_YEAR = 2010;

const rows = parse(readFileSync(join(SHARED, "wgi/WGIData_original.csv")), { bom: true, relax_column_count: true }) as string[][];
const header = rows[0];
const keep = header.map((h, i) => (i < 4 || (/^\d{4}$/.test(h) && Number(h) >= FIRST_YEAR) || h === "" ? i : -1)).filter((i) => i >= 0);
const q = (v: string): string => `"${v.replace(/"/g, '""')}"`;
const out = [header, ...rows.slice(1).filter((r) => r[3]?.endsWith(".EST"))]
  .map((r) => keep.map((i) => (header[i] === "" ? "" : q(r[i] ?? ""))).join(","));
mkdirSync("data/wgi", { recursive: true });
writeFileSync("data/wgi/WGIData.csv", "\ufeff" + out.join("\n") + "\n");
console.log(`data/wgi/WGIData.csv: ${out.length - 1} rows, years ${FIRST_YEAR}–${header.filter((h) => /^\d{4}$/.test(h)).pop()}`);
