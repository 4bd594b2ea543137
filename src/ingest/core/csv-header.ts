import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { assertRegularFile } from "./csv-rules.ts";

/**
 * The header row of a CSV file, trimmed, before full validation. Bytes are read as Latin-1 so that
 * a bad encoding is reported later by `readCsv` with its line; an unreadable file gives [] (and
 * `readCsv` then reports it). Loaders use it to require every data column a wide file declares,
 * which is how a truncated last row is caught.
 *
 * @example const years = csvHeader("WGIData.csv").filter((h) => /^\d{4}$/.test(h));
 */
export function csvHeader(file: string): string[] {
  let text: string;
  try {
    assertRegularFile(file);
    text = readFileSync(file).toString("latin1").replace(/^\u00ef\u00bb\u00bf/, "");
  } catch {
    return [];
  }
  const end = text.indexOf("\n");
  const first = end < 0 ? text : text.slice(0, end);
  try {
    return ((parse(first, { relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? []).map((h) => h.trim());
  } catch {
    return [];
  }
}
