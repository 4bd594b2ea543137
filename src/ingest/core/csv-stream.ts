import { closeSync, createReadStream } from "node:fs";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import { ChokepointError, type Problem } from "../../domain/error.ts";
import type { CsvRecord } from "./csv.ts";
import { validationError } from "./csv.ts";
import { checkEncoding, endProblem, endsWithNewline, MAX_RECORD_CHARS, openRegular, parseErrorProblem, recordShapeProblem } from "./csv-rules.ts";

/** Problems kept for the message (the count goes on); a file with this many bad rows stops early. */
const MAX_PROBLEMS = 1000;

/**
 * Read a CSV file record by record without holding it in memory: the same rules as `readCsv`
 * (a regular file, UTF-8, required columns, no short or long records, a newline after the last).
 * `onRecord` may add problems (returned with the reader's); it is awaited, so a loader can write
 * batches as it goes (inside its transaction). `onProgress` gets the fraction of bytes read.
 *
 * @example
 * const { problems } = await streamCsv("big.csv", (h) => ["PERIOD"], async (r, problems) => { … });
 */
export async function streamCsv(
  file: string,
  required: (header: string[]) => string[],
  onRecord: (record: CsvRecord, problems: Problem[]) => void | Promise<void>,
  opts: { onProgress?: (fraction: number) => void } = {},
): Promise<{ header: string[]; problems: Problem[]; records: number }> {
  const { fd, size } = openRegular(file);
  closeSync(fd);
  const problems: Problem[] = [];
  let bytes = 0, lineBase = 1, first = true;
  let tail: Buffer = Buffer.alloc(0);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // Bytes → checked UTF-8 text (a bad byte is reported with its line), counting progress.
  const utf8 = new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      if (first) {
        first = false;
        const bad = encodingError(file, chunk);
        if (bad) return done(bad);
      }
      bytes += chunk.length;
      tail = chunk.subarray(Math.max(0, chunk.length - 64));
      opts.onProgress?.(size ? bytes / size : 1);
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(badUtf8(file, chunk, lineBase));
        return;
      }
      lineBase += countNewlines(chunk);
    },
  });
  const parser = parse({ relax_column_count: true, info: true, skip_empty_lines: true, bom: true, max_record_size: MAX_RECORD_CHARS });
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  input.on("error", (e) => parser.destroy(new ChokepointError("io_error", `${file}: cannot read: ${e.message}`)));
  input.pipe(utf8).on("error", (e) => parser.destroy(e)).pipe(parser);
  let header: string[] | undefined;
  let lastRequired = 0;
  let last: { record: string[]; line: number } | undefined;
  let records = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        const req = required(header);
        const missing = req.filter((c) => !header!.includes(c));
        if (missing.length) {
          throw new ChokepointError("validation_failed", `${file}:1: missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `'${m}'`).join(", ")} (found: ${header.join(", ")})`,
            missing.map((m) => ({ code: "missing_column", path: [1, m], message: `missing column '${m}'`, file, line: 1, field: m })));
        }
        lastRequired = Math.max(0, ...req.map((c) => header!.indexOf(c)));
        continue;
      }
      const line = info.lines;
      last = { record, line };
      records++;
      const shape = recordShapeProblem(file, header, record, line, lastRequired);
      if (shape) problems.push(shape);
      else {
        const values: Record<string, string> = {};
        for (let j = 0; j < header.length; j++) values[header[j]] = record[j] ?? "";
        await onRecord({ line, values }, problems);
      }
      if (problems.length >= MAX_PROBLEMS) break;
    }
  } catch (e) {
    input.destroy();
    if (e instanceof ChokepointError) throw e;
    throw parseErrorProblem(file, e as Error);
  }
  input.destroy();
  if (!header) {
    throw new ChokepointError("validation_failed", `${file}: empty file (no header)`, [{ code: "empty_file", path: [], message: "empty file", file, line: 1 }]);
  }
  if (!problems.length && last && !endsWithNewline(tail)) problems.push(endProblem(file, last.line, header, last.record));
  return { header, problems, records };
}

/** Throw the reader's problems as one validation error (no-op when there are none). */
export function throwProblems(file: string, problems: Problem[]): void {
  if (problems.length) throw validationError(file, problems);
}

function encodingError(file: string, chunk: Buffer): Error | undefined {
  try {
    checkEncoding(file, chunk.subarray(0, 512));
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

function countNewlines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

function badUtf8(file: string, chunk: Buffer, lineBase: number): ChokepointError {
  let start = 0;
  for (let line = lineBase; start <= chunk.length; line++) {
    const end = chunk.indexOf(10, start);
    const bytes = chunk.subarray(start, end < 0 ? chunk.length : end);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      const message = "not valid UTF-8 (save the file as UTF-8; cp1252/Latin-1 is not accepted)";
      return new ChokepointError("validation_failed", `${file}:${line}: ${message}`, [
        { code: "bad_encoding", path: [line], message, file, line, value: bytes.toString("latin1").slice(0, 80) },
      ]);
    }
    if (end < 0) break;
    start = end + 1;
  }
  return new ChokepointError("validation_failed", `${file}:${lineBase}: not valid UTF-8`);
}
