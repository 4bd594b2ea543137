import type { Problem } from "../../domain/error.ts";
import type { Store } from "../../store/store.ts";
import { validationError } from "../core/csv.ts";
import { readTradeCsv } from "./comtrade-csv.ts";
import type { BaciFileInfo } from "./baci-files.ts";

/**
 * Load BACI's `country_codes_V…csv` into `baci_countries` (numeric code → ISO3). Accepts the
 * current header (`country_code,country_name,country_iso2,country_iso3`) and the older one
 * (`…,country_name_full,iso_2digit_alpha,iso_3digit_alpha`). Codes already known are updated.
 *
 * @example await loadBaciCountries(store, "country_codes_V202501.csv", baciFileInfo(file));
 */
export async function loadBaciCountries(store: Store, file: string, info: BaciFileInfo): Promise<number> {
  const { cols, records } = readTradeCsv(file, {
    code: { names: ["country_code"] },
    name: { names: ["country_name", "country_name_full", "country_name_abbreviation"] },
    iso2: { names: ["country_iso2", "iso_2digit_alpha"], optional: true },
    iso3: { names: ["country_iso3", "iso_3digit_alpha"] },
  });
  const problems: Problem[] = [];
  const rows: [number, string, string | null, string, string | null][] = [];
  for (const { line, values } of records) {
    const code = values[cols.code!].trim();
    const iso3 = values[cols.iso3!].trim().toUpperCase();
    if (!/^\d{1,3}$/.test(code) || Number(code) < 1) {
      problems.push({ code: "invalid_value", path: [line, "country_code"], message: "country code must be a number 1–999", file, line, field: "country_code", value: code });
    } else if (!/^[A-Z0-9]{3}$/.test(iso3)) {
      problems.push({ code: "invalid_value", path: [line, cols.iso3!], message: "ISO3 code must be three letters", file, line, field: cols.iso3!, value: iso3 });
    } else {
      const iso2 = cols.iso2 ? values[cols.iso2].trim() || null : null;
      rows.push([Number(code), iso3, iso2, values[cols.name!].trim(), info.version ?? null]);
    }
  }
  if (problems.length) throw validationError(file, problems);
  // One bulk upsert: ~240 single-row statements would cost half a second.
  await store.run("CREATE OR REPLACE TEMP TABLE baci_countries_in AS SELECT * FROM baci_countries LIMIT 0");
  await store.append("baci_countries_in", rows);
  await store.run("INSERT OR REPLACE INTO baci_countries SELECT * FROM baci_countries_in");
  await store.run("DROP TABLE baci_countries_in");
  return rows.length;
}

/**
 * Load BACI's `product_codes_HS22_V…csv` (`code,description`) into `baci_products`; codes that
 * lost their leading zero in a spreadsheet (`10121`) are padded back to six digits.
 *
 * @example await loadBaciProducts(store, "product_codes_HS22_V202501.csv", baciFileInfo(file));
 */
export async function loadBaciProducts(store: Store, file: string, info: BaciFileInfo): Promise<number> {
  const { cols, records } = readTradeCsv(file, { code: { names: ["code"] }, description: { names: ["description"] } });
  const problems: Problem[] = [];
  const rows: [string, string, string, string | null][] = [];
  for (const { line, values } of records) {
    const code = values[cols.code!].trim();
    if (!/^\d{5,6}$/.test(code)) {
      problems.push({ code: "invalid_value", path: [line, "code"], message: "product code must be a six-digit HS code", file, line, field: "code", value: code });
      continue;
    }
    rows.push([info.classification ?? "HS", code.padStart(6, "0"), values[cols.description!].trim(), info.version ?? null]);
  }
  if (problems.length) throw validationError(file, problems);
  await store.run("DELETE FROM baci_products WHERE classification = $1", [info.classification ?? "HS"]);
  await store.append("baci_products", rows);
  return rows.length;
}
