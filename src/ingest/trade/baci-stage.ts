import { closeSync, openSync, readSync } from "node:fs";
import { ChokepointError, type Problem } from "../../domain/error.ts";
import type { Store } from "../../store/store.ts";
import { baciTable, baciTablesPresent, dropBaciStaging, worldTableSql } from "../../store/queries/baci-tables.ts";
import { validationError } from "../core/csv.ts";
import { checkEncoding, checkFileEnd, openRegular } from "../core/csv-rules.ts";
import { BACI_COLUMNS, diagnoseBaciCsv, type BaciRules } from "./baci-diagnose.ts";
import type { BaciFileInfo } from "./baci-files.ts";
import { runWithProgress, type OnProgress } from "./baci-progress.ts";

// The rules every row must meet, as one condition per column so that each is a filter DuckDB can
// answer from the committed table's statistics (zone maps): ~5 ms for 10 M rows, where the same
// checks inside the CSV pipeline cost ~0.2 s. NaN sorts above every number in DuckDB, so the upper
// bounds also catch NaN and ±inf; q may be NULL (BACI's "NA").
const RULES = [
  "year IS NULL", "year <> $year",
  "exporter IS NULL", "exporter < 1", "exporter > 999",
  "importer IS NULL", "importer < 1", "importer > 999",
  "hs6 IS NULL", "hs6 < 10000", "hs6 > 999999",
  "value_kusd IS NULL", "value_kusd < 0", "value_kusd > 1.7976931348623157e308",
  "quantity_t < 0", "quantity_t > 1.7976931348623157e308",
];
const BAD = RULES.map((r) => `(${r})`).join(" OR ");

// Column names and types are constants, never user text (the header is checked against them first).
const CSV_COLUMNS = "{'t': 'SMALLINT', 'i': 'SMALLINT', 'j': 'SMALLINT', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'DOUBLE'}";
const AS_TABLE = "t AS year, i AS exporter, j AS importer, k AS hs6, v AS value_kusd, q AS quantity_t";

export interface TradeLoad {
  store: Store;
  file: string;
  info: BaciFileInfo;
  onProgress?: OnProgress;
}

/** A year read and checked into staging tables, waiting to be published. */
export interface StagedYear {
  year: number;
  rows: number;
  /** Every country code the rows use (checked against the release's code list when publishing). */
  codes: number[];
}

/**
 * Step 1 of loading a BACI trade file (CSV or Parquet, columns `t,i,j,k,v,q`): DuckDB reads it
 * into a staging table by an autocommitted `CREATE TABLE … AS` (its own CSV speed), the rows are
 * checked there (types by the CSV reader's rejects table, BACI's rules by filters the table's
 * statistics answer), and the year's world exports per (product, exporter) are built beside it.
 * Nothing reads staging tables; on any problem they are dropped and the file is re-read to report
 * file, line, field and value. Publish with `publishBaciTrade` inside the load's transaction.
 *
 * @example
 * const staged = await stageBaciTrade({ store, file, info: baciFileInfo(file) });
 * await store.transaction(() => publishBaciTrade(store, file, info, "baci", staged));
 */
export async function stageBaciTrade(load: TradeLoad): Promise<StagedYear> {
  const { store, file, info } = load;
  if (info.format === "csv") {
    checkCsvHeader(file);
    checkFileEnd(file, BACI_COLUMNS); // DuckDB would read a cut `9.675` as 9
  }
  const year = info.year ?? (await firstYear(store, file, info.format));
  await dropLeftovers(store); // whatever a killed load left
  if (liveYears(store).has(year)) {
    throw new ChokepointError("validation_failed", `${file}: a second trade file for ${year} in one load (one file per year)`, [
      { code: "duplicate_year", path: ["t"], message: `a second trade file for ${year}`, file, field: "t", value: year },
    ]);
  }
  const stage = baciTable("stage", year);
  liveYears(store).add(year);
  try {
    const rows = info.format === "csv" ? await stageCsv(load, stage, year) : await stageParquet(load, stage);
    const bad = await store.one<{ bad: boolean }>(`SELECT EXISTS (${RULES.map((r) => `SELECT 1 FROM ${stage} WHERE ${r}`).join(" UNION ALL ")}) AS bad`, { year });
    if (bad?.bad) await reportBadRows(store, load, year);
    const used = await store.one<{ codes: number[] }>(
      // GROUP BY on each small-range code column lets DuckDB use its perfect-hash aggregate (~4× a UNION).
      `SELECT list(code ORDER BY code) AS codes FROM (
         SELECT exporter AS code FROM ${stage} GROUP BY exporter UNION SELECT importer FROM ${stage} GROUP BY importer)`,
    );
    await store.run(worldTableSql(baciTable("stage_world", year), stage));
    return { year, rows, codes: used?.codes ?? [] };
  } catch (e) {
    await dropStaged(store, year);
    throw e;
  }
}

