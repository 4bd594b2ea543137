#!/usr/bin/env -S npx tsx
/**
 * Convert the shared UN Comtrade-derived tables into UN Comtrade's own CSV columns, so the shipped
 * files go through the same `comtrade` loader users run on their own Comtrade downloads:
 *
 *   data/comtrade-japan/japan_imports_hs4_2022_2024.csv  ← comtrade-japan-imports-hs4 (annual, HS4)
 *   data/china-monthly/china_exports_hs6_monthly_2017_2024.csv ← comtrade-china-cm-exports-monthly
 *       deep_dive_hs6_monthly.csv (250410, 380110, 811292 by 39 partners) and, from
 *       country_monthly_stats.csv, the Polysilicon (280461), Rare Earths and Gallium/Germanium groups
 *       (sums of several HS6 codes, written as `+`-joined cmdCode). The Graphite group is left out:
 *       it equals 250410 + 380110 from the deep-dive table exactly (checked below).
 *
 *   npx tsx scripts/data/build-comtrade.ts [--shared ../shared/data]
 *
 * Partner names/ISO2 codes are mapped with data/countries (aliases.csv, countries.csv); a name that
 * does not map stops the script. Values and weights are copied digit for digit.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

const args = process.argv.slice(2);
const SHARED = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : "../shared/data";

type Rec = Record<string, string>;
const readCsv = (p: string): Rec[] => parse(readFileSync(p), { columns: true, bom: true, skip_empty_lines: true }) as Rec[];

const countries = readCsv("data/countries/countries.csv");
const m49 = new Map(countries.map((c) => [c.iso3, c.m49]));
const byIso2 = new Map(countries.map((c) => [c.iso2, c.iso3]));
const byName = new Map(readCsv("data/countries/aliases.csv").map((a) => [a.alias.toLowerCase(), a.iso3]));
const nameOf = new Map(countries.map((c) => [c.iso3, c.name]));

function iso3FromName(name: string): string {
  const iso3 = byName.get(name.toLowerCase());
  if (!iso3) throw new Error(`no ISO3 for partner name '${name}': add it to data/countries/aliases.csv`);
  return iso3;
}
function iso3FromIso2(iso2: string): string {
  const iso3 = byIso2.get(iso2);
  if (!iso3) throw new Error(`no ISO3 for ISO2 '${iso2}'`);
  return iso3;
}

const HEADER = [
  "typeCode", "freqCode", "refYear", "refMonth", "period", "reporterCode", "reporterISO", "reporterDesc",
  "flowCode", "partnerCode", "partnerISO", "partnerDesc", "partner2Code", "cmdCode", "customsCode", "motCode",
  "qtyUnitAbbr", "netWgt", "primaryValue",
];
type Out = Record<(typeof HEADER)[number], string>;
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function write(path: string, rows: Out[]): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, [HEADER.join(","), ...rows.map((r) => HEADER.map((h) => csvCell(r[h] ?? "")).join(","))].join("\n") + "\n");
  console.log(`${path}: ${rows.length} rows`);
}
function row(r: { freq: "A" | "M"; year: string; month: string; reporter: string; flow: "M" | "X"; partner: string; cmd: string; kg: string; usd: string }): Out {
  const period = r.freq === "A" ? r.year : `${r.year}${r.month.padStart(2, "0")}`;
  return {
    typeCode: "C", freqCode: r.freq, refYear: r.year, refMonth: r.freq === "A" ? "52" : String(Number(r.month)), period,
    reporterCode: m49.get(r.reporter) ?? "", reporterISO: r.reporter, reporterDesc: nameOf.get(r.reporter) ?? "",
    flowCode: r.flow, partnerCode: m49.get(r.partner) ?? "", partnerISO: r.partner, partnerDesc: nameOf.get(r.partner) ?? "",
    partner2Code: "0", cmdCode: r.cmd, customsCode: "C00", motCode: "0",
    qtyUnitAbbr: r.kg === "" ? "" : "kg", netWgt: r.kg, primaryValue: r.usd,
  };
}

// Japan's imports: annual, HS4, USD, no quantity.
const jp = readCsv(join(SHARED, "comtrade-japan-imports-hs4/japan_imports_by_partner_hs4_2022_2024.csv"));
write("data/comtrade-japan/japan_imports_hs4_2022_2024.csv", jp.map((r) => row({
  freq: "A", year: r.year, month: "", reporter: iso3FromIso2(r.importer_iso2), flow: "M",
  partner: iso3FromIso2(r.partner_iso2), cmd: r.hs4, kg: "", usd: r.value_usd,
})));

// China's exports: monthly, HS6 (deep dive) and HS6 sums (broad groups).
const CN = "comtrade-china-cm-exports-monthly";
const deep = readCsv(join(SHARED, CN, "deep_dive_hs6_monthly.csv"));
const GROUPS: Record<string, string> = {
  Polysilicon: "280461",
  "Rare Earths": "280530+284690+850511",
  "Gallium/Germanium": "811292+811299+282560+282590+285000+285390",
};
const stats = readCsv(join(SHARED, CN, "country_monthly_stats.csv"));
checkGraphiteGroup(deep, stats);
const monthly = (r: Rec, cmd: string) => row({
  freq: "M", year: r.period_dt.slice(0, 4), month: r.period_dt.slice(5, 7), reporter: "CHN", flow: "X",
  partner: iso3FromName(r.partner_name), cmd, kg: r.qty, usd: r.val,
});
write("data/china-monthly/china_exports_hs6_monthly_2017_2024.csv", [
  ...deep.map((r) => monthly(r, r.hs6)),
  ...stats.filter((r) => GROUPS[r.broad_group]).map((r) => monthly(r, GROUPS[r.broad_group])),
]);

function checkGraphiteGroup(d: Rec[], s: Rec[]): void {
  const sum = new Map<string, number>();
  for (const r of d) if (r.hs6 === "250410" || r.hs6 === "380110") {
    const k = `${r.period_dt}|${r.partner_name}`;
    sum.set(k, (sum.get(k) ?? 0) + Number(r.val));
  }
  for (const r of s) if (r.broad_group === "Graphite") {
    const k = `${r.period_dt}|${r.partner_name}`;
    if (Math.abs((sum.get(k) ?? 0) - Number(r.val)) > 0.5) throw new Error(`Graphite group ≠ 250410+380110 at ${k}`);
  }
}
