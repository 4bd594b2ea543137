import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import type { Problem } from "../../domain/error.ts";

/**
 * Columns of a UN Comtrade bulk file (Comtrade+ `getFinalData` bulk: tab-separated `.txt`, often
 * gzipped) that the bulk loader reads. Bulk files carry M49 codes (`reporterCode`, `partnerCode`)
 * and usually no ISO columns; both are accepted.
 */
export const BULK_COLUMNS = {
  refYear: { required: false },
  refMonth: { required: false },
  period: { required: false },
  reporterCode: { required: false },
  reporterISO: { required: false },
  flowCode: { required: true },
  partnerCode: { required: false },
  partnerISO: { required: false },
  partner2Code: { required: false },
  cmdCode: { required: true },
  customsCode: { required: false },
  mosCode: { required: false },
  motCode: { required: false },
  netWgt: { required: false },
  primaryValue: { required: false },
  cifvalue: { required: false },
  fobvalue: { required: false },
} as const;
export type BulkColumn = keyof typeof BULK_COLUMNS;

/** Column groups of which at least one must be present. */
export const BULK_ONE_OF: readonly (readonly BulkColumn[])[] = [
  ["refYear", "period"],
  ["reporterCode", "reporterISO"],
  ["partnerCode", "partnerISO"],
  ["primaryValue", "cifvalue", "fobvalue"],
];

/**
 * Comtrade's own numeric codes where they differ from ISO 3166 numeric (BACI inherits them):
 * 842 USA, 251 France, 699 India, 757 Switzerland, 579 Norway, and 490 "Other Asia, nes" = Taiwan.
 */
export const COMTRADE_CODE_QUIRKS: Readonly<Record<string, string>> = { "842": "USA", "251": "FRA", "699": "IND", "757": "CHE", "579": "NOR", "490": "TWN" };

/**
 * The rows the fast SQL load refuses, found again line by line so the user gets file, line,
 * field and value (slow path, only after a failed load). Checks period, trade value and that
 * reporter/partner codes are numbers.
 *
 * @example const problems = await diagnoseBulk("2023_M_HS.txt.gz", "\t", header);
 */
export async function diagnoseBulk(file: string, delim: string, limit = 20): Promise<{ problems: Problem[]; badRows: number }> {
  const input = file.endsWith(".gz") ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
  const rl = createInterface({ input, crlfDelay: Infinity });
  let header: string[] = [];
  const problems: Problem[] = [];
  let line = 0;
  let badRows = 0;
  for await (const text of rl) {
    line++;
    const f = text.split(delim).map((x) => x.trim().replace(/^"(.*)"$/, "$1"));
    if (line === 1) {
      header = f;
      continue;
    }
    if (text.trim() === "") continue;
    const get = (c: string) => f[header.indexOf(c)] ?? "";
    const found: Problem[] = [];
    const bad = (field: string, message: string) => found.push({ code: "invalid_value", path: [line, field], message, file, line, field, value: get(field) });
    const year = header.includes("refYear") ? get("refYear") : get("period").slice(0, 4);
    if (!/^\d{4}$/.test(year)) bad(header.includes("refYear") ? "refYear" : "period", "year must be four digits");
    const month = header.includes("refMonth") ? get("refMonth") : get("period").slice(4);
    if (month !== "" && month !== "52" && !(Number(month) >= 1 && Number(month) <= 12)) bad(header.includes("refMonth") ? "refMonth" : "period", "month must be 1–12 (or 52/empty for annual)");
    for (const c of ["reporterCode", "partnerCode"]) if (header.includes(c) && !/^\d+$/.test(get(c))) bad(c, "must be a numeric M49 code");
    const vcol = ["primaryValue", "cifvalue", "fobvalue"].find((c) => header.includes(c) && get(c) !== "");
    if (!vcol) bad("primaryValue", "no trade value (primaryValue, cifvalue or fobvalue)");
    else if (!(Number(get(vcol)) >= 0)) bad(vcol, "trade value (USD) must be a number ≥ 0");
    if (header.includes("netWgt") && get("netWgt") !== "" && !(Number(get("netWgt")) >= 0)) bad("netWgt", "net weight (kg) must be a number ≥ 0");
    if (found.length) {
      badRows++;
      if (problems.length < limit) problems.push(...found.slice(0, limit - problems.length));
    }
  }
  return { problems, badRows };
}