/** Years staged by this process and not yet published or dropped, per database (an atomic load stages several). */
const live = new WeakMap<Store, Set<number>>();
function liveYears(store: Store): Set<number> {
  let s = live.get(store);
  if (!s) live.set(store, (s = new Set()));
  return s;
}

async function dropLeftovers(store: Store): Promise<void> {
  for (const t of await baciTablesPresent(store)) {
    if ((t.kind === "stage" || t.kind === "stage_world") && !liveYears(store).has(t.year)) await store.run(`DROP TABLE IF EXISTS ${t.name}`);
  }
}

/** Drop a year's staging tables (a failed or discarded load) and forget it. */
export async function dropStaged(store: Store, year: number): Promise<void> {
  liveYears(store).delete(year);
  await dropBaciStaging(store, year);
}

/** The year's staging tables were renamed into place. */
export function published(store: Store, year: number): void {
  liveYears(store).delete(year);
}

async function stageCsv(load: TradeLoad, stage: string, year: number): Promise<number> {
  const { store, file } = load;
  try {
    await runWithProgress(
      store,
      `CREATE TABLE ${stage} AS SELECT ${AS_TABLE}
       FROM read_csv($file, header = true, auto_detect = false, delim = ',', quote = '"',
                     columns = ${CSV_COLUMNS}, nullstr = ['NA', ''], store_rejects = true, rejects_limit = 1000)`,
      { file },
      load.onProgress,
    );
  } catch (e) {
    throw new ChokepointError("io_error", `${file}: ${(e as Error).message}`);
  }
  const rejects = await store.all<{ line: number; column_name: string; error_type: string; csv_line: string; error_message: string }>(
    `SELECT line::DOUBLE AS line, column_name, error_type, csv_line, error_message FROM reject_errors
     WHERE scan_id = (SELECT max(scan_id) FROM reject_scans WHERE file_path = $1) ORDER BY line LIMIT 100`,
    [file],
  );
  if (rejects.length === 0) return countRows(store, stage);
  // Something is wrong: re-read the file for every bad row (naming the field's value); DuckDB's own
  // report wins for structural errors (it knows about quoting and truncation) and lines we missed.
  const { problems, badRows } = await diagnoseBaciCsv(file, rulesOnly(year));
  const jsLines = new Set(problems.map((p) => p.line));
  const byLine = new Map<number, Problem>();
  for (const r of rejects) {
    if (byLine.has(r.line) || (r.error_type === "CAST" && jsLines.has(r.line))) continue;
    byLine.set(r.line, {
      code: r.error_type === "CAST" ? "invalid_value" : "malformed_row",
      path: [r.line, r.column_name],
      message: r.error_type === "CAST" ? `not a valid ${r.column_name} (${r.error_message})` : `${r.error_type.toLowerCase()}: ${r.error_message}`,
      file,
      line: r.line,
      field: r.column_name,
      value: r.csv_line,
    });
  }
  const merged = [...byLine.values(), ...problems.filter((p) => !byLine.has(p.line!))].sort((a, b) => a.line! - b.line!);
  throw withCount(validationError(file, merged), Math.max(badRows, byLine.size));
}

async function stageParquet(load: TradeLoad, stage: string): Promise<number> {
  const { store, file } = load;
  const cols = await store.all<{ column_name: string }>("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet($1))", [file]);
  const missing = BACI_COLUMNS.filter((c) => !cols.some((x) => x.column_name === c));
  if (missing.length) {
    throw new ChokepointError("validation_failed", `${file}: missing column(s) ${missing.join(", ")} (a BACI file has t,i,j,k,v,q)`, [
      { code: "missing_column", path: [missing[0]], message: `missing column '${missing[0]}'`, file, field: missing[0] },
    ]);
  }
  // A quantity that is not a number becomes NULL below, which BACI allows (NA): catch it first.
  const badQ = await store.all<{ row: number; q: string }>(
    `SELECT (file_row_number + 1)::DOUBLE AS row, q::VARCHAR AS q FROM read_parquet($1, file_row_number = true)
     WHERE q IS NOT NULL AND TRY_CAST(q AS DOUBLE) IS NULL AND trim(q::VARCHAR) NOT IN ('NA', '') ORDER BY file_row_number LIMIT 20`,
    [file],
  );
  if (badQ.length) {
    throw validationError(file, badQ.map((r) => ({
      code: "invalid_value", path: [r.row, "q"], message: `row ${r.row}: quantity (tonnes) must be a number ≥ 0 or NA`, file, line: r.row, field: "q", value: r.q,
    })));
  }
  await runWithProgress(store, `CREATE TABLE ${stage} AS SELECT ${AS_TABLE} FROM ${PARQUET_SOURCE}`, { file }, load.onProgress);
  return countRows(store, stage);
}

