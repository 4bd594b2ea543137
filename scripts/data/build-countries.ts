#!/usr/bin/env -S npx tsx
/**
 * Regenerate data/countries/{countries,aliases}.csv from ../shared/data/country-metadata and check
 * that every country spelling used by the shared datasets we ship maps to an ISO3 code.
 *
 *   npx tsx scripts/data/build-countries.ts [--shared ../shared/data]
 *
 * Aliases = ISO names, ISO2 and ISO3 codes, plus the publisher spellings in EXTRA below (each
 * found in a shared file; the check at the end fails if a spelling is missing).
 */
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { cleanUsgsLabel, baseCountry, isUsgsAggregate } from "../../src/ingest/usgs/usgs-mcs-label.ts";

const args = process.argv.slice(2);
const SHARED = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : "../shared/data";
const OUT = "data/countries";

type Rec = Record<string, string>;
const readCsv = (p: string): Rec[] => parse(readFileSync(p), { columns: true, bom: true, skip_empty_lines: true }) as Rec[];

// Kosovo is not in ISO 3166 but the World Bank (WGI: XKX), Eurostat (XK) and the EU study use it.
const KOSOVO: Rec = {
  iso3: "XKX", iso2: "XK", m49: "", name: "Kosovo", region: "Europe", sub_region: "Southern Europe",
  intermediate_region: "", eu27: "0", oecd: "0", g7: "0", is_japan: "0",
};

/** Publisher spellings → ISO3, grouped by where they occur. */
const EXTRA: [string, string][] = [
  // USGS MCS world files
  ["Burma", "MMR"], ["Congo (Kinshasa)", "COD"], ["Congo (Brazzaville)", "COG"],
  ["Democratic Republic of the Congo", "COD"], ["Korea, North", "PRK"], ["Korea, Republic of", "KOR"],
  ["Republic of Korea", "KOR"], ["South Korea", "KOR"], ["Laos", "LAO"], ["Russia", "RUS"], ["Iran", "IRN"],
  ["Syria", "SYR"], ["Taiwan", "TWN"], ["Tanzania", "TZA"], ["Turkey", "TUR"], ["Vietnam", "VNM"],
  ["Bolivia", "BOL"], ["Venezuela", "VEN"], ["Côte d’Ivoire", "CIV"], ["United Kingdom", "GBR"],
  ["United States", "USA"], ["Netherlands", "NLD"], ["Moldova", "MDA"], ["Czech Republic", "CZE"],
  // EU 2023 criticality study (Appendix 6/7 country names, typos included as published)
  ["Brasil", "BRA"], ["Brasilia", "BRA"], ["Cape Verde", "CPV"], ["Congo, D.R.", "COD"], ["Congo, DR", "COD"],
  ["Cote d'Ivoire", "CIV"], ["Korea, South", "KOR"], ["Kosovo", "XKX"], ["Libanon", "LBN"], ["Surinam", "SUR"],
  ["Turkyie", "TUR"], ["Türkiye", "TUR"], ["Hong Kong", "HKG"], ["Brunei Darussalam", "BRN"],
  // UN Comtrade / China monthly partner names
  ["UAE", "ARE"], ["Rep. of Korea", "KOR"], ["China, Hong Kong SAR", "HKG"], ["China, Macao SAR", "MAC"],
  ["Dem. Rep. of the Congo", "COD"], ["Viet Nam", "VNM"], ["Russian Federation", "RUS"],
  ["Lao People's Dem. Rep.", "LAO"], ["United Rep. of Tanzania", "TZA"], ["USA", "USA"],
  ["Bolivia (Plurinational State of)", "BOL"],
  // Energy Institute Statistical Review (LNG)
  ["US", "USA"], ["Trinidad & Tobago", "TTO"], ["Brunei", "BRN"],
  // ITC Trade Map (footnote markers as published)
  ["Belgiuml", "BEL"], ["British Virgin Islands", "VGB"], ["Hong Kong, China", "HKG"], ["Libya, State of", "LBY"],
  ["Macao, China", "MAC"], ["Macedonia, North", "MKD"], ["Macedonia, North (1)", "MKD"], ["North Macedonia", "MKD"],
  ["Taipei, Chinese", "TWN"], ["Zambia (1)", "ZMB"], ["Zimbabwe (1)", "ZWE"],
  // Eurostat country codes that differ from ISO 3166 alpha-2
  ["EL", "GRC"], ["UK", "GBR"], ["XK", "XKX"], ["XS", "SRB"],
];

/**
 * Labels that are regions or totals, not countries (they must not map). Eurostat's XC (Ceuta) and
 * XL (Melilla) are Spanish territory outside the EU customs union with no ISO code: left unmapped,
 * as the comext loader skips them.
 */
