#!/usr/bin/env -S npx tsx
/**
 * Convert `comtrade-japan-imports-hs6/jp_imports_comtrade_reported_2022_2024.csv` (Japan-reported
 * imports, every partner and the World row, 31 HS6 codes, 2022 and 2024) into UN Comtrade's own CSV
 * columns, so it loads through the `comtrade` loader like a user's Comtrade download. The World row
 * is kept (partnerCode 0, partnerISO W00): the loader stores it as the reporter's total, against
 * which completeness is measured. Values (CIF USD) and net weights are copied digit for digit.
 *
 *   npx tsx scripts/data/build-comtrade-japan-hs6.ts [--shared ../shared/data]
 *
 * Stops if any (year, code)'s partner rows do not add up to its World row (they do: 61 of 61).
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

const args = process.argv.slice(2);
const SHARED = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : "../shared/data";
const OUT = "data/comtrade-japan-hs6/japan_imports_hs6_2022_2024.csv";

type Rec = Record<string, string>;
const rows = parse(readFileSync(join(SHARED, "comtrade-japan-imports-hs6/jp_imports_comtrade_reported_2022_2024.csv")), {
  columns: true, bom: true, skip_empty_lines: true,
}) as Rec[];

const HEADER = [
  "typeCode", "freqCode", "refYear", "refMonth", "period", "reporterCode", "reporterISO", "reporterDesc",
  "flowCode", "partnerCode", "partnerISO", "partnerDesc", "partner2Code", "cmdCode", "customsCode", "motCode",
  "qtyUnitAbbr", "netWgt", "primaryValue",
];
const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const sums = new Map<string, { partners: number; world: number }>();
const out = rows.map((r) => {
  if (r.reporter !== "392" || r.flow !== "M") throw new Error(`unexpected reporter/flow ${r.reporter}/${r.flow}`);
  const world = r.partner_m49 === "0";
  const k = `${r.year}|${r.hs6}`;
  const s = sums.get(k) ?? { partners: 0, world: 0 };
  if (world) s.world = Number(r.primaryValue_usd);
  else s.partners += Number(r.primaryValue_usd);
  sums.set(k, s);
  const o: Record<string, string> = {
    typeCode: "C", freqCode: "A", refYear: r.year, refMonth: "52", period: r.year,
    reporterCode: "392", reporterISO: "JPN", reporterDesc: "Japan", flowCode: "M",
    partnerCode: r.partner_m49, partnerISO: world ? "W00" : r.partner_iso3, partnerDesc: r.partner_name,
    partner2Code: "0", cmdCode: r.hs6, customsCode: "C00", motCode: "0",
    qtyUnitAbbr: r.netWgt_kg === "" ? "" : "kg", netWgt: r.netWgt_kg, primaryValue: r.primaryValue_usd,
  };
  return HEADER.map((h) => cell(o[h] ?? "")).join(",");
});
for (const [k, s] of sums) {
  if (Math.abs(s.partners - s.world) > 1e-6 * s.world + 1) throw new Error(`${k}: partners ${s.partners} ≠ World ${s.world}`);
}
mkdirSync(join(OUT, ".."), { recursive: true });
writeFileSync(OUT, [HEADER.join(","), ...out].join("\n") + "\n");
console.log(`${OUT}: ${out.length} rows (${sums.size} year × code totals check against the World row)`);
