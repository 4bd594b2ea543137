import { closeSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { ChokepointError, type Problem } from "../../domain/error.ts";
import { checkEncoding, endProblem, endsWithNewline, MAX_RECORD_CHARS, openRegular, parseErrorProblem, recordShapeProblem } from "./csv-rules.ts";

/** One parsed CSV record with its 1-based line number in the file (header is line 1). */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/**
 * Read a CSV file strictly: a regular file, valid UTF-8 (a BOM is dropped; UTF-16 is named), the
 * required columns present, every record complete (not short, no extra fields, no record longer
 * than the field limit, a newline after the last one). Problems name the file, line and field.
 *
 * @example
 * const { records } = readCsv("data/countries.csv", ["iso3", "name"]);
 */
export function readCsv(file: string, required: readonly string[]): { header: string[]; records: CsvRecord[] } {
  let buf: Buffer;
  closeSync(openRegular(file).fd); // a device or a pipe would never end
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new ChokepointError("io_error", `${file}: cannot read: ${(e as Error).message}`);
  }
  checkEncoding(file, buf.subarray(0, 512));
  const text = decodeUtf8(file, buf);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { relax_column_count: true, info: true, skip_empty_lines: true, bom: true, max_record_size: MAX_RECORD_CHARS }) as never;
  } catch (e) {
    throw parseErrorProblem(file, e as Error);
  }
  if (rows.length === 0) {
    throw new ChokepointError("validation_failed", `${file}: empty file (no header)`, [
      { code: "empty_file", path: [], message: "empty file", file, line: 1 },
    ]);
  }
  const header = rows[0].record.map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new ChokepointError(
      "validation_failed",
      `${file}:1: missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `'${m}'`).join(", ")} (found: ${header.join(", ")})`,
      missing.map((m) => ({ code: "missing_column", path: [1, m], message: `missing column '${m}'`, file, line: 1, field: m })),
    );
  }
  const problems: Problem[] = [];
  const records: CsvRecord[] = [];
  // Trailing optional columns may be missing; required ones may not.
  const lastRequired = Math.max(0, ...required.map((c) => header.indexOf(c)));
  for (let i = 1; i < rows.length; i++) {
    const { record, info } = rows[i];
    const line = info.lines;
    const shape = recordShapeProblem(file, header, record, line, lastRequired);
    if (shape) {
      problems.push(shape);
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, j) => (values[h] = record[j] ?? ""));
    records.push({ line, values });
  }
  if (!problems.length && rows.length > 1 && !endsWithNewline(buf.subarray(-64))) {
    const last = rows[rows.length - 1];
    problems.push(endProblem(file, last.info.lines, header, last.record));
  }
  if (problems.length) throw validationError(file, problems);
  return { header, records };
}

function decodeUtf8(file: string, buf: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    // Find the first bad line so the user can fix it.
    const lines = buf.toString("latin1").split("\n");
    let offset = 0;
    for (let i = 0; i < lines.length; i++) {
      const bytes = buf.subarray(offset, offset + lines[i].length);
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        const p: Problem = {
          code: "bad_encoding",
          path: [i + 1],
          message: "not valid UTF-8 (save the file as UTF-8; cp1252/Latin-1 is not accepted)",
          file,
          line: i + 1,
          value: lines[i].slice(0, 80),
        };
        throw new ChokepointError("validation_failed", `${file}:${i + 1}: ${p.message}`, [p]);
      }
      offset += lines[i].length + 1;
    }
    throw new ChokepointError("validation_failed", `${file}: not valid UTF-8`);
  }
}

/** Build the validation error for a list of problems (message shows the first few). */
export function validationError(file: string, problems: Problem[]): ChokepointError {
  const shown = problems
    .slice(0, 5)
    .map((p) => `  ${p.file ?? file}:${p.line ?? "?"}${p.field ? ` field '${p.field}'` : ""}: ${p.message}${p.value !== undefined ? ` (value: ${JSON.stringify(p.value)})` : ""}`)
    .join("\n");
  const more = problems.length > 5 ? `\n  … and ${problems.length - 5} more` : "";
  return new ChokepointError("validation_failed", `${file}: ${problems.length} invalid row(s)\n${shown}${more}`, problems);
}

/**
 * Parse a number cell; returns undefined for empty/withheld markers, or records a problem.
 * @example parseNumber("1,234", ctx) // 1234
 */
export function parseNumber(
  raw: string,
  at: { file: string; line: number; field: string; problems: Problem[] },
  opts: { allowEmpty?: boolean } = {},
): number | undefined {
  const s = raw.trim().replace(/,/g, "");
  const where = { file: at.file, line: at.line, field: at.field, value: raw };
  if (s === "") {
    if (opts.allowEmpty) return undefined;
    at.problems.push({ code: "missing_value", path: [at.line, at.field], message: "value is required", ...where });
    return undefined;
  }
  const n = Number(s);
  if (!Number.isFinite(n)) {
    at.problems.push({ code: "invalid_number", path: [at.line, at.field], message: `not a number: '${raw}'`, ...where });
    return undefined;
  }
  return n;
}
