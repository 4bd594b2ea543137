import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { ChokepointError, type Problem } from "../../domain/error.ts";
import { LIMITS } from "../../domain/limits.ts";

/**
 * The checks every CSV reader applies, in one place (issue #18): the encoding is UTF-8, the file is
 * a regular file, no record is cut short or carries extra fields, and the file does not end inside
 * a record. `readCsv`, `streamCsv` and the DuckDB-read BACI/Comtrade bulk files all call these.
 */

/**
 * Name a non-UTF-8 Unicode encoding from a file's first bytes (BOM, or NUL bytes in every other
 * position as UTF-16 text without a BOM has), or undefined.
 *
 * @example sniffEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00])) // "UTF-16LE"
 */
export function sniffEncoding(head: Uint8Array): string | undefined {
  const b = head;
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return "UTF-32LE";
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return "UTF-32BE";
  if (b[0] === 0xff && b[1] === 0xfe) return "UTF-16LE";
  if (b[0] === 0xfe && b[1] === 0xff) return "UTF-16BE";
  const n = Math.min(b.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0, oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  if (oddNul > n / 4 && evenNul === 0) return "UTF-16LE";
  if (evenNul > n / 4 && oddNul === 0) return "UTF-16BE";
  if (evenNul + oddNul > 0) return "binary (NUL bytes)";
  return undefined;
}

/** Throw when the first bytes show an encoding other than UTF-8 (named, with the fix). */
export function checkEncoding(file: string, head: Uint8Array): void {
  const enc = sniffEncoding(head);
  if (!enc) return;
  const message = enc.startsWith("binary") ? "file is not text (it holds NUL bytes)" : `file is ${enc}; save as UTF-8`;
  throw new ChokepointError("validation_failed", `${file}:1: ${message}`, [
    { code: "bad_encoding", path: [1], message, file, line: 1, value: enc },
  ]);
}

/**
 * Open a file for reading only if it is a regular file (a FIFO, a device such as /dev/zero or a
 * folder would hang or never end). Returns the open descriptor and size.
 *
 * @example const { fd, size } = openRegular("x.csv");
 */
export function openRegular(file: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw new ChokepointError("io_error", `${file}: cannot read: ${(e as Error).message}`);
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    const what = st.isDirectory() ? "a folder" : st.isFIFO() ? "a pipe" : st.isCharacterDevice() || st.isBlockDevice() ? "a device" : "not a regular file";
    throw new ChokepointError("io_error", `${file}: cannot read: ${what}, not a regular file`);
  }
  return { fd, size: st.size };
}

/** Throw unless `file` is a regular file (see openRegular). @example assertRegularFile("x.csv") */
export function assertRegularFile(file: string): void {
  closeSync(openRegular(file).fd);
}

/**
 * A record's field count against the header: short (past the last required column) or long (an
 * extra non-empty field, e.g. an unquoted comma inside a number). Trailing empty fields are allowed.
 *
 * @example recordShapeProblem("x.csv", ["a", "b"], ["1", "2", "3"], 2, 1) // { code: "extra_fields", … }
 */
export function recordShapeProblem(file: string, header: readonly string[], record: readonly string[], line: number, lastRequired: number): Problem | undefined {
  if (record.length <= lastRequired) {
    return {
      code: "truncated_row", path: [line], file, line, field: header[record.length],
      message: `row has ${record.length} fields, header has ${header.length} (truncated file?)`,
    };
  }
  if (record.length > header.length) {
    const extra = record.slice(header.length).findIndex((v) => v.trim() !== "");
    if (extra >= 0) {
      return {
        code: "extra_fields", path: [line], file, line, value: record[header.length + extra],
        message: `row has ${record.length} fields, header has ${header.length} (an unquoted comma in a value?)`,
      };
    }
  }
  return undefined;
}

/**
 * A file whose last record has no newline after it may have been cut inside that record (a
 * download stopped at `88695` → `88`): it is refused, naming the record's line, last field and
 * value. Complete files from every publisher we read end with a newline.
 *
 * @example endProblem("x.csv", 12, ["a", "q"], ["1", "9"]) // { code: "truncated_file", line: 12, field: "q", value: "9", … }
 */
export function endProblem(file: string, line: number, header: readonly string[], record: readonly string[]): Problem {
  const i = Math.max(0, record.length - 1);
  return {
    code: "truncated_file", path: [line, header[i] ?? i], file, line, field: header[i], value: record[i],
    message: `the file ends inside this record (no newline after it): the record may be cut short — if the file is complete, end it with a newline`,
  };
}

/** True when the bytes end a line (`\n`, or `\r` of old Mac files), ignoring trailing spaces/tabs. */
export function endsWithNewline(tail: Uint8Array): boolean {
  for (let i = tail.length - 1; i >= 0; i--) {
    const c = tail[i];
    if (c === 0x0a || c === 0x0d) return true;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true; // only blanks: nothing after the last newline
}

/**
 * Check a big file's ending without reading it whole (for files DuckDB reads): a last line with no
 * newline after it is refused with its line number (counted only then), last field and value.
 *
 * @example checkFileEnd("BACI_HS22_Y2023_V202501.csv", ["t", "i", "j", "k", "v", "q"]);
 */
export function checkFileEnd(file: string, header: readonly string[], delim = ","): void {
  const { fd, size } = openRegular(file);
  try {
    if (size === 0) return;
    const tail = Buffer.alloc(Math.min(size, 64 * 1024));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    if (endsWithNewline(tail)) return;
    const text = tail.toString("utf8");
    const last = text.slice(Math.max(text.lastIndexOf("\n"), text.lastIndexOf("\r")) + 1);
    const lines = countNewlines(fd, size) + 1;
    const record = last.split(delim).map((v) => v.trim().replace(/^"(.*)"$/, "$1"));
    const p = endProblem(file, lines, header, record);
    throw new ChokepointError("validation_failed", `${file}:${lines}${p.field ? ` field '${p.field}'` : ""}: ${p.message} (value: ${JSON.stringify(p.value)})`, [p]);
  } finally {
    closeSync(fd);
  }
}

function countNewlines(fd: number, size: number): number {
  const buf = Buffer.allocUnsafe(1 << 20);
  let n = 0;
  for (let pos = 0; pos < size; ) {
    const got = readSync(fd, buf, 0, buf.length, pos);
    if (got <= 0) break;
    for (let i = buf.indexOf(10, 0); i >= 0 && i < got; i = buf.indexOf(10, i + 1)) n++;
    pos += got;
  }
  return n;
}

/** The longest record csv-parse accepts (characters): a field longer than this is not data. */
export const MAX_RECORD_CHARS = LIMITS.fieldChars;

/** A clear problem for csv-parse's own errors (record too long, bad quoting). */
export function parseErrorProblem(file: string, e: Error & { code?: string; lines?: number }): ChokepointError {
  const line = e.lines;
  const message = e.code === "CSV_MAX_RECORD_SIZE"
    ? `a record longer than ${MAX_RECORD_CHARS.toLocaleString("en")} characters (a field this long is not data)`
    : `malformed CSV: ${e.message}`;
  return new ChokepointError("validation_failed", `${file}:${line ?? "?"}: ${message}`, [
    { code: e.code === "CSV_MAX_RECORD_SIZE" ? "field_too_long" : "malformed_csv", path: [line ?? 0], message, file, line },
  ]);
}