const NOT_COUNTRIES = /^(XC|XL|total|world|other|rest of|area nes|asia|europe|african|north america|middle east|s\. & cent|special categories|ship stores|free zones|european union nes|asia not elsewhere)/i;

function main(): void {
  const countries = readCsv(join(SHARED, "country-metadata/countries.csv"));
  const header = Object.keys(countries[0]);
  const rows = [...countries, KOSOVO];
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "countries.csv"), toCsv(header, rows));

  const aliases = new Map<string, { alias: string; iso3: string }>();
  const add = (alias: string, iso3: string): void => {
    const key = alias.trim().toLowerCase();
    const prev = aliases.get(key);
    if (prev && prev.iso3 !== iso3) throw new Error(`alias '${alias}' maps to both ${prev.iso3} and ${iso3}`);
    if (!prev) aliases.set(key, { alias: alias.trim(), iso3 });
  };
  const iso3s = new Set(rows.map((r) => r.iso3));
  for (const r of rows) {
    add(r.iso3, r.iso3);
    add(r.iso2, r.iso3);
    add(r.name, r.iso3);
  }
  for (const [alias, iso3] of EXTRA) {
    if (!iso3s.has(iso3)) throw new Error(`alias '${alias}' → unknown ISO3 ${iso3}`);
    add(alias, iso3);
  }
  const sorted = [...aliases.values()].sort((a, b) => a.iso3.localeCompare(b.iso3) || a.alias.localeCompare(b.alias));
  writeFileSync(join(OUT, "aliases.csv"), toCsv(["alias", "iso3"], sorted));

  const missing = checkCoverage((s) => aliases.has(s));
  console.log(`countries.csv: ${rows.length} rows; aliases.csv: ${sorted.length} aliases`);
  if (missing.length) {
    console.error(`unmapped spellings:\n  ${missing.join("\n  ")}`);
    process.exit(1);
  }
}

/** Every country label in the shared files we ship; returns those not mapped. */
function checkCoverage(known: (lower: string) => boolean): string[] {
  const labels = new Map<string, string>();
  const take = (file: string, cols: string[]): void => {
    for (const r of readCsv(join(SHARED, file))) for (const c of cols) if (r[c]) labels.set(r[c].trim(), file);
  };
  take("eu-crm-2023/global_supply_shares_2023.csv", ["Country"]);
  take("eu-crm-2023/eu_sourcing_shares_2023.csv", ["Country"]);
  take("comtrade-china-cm-exports-monthly/country_monthly_stats.csv", ["partner_name"]);
  take("comtrade-china-cm-exports-monthly/deep_dive_hs6_monthly.csv", ["partner_name"]);
  take("ei-lng-trade/ei_lng_trade_movements_2022_2023_long.csv", ["importer", "exporter"]);
  take("ei-lng-trade/ei_lng_imports_exports_by_country_2000_2023.csv", ["country"]);
  take("itc-trademap-battery-materials/japan_eu_import_supplier_shares_tons.csv", ["importer", "partner"]);
  take("eu-comext-crm-imports-cn8/eu27_imports_crm_cn8_2022_2024.csv", ["importer_iso2", "partner_iso2"]);
  take("eu-comext-crm-imports-cn8/eu_comext_critical_inputs_cn8_2022_2024_original.csv", ["DECLARANT_ISO", "PARTNER_ISO"]);
  take("comtrade-japan-imports-hs4/japan_imports_by_partner_hs4_2022_2024.csv", ["importer_iso2", "partner_iso2"]);
  const missing: string[] = [];
  for (const [label, file] of labels) {
    if (!known(label.toLowerCase()) && !NOT_COUNTRIES.test(label)) missing.push(`${label} (${file})`);
  }
  // USGS world files: cleaned labels, whole label first, then the country part.
  const usgsDir = join(SHARED, "usgs-mcs/raw");
  for (const sub of readdirSync(usgsDir).filter((d) => d.endsWith("world") || d.endsWith("subset"))) {
    for (const f of readdirSync(join(usgsDir, sub)).filter((n) => n.endsWith(".csv"))) {
      const recs = parse(readFileSync(join(usgsDir, sub, f)), { bom: true, relax_column_count: true }) as string[][];
      for (const rec of recs.slice(1)) {
        if (!rec[1]?.trim()) continue;
        const { label } = cleanUsgsLabel(rec[1], known);
        if (isUsgsAggregate(label) || label === "United States and Canada") continue;
        if (!known(label.toLowerCase()) && !known(baseCountry(label).toLowerCase())) missing.push(`${rec[1]} (usgs ${f})`);
      }
    }
  }
  return missing;
}

function toCsv(header: string[], rows: Rec[] | { [k: string]: string }[]): string {
  const q = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header.join(","), ...rows.map((r) => header.map((h) => q((r as Rec)[h] ?? "")).join(","))].join("\n") + "\n";
}

main();
