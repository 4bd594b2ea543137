#!/usr/bin/env -S npx tsx
/**
 * Write data/us-tariffs/: the Census 2024 HS10 imports file (byte copy) and scope_lists.csv, the
 * Budget Lab product-scope lists (Section 232 autos/MHD parts, copper, derivatives, 2026 metals annexes,
 * semiconductors; Section 122 exemptions) as one long table `list,prefix,annex,effective_date,source_file`.
 * measures.json and partners.csv are hand-compiled (see data/SOURCES.md).
 *
 *   npx tsx scripts/data/build-us-tariffs.ts [--shared ../shared/data]
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

const args = process.argv.slice(2);
const SHARED = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : "../shared/data";
const DIR = join(SHARED, "us-tariffs-2024-2026");
const SCOPE = join(DIR, "s232_product_scope_budgetlab");
copyFileSync(join(DIR, "census_us_imports_2024_hs10_by_partner.csv.gz"), "data/us-tariffs/census_us_imports_2024_hs10_by_partner.csv.gz");

const csv = (f: string) => parse(readFileSync(join(SCOPE, f)), { columns: true, bom: true }) as Record<string, string>[];
const lines = (f: string) => readFileSync(join(SCOPE, f), "utf8").split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
const out: string[][] = [];
const add = (list: string, prefix: string, annex: string, date: string, file: string) => out.push([list, prefix.replace(/\D/g, ""), annex, date, file]);
for (const p of lines("s232_auto_parts.txt")) add("s232-auto-parts", p, "", "", "s232_auto_parts.txt");
for (const p of lines("s232_mhd_parts.txt")) add("s232-mhd-parts", p, "", "", "s232_mhd_parts.txt");
for (const r of csv("s232_copper_products.csv")) add("s232-copper", r.hts10, "", "", "s232_copper_products.csv");
for (const r of csv("s232_derivative_products.csv")) add(`s232-derivative-${r.derivative_type}`, r.hts_prefix, "", r.effective_date, "s232_derivative_products.csv");
for (const r of csv("s232_annex_products.csv")) add(`s232-metals-2026-${r.annex}`, r.hts_prefix, r.annex, r.effective_date, "s232_annex_products.csv");
for (const r of csv("s232_semi_products.csv")) add("s232-semis", r.hts10, "", "", "s232_semi_products.csv");
for (const r of csv("s122_exempt_products.csv")) add("s122-exempt", r.hts8, "", "", "s122_exempt_products.csv");
writeFileSync("data/us-tariffs/scope_lists.csv", ["list,prefix,annex,effective_date,source_file", ...out.map((r) => r.join(","))].join("\n") + "\n");
console.log(`data/us-tariffs/scope_lists.csv: ${out.length} rows`);