// A value of the wrong type becomes NULL here, which the rules then report with its row number.
const PARQUET_SOURCE = `(SELECT TRY_CAST(t AS SMALLINT) t, TRY_CAST(i AS SMALLINT) i, TRY_CAST(j AS SMALLINT) j, TRY_CAST(k AS INTEGER) k,
           TRY_CAST(v AS DOUBLE) v, TRY_CAST(q AS DOUBLE) q, file_row_number FROM read_parquet($file, file_row_number = true))`;

/** The staged rows broke a rule: say which, with line (CSV) or row (Parquet) numbers. Always throws. */
async function reportBadRows(store: Store, load: TradeLoad, year: number): Promise<never> {
  const { file, info } = load;
  if (info.format === "csv") {
    const { problems, badRows } = await diagnoseBaciCsv(file, rulesOnly(year));
    throw withCount(validationError(file, problems), badRows);
  }
  const bad = await store.all<Record<string, unknown>>(
    `SELECT (file_row_number + 1)::DOUBLE AS row, year AS t, exporter AS i, importer AS j, hs6 AS k, value_kusd AS v, quantity_t AS q
     FROM (SELECT ${AS_TABLE}, file_row_number FROM ${PARQUET_SOURCE}) WHERE ${BAD} ORDER BY file_row_number LIMIT 20`,
    { file, year },
  );
  const problems: Problem[] = bad.map((r) => ({
    code: "invalid_value",
    path: [r.row as number],
    message: `row ${r.row} breaks BACI's rules (year ${year}, codes 1–999, HS6, v ≥ 0, q ≥ 0 or null)`,
    file,
    line: r.row as number,
    value: { t: r.t, i: r.i, j: r.j, k: r.k, v: r.v, q: r.q },
  }));
  throw validationError(file, problems);
}

/** The row rules alone: country codes are checked against the release's list when publishing. */
const rulesOnly = (year: number): BaciRules => ({ year, countries: new Set() });

async function countRows(store: Store, table: string): Promise<number> {
  const r = await store.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${table}`);
  return r?.n ?? 0;
}

/** BACI's header is exactly `t,i,j,k,v,q`; anything else is another format. */
function checkCsvHeader(file: string): void {
  const { fd } = openRegular(file);
  const head = Buffer.alloc(512);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  checkEncoding(file, head.subarray(0, n));
  const first = readFirstLines(file, 1)[0] ?? "";
  const header = first.replace(/^\uFEFF/, "").split(",").map((h) => h.trim().replace(/^"(.*)"$/, "$1"));
  if (header.join(",") !== BACI_COLUMNS.join(",")) {
    throw new ChokepointError("validation_failed", `${file}:1: header must be t,i,j,k,v,q (BACI trade file), found: ${header.join(",")}`, [
      { code: "bad_header", path: [1], message: "header must be t,i,j,k,v,q", file, line: 1, value: first },
    ]);
  }
}

async function firstYear(store: Store, file: string, format: "csv" | "parquet"): Promise<number> {
  let t: string | undefined;
  if (format === "csv") t = readFirstLines(file, 2)[1]?.split(",")[0]?.trim();
  else t = String((await store.one<{ t: unknown }>("SELECT t::VARCHAR AS t FROM read_parquet($1) LIMIT 1", [file]))?.t ?? "");
  if (!t || !/^\d{4}$/.test(t)) {
    throw new ChokepointError("validation_failed", `${file}:2 field 't': the year is not in the file name (BACI_HS22_Y2023_V202501.csv) nor a valid first row (value: ${JSON.stringify(t ?? "")})`, [
      { code: "invalid_value", path: [2, "t"], message: "year missing", file, line: 2, field: "t", value: t },
    ]);
  }
  return Number(t);
}

function readFirstLines(file: string, n: number): string[] {
  try {
    const fd = openSync(file, "r");
    const buf = Buffer.alloc(4096);
    const len = readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    return buf.subarray(0, len).toString("utf8").split(/\r?\n/).slice(0, n);
  } catch (e) {
    throw new ChokepointError("io_error", `${file}: cannot read: ${(e as Error).message}`);
  }
}

/** Put the full count of bad rows in the message when only the first problems are listed. */
export function withCount(err: ChokepointError, badRows: number): ChokepointError {
  if (badRows > err.problems.length) err.message = err.message.replace(/: \d+ invalid row\(s\)/, `: ${badRows} invalid row(s)`);
  return err;
}
