#!/usr/bin/env -S npx tsx
/**
 * Convert the shared CEPII BACI subset (`baci-crm-hs6/trade_hs6.csv`: every exporter→importer record
 * for 30 critical-material HS6 codes, HS17 release V202601, complete 2022 and 2024) into BACI's own
 * file layout, so it loads through the same `baci` loader users run on a full release:
 *
 *   data/baci/BACI_HS17_Y2022_V202601.csv, BACI_HS17_Y2024_V202601.csv   (t,i,j,k,v,q)
 *   data/baci/country_codes_V202601.csv, product_codes_HS17_V202601.csv
 *
 *   npx tsx scripts/data/build-baci.ts [--shared ../shared/data]
 *
 * `v` goes back to thousands of USD (value_usd / 1000, exact: BACI's v has 3 decimals); `q` is copied
 * (blank → NA: all of 2022 and BACI's own NA). The shared file names countries by ISO3; BACI's numeric
 * codes are UN M49 except where CEPII's list differs (France 251, Norway 579, India 699, Switzerland
 * 757, USA 842; Taiwan is "Other Asia, nes" 490 / S19). The truncated top-6 file is not shipped.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

const args = process.argv.slice(2);
const SHARED = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : "../shared/data";
const OUT = "data/baci";
const RELEASE = "V202601";

type Rec = Record<string, string>;
const readCsv = (p: string): Rec[] => parse(readFileSync(p), { columns: true, bom: true, skip_empty_lines: true }) as Rec[];

/** CEPII's codes where they are not the UN M49 code (country_codes_V202601.csv). */
const CEPII_CODE: Record<string, { code: number; name?: string; iso2?: string }> = {
  FRA: { code: 251 }, NOR: { code: 579 }, IND: { code: 699 }, CHE: { code: 757 }, USA: { code: 842 },
  S19: { code: 490, name: "Other Asia, nes (Taiwan)", iso2: "" },
};

const countries = readCsv("data/countries/countries.csv");
const byIso3 = new Map(countries.map((c) => [c.iso3, c]));
function codeOf(iso3: string): number {
  if (CEPII_CODE[iso3]) return CEPII_CODE[iso3].code;
  const c = byIso3.get(iso3);
  if (!c) throw new Error(`no M49 code for '${iso3}': add it to data/countries`);
  return Number(c.m49);
}

/** value_usd (whole dollars) → thousands of USD with exactly three decimals, as BACI writes v. */
function kusd(usd: string): string {
  if (!/^\d+$/.test(usd)) throw new Error(`value_usd '${usd}' is not a whole number of dollars`);
  const p = usd.padStart(4, "0");
  return `${p.slice(0, -3).replace(/^0+(?=\d)/, "")}.${p.slice(-3)}`;
}

const rows = readCsv(join(SHARED, "baci-crm-hs6/trade_hs6.csv"));
mkdirSync(OUT, { recursive: true });
const used = new Set<string>();
const products = new Set<string>();
for (const year of ["2022", "2024"]) {
  const these = rows.filter((r) => r.year === year);
  if (these.some((r) => r.hs_revision !== "HS2017")) throw new Error(`${year}: a row is not HS2017`);
  const lines = these.map((r) => {
    used.add(r.exporter_iso3).add(r.importer_iso3);
    products.add(r.hs6);
    return [year, codeOf(r.exporter_iso3), codeOf(r.importer_iso3), r.hs6, kusd(r.value_usd), r.quantity_t === "" ? "NA" : r.quantity_t].join(",");
  });
  const file = join(OUT, `BACI_HS17_Y${year}_${RELEASE}.csv`);
  writeFileSync(file, ["t,i,j,k,v,q", ...lines].join("\n") + "\n");
  console.log(`${file}: ${lines.length} rows`);
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const cc = [...used].sort().map((iso3) => {
  const c = byIso3.get(iso3);
  const x = CEPII_CODE[iso3];
  return [codeOf(iso3), csvCell(x?.name ?? c!.name), x?.iso2 ?? c!.iso2, iso3].join(",");
});
writeFileSync(join(OUT, `country_codes_${RELEASE}.csv`), ["country_code,country_name,country_iso2,country_iso3", ...cc].join("\n") + "\n");
console.log(`${OUT}/country_codes_${RELEASE}.csv: ${cc.length} countries`);

// Product descriptions from the HS 2022 list shipped in data/hs (the 30 codes are unchanged HS17 → HS22,
// except 811292, which lost hafnium to 811231 in HS22: said in its description).
const hs = new Map(readCsv("data/hs/harmonized-system.csv").map((r) => [r.hscode, r.description]));
const pc = [...products].sort().map((k) => {
  let d = hs.get(k) ?? "";
  if (k === "811292") d += " (HS17: incl. hafnium; a basket of Ga, Ge, In, Nb, V, Re, Hf)";
  if (!d) throw new Error(`no description for HS ${k}`);
  return [k, csvCell(d)].join(",");
});
writeFileSync(join(OUT, `product_codes_HS17_${RELEASE}.csv`), ["code,description", ...pc].join("\n") + "\n");
console.log(`${OUT}/product_codes_HS17_${RELEASE}.csv: ${pc.length} codes`);
