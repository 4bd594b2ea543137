import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Problem } from "../../domain/error.ts";

/** What a BACI trade row must satisfy (the same rules the SQL load enforces in one pass). */
export interface BaciRules {
  /** The year the file name (or first row) says every row has. */
  year: number;
  /** Country codes of the loaded `country_codes` file; unchecked when empty. */
  countries: ReadonlySet<number>;
}

export const BACI_COLUMNS = ["t", "i", "j", "k", "v", "q"] as const;

/**
 * Check one BACI trade row (fields in `t,i,j,k,v,q` order) and describe what is wrong with it.
 * Values are thousands of USD (`v`, must be ≥ 0) and metric tonnes (`q`, ≥ 0 or `NA`/empty, as
 * CEPII leaves about 2 % of quantities missing); `k` is an HS6 code (leading zero optional).
 *
 * @example
 * checkBaciRow(["2023", "156", "392", "811292", "12.5", "NA"], rules, "f.csv", 2) // []
 */
export function checkBaciRow(fields: readonly string[], rules: BaciRules, file: string, line: number): Problem[] {
  const out: Problem[] = [];
  const bad = (field: string, value: unknown, message: string) =>
    out.push({ code: "invalid_value", path: [line, field], message, file, line, field, value });
  if (fields.length !== 6) {
    out.push({ code: "wrong_field_count", path: [line], message: `row has ${fields.length} fields, expected 6 (t,i,j,k,v,q)`, file, line, value: fields.join(",") });
    return out;
  }
  const [t, i, j, k, v, q] = fields.map((f) => f.trim().replace(/^"(.*)"$/, "$1"));
  if (!/^\d{4}$/.test(t) || Number(t) !== rules.year) bad("t", t, `year must be ${rules.year} (the file's year)`);
  for (const [field, raw] of [["i", i], ["j", j]] as const) {
    const n = Number(raw);
    if (!/^\d{1,3}$/.test(raw) || n < 1) bad(field, raw, "country code must be a number 1–999");
    else if (rules.countries.size && !rules.countries.has(n)) bad(field, raw, `country code ${n} is not in the loaded BACI country_codes file`);
  }
  if (!/^\d{5,6}$/.test(k) || Number(k) < 10000) bad("k", k, "product code must be a six-digit HS code");
  const vn = v === "" ? NaN : Number(v);
  if (!Number.isFinite(vn) || vn < 0) bad("v", v, "value (thousands of USD) must be a number ≥ 0");
  if (q !== "" && q !== "NA") {
    const qn = Number(q);
    if (!Number.isFinite(qn) || qn < 0) bad("q", q, "quantity (tonnes) must be a number ≥ 0 or NA");
  }
  return out;
}

/**
 * Re-read a BACI CSV line by line to say which rows broke the rules — the slow path, run only
 * after the fast DuckDB load found a problem. Stops after `limit` problems; counts all bad rows.
 *
 * @example const { problems, badRows } = await diagnoseBaciCsv("BACI_HS22_Y2023_V202501.csv", rules);
 */
export async function diagnoseBaciCsv(
  file: string,
  rules: BaciRules,
  limit = 20,
): Promise<{ problems: Problem[]; badRows: number }> {
  const problems: Problem[] = [];
  let badRows = 0;
  let line = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const text of rl) {
    line++;
    if (line === 1 || text.trim() === "") continue;
    const p = checkBaciRow(text.split(","), rules, file, line);
    if (p.length) {
      badRows++;
      if (problems.length < limit) problems.push(...p.slice(0, limit - problems.length));
    }
  }
  return { problems, badRows };
}
