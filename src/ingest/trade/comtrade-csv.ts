import { readSync, closeSync } from "node:fs";
import { checkEncoding, openRegular } from "../core/csv-rules.ts";
import { parse } from "csv-parse/sync";
import { ChokepointError, type Problem } from "../../domain/error.ts";
import { readCsv, type CsvRecord } from "../core/csv.ts";

/**
 * Columns a trade loader needs, each with the header spellings publishers use for it
 * (first match wins). Shared by the comext, comtrade, ei-lng and itc loaders.
 */
export type ColumnSpec<K extends string> = Record<K, { names: readonly string[]; optional?: boolean }>;

/** Where each wanted column sits: the header name found, or undefined for an absent optional one. */
export type Resolved<K extends string> = Record<K, string | undefined>;

/**
 * Read a trade CSV whose columns may carry any of several names: resolves the names against the
 * header, then reads strictly (UTF-8, complete rows) through `readCsv`. A missing column names
 * every accepted spelling; a non-UTF-8 line also names the field that holds the bad bytes.
 *
 * @example
 * const { cols, records } = readTradeCsv("x.csv", { value: { names: ["VALUE_IN_EUROS", "VALUE_EUR"] } });
 * records[0].values[cols.value!];
 */
export function readTradeCsv<K extends string>(
  file: string,
  spec: ColumnSpec<K>,
): { cols: Resolved<K>; records: CsvRecord[] } {
  const { header, cols, required } = resolveColumns(file, spec);
  try {
    return { cols, records: readCsv(file, required).records };
  } catch (e) {
    throw withEncodingField(e, header);
  }
}

/**
 * Find each wanted column under one of its names in the file's header (read from its first 64 KiB);
 * a missing one names every accepted spelling. For readers that stream the rows themselves.
 *
 * @example const { cols, required } = resolveColumns("x.csv", { value: { names: ["VALUE_EUR"] } });
 */
export function resolveColumns<K extends string>(file: string, spec: ColumnSpec<K>): { header: string[]; cols: Resolved<K>; required: string[] } {
  const header = readHeader(file);
  const cols = {} as Resolved<K>;
  const problems: Problem[] = [];
  for (const key of Object.keys(spec) as K[]) {
    const { names, optional } = spec[key];
    const found = names.find((n) => header.includes(n));
    cols[key] = found;
    if (!found && !optional) {
      const field = names[0];
      const alt = names.length > 1 ? ` (or ${names.slice(1).map((n) => `'${n}'`).join(", ")})` : "";
      problems.push({ code: "missing_column", path: [1, field], message: `missing column '${field}'${alt}`, file, line: 1, field });
    }
  }
  if (problems.length) {
    throw new ChokepointError(
      "validation_failed",
      `${file}:1: ${problems.map((p) => p.message).join("; ")} (found: ${header.join(", ")})`,
      problems,
    );
  }
  const required = Object.values<string | undefined>(cols).filter((c): c is string => c !== undefined);
  return { header, cols, required };
}

/** The header row, read from the first 64 KiB (enough for any trade file's header). */
function readHeader(file: string): string[] {
  let text: string;
  const { fd } = openRegular(file);
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    checkEncoding(file, buf.subarray(0, Math.min(n, 512)));
    text = buf.subarray(0, n).toString("latin1");
  } catch (e) {
    if (e instanceof ChokepointError) throw e;
    throw new ChokepointError("io_error", `${file}: cannot read: ${(e as Error).message}`);
  } finally {
    closeSync(fd);
  }
  const first = text.replace(/^\uFEFF|^\xEF\xBB\xBF/, "").split(/\r?\n/)[0] ?? "";
  if (first.trim() === "") {
    throw new ChokepointError("validation_failed", `${file}: empty file (no header)`, [
      { code: "empty_file", path: [], message: "empty file", file, line: 1 },
    ]);
  }
  try {
    return (parse(first, { relax_quotes: true }) as string[][])[0].map((h) => h.trim());
  } catch {
    return first.split(",").map((h) => h.trim());
  }
}

/** readCsv reports a bad-encoding line without the column; find the cell holding non-ASCII bytes. */
export function withEncodingField(e: unknown, header: string[]): unknown {
  if (!(e instanceof ChokepointError)) return e;
  const p = e.problems[0];
  if (!p || p.code !== "bad_encoding" || p.field || typeof p.value !== "string") return e;
  const cells = p.value.split(",");
  const i = cells.findIndex((c) => /[^\x00-\x7f]/.test(c));
  if (i < 0 || !header[i]) return e;
  const problem: Problem = { ...p, field: header[i], value: cells[i] };
  return new ChokepointError(
    "validation_failed",
    `${p.file}:${p.line}: field '${header[i]}': ${p.message} (value: ${JSON.stringify(cells[i])})`,
    [problem],
  );
}
