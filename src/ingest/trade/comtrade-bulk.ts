import { listValue } from "@duckdb/node-api";
import { basename } from "node:path";
import { statSync } from "node:fs";
import { ChokepointError, type Problem } from "../../domain/error.ts";
import type { Store } from "../../store/store.ts";
import { validationError } from "../core/csv.ts";
import type { Loader, LoadContext } from "../core/loader.ts";
import { fileBar, runWithProgress, type OnProgress } from "./baci-progress.ts";
import { BULK_COLUMNS, BULK_ONE_OF, COMTRADE_CODE_QUIRKS, diagnoseBulk, type BulkColumn } from "./comtrade-bulk-rules.ts";

const BAD_ROW = "chokepoint:bad_comtrade_row";

/**
 * `chokepoint ingest comtrade-bulk FILE…`: UN Comtrade bulk files (tab- or comma-separated, `.gz`
 * read directly) streamed by DuckDB into `trade`, for files too big for the `comtrade` loader.
 * Same rules as that loader: totals only (no partner2/mode/customs breakdowns), flows M and X,
 * partner World and non-country areas skipped, Taiwan from "Other Asia, nes"; values in USD
 * (primaryValue, else CIF for imports / FOB for exports), quantity = net weight in kg.
 *
 * @example await ingest(store, "comtrade-bulk", ["TradeData_2023_M_HS6.txt.gz"]);
 */
export const comtradeBulkLoader: Loader = {
  id: "comtrade-bulk",
  description: "UN Comtrade bulk file (.txt/.csv, .gz ok; reporterCode, flowCode, partnerCode, cmdCode, primaryValue, netWgt …), streamed",
  async load(ctx: LoadContext & { onProgress?: OnProgress }): Promise<number> {
    const bar = ctx.onProgress ? undefined : statSync(ctx.file).size > 20e6 ? fileBar(basename(ctx.file)) : undefined;
    try {
      return await loadBulk(ctx, ctx.onProgress ?? bar?.update);
    } finally {
      bar?.stop();
    }
  },
};

async function loadBulk({ store, file, dataset }: LoadContext, onProgress?: OnProgress): Promise<number> {
  const { columns, delim } = await header(store, file);
  const has = (c: BulkColumn) => columns.includes(c);
  const missing = [
    ...(Object.keys(BULK_COLUMNS) as BulkColumn[]).filter((c) => BULK_COLUMNS[c].required && !has(c)).map((c) => [c]),
    ...BULK_ONE_OF.filter((g) => !g.some(has)),
  ];
  if (missing.length) {
    const problems: Problem[] = missing.map((g) => ({
      code: "missing_column", path: [1, g[0]], file, line: 1, field: g[0],
      message: `missing column '${g[0]}'${g.length > 1 ? ` (or ${g.slice(1).map((c) => `'${c}'`).join(", ")})` : ""}`,
    }));
    throw new ChokepointError("validation_failed", `${file}:1: ${problems.map((p) => p.message).join("; ")} (found: ${columns.join(", ")})`, problems);
  }
  // Column names below come only from BULK_COLUMNS (checked present), never from the file.
  const col = (c: BulkColumn) => (has(c) ? `nullif(trim("${c}"), '')` : "NULL::VARCHAR");
  const year = has("refYear") ? col("refYear") : `substr(${col("period")}, 1, 4)`;
  const month = has("refMonth") ? col("refMonth") : `nullif(substr(${col("period")}, 5, 2), '')`;
  await buildGeo(store);
  const iso = (isoCol: BulkColumn, codeCol: BulkColumn, alias: string) => `coalesce(
      CASE WHEN ${col(isoCol)} = 'S19' THEN 'TWN' WHEN ${col(isoCol)} IN (SELECT iso3 FROM countries) THEN ${col(isoCol)} END,
      (SELECT iso3 FROM comtrade_bulk_geo g WHERE g.code = TRY_CAST(${col(codeCol)} AS INTEGER))) AS ${alias}`;
  const sql = `
    INSERT INTO trade (dataset, source_file, flow, reporter, partner, classification, product, year, month, value, currency, quantity, qty_unit)
    WITH raw AS (
      SELECT TRY_CAST(${year} AS INTEGER) AS y, ${year} AS y_raw, ${month} AS m_raw, ${col("flowCode")} AS flow,
             ${col("reporterCode")} AS rc, ${col("partnerCode")} AS pc, ${col("partnerISO")} AS pi,
             ${iso("reporterISO", "reporterCode", "reporter")}, ${iso("partnerISO", "partnerCode", "partner")},
             ${col("partner2Code")} AS p2, ${col("motCode")} AS mot, ${col("customsCode")} AS customs, ${col("mosCode")} AS mos,
             ${col("cmdCode")} AS cmd, ${col("netWgt")} AS kg_raw, TRY_CAST(${col("netWgt")} AS DOUBLE) AS kg,
             coalesce(${col("primaryValue")}, CASE WHEN ${col("flowCode")} = 'X' THEN coalesce(${col("fobvalue")}, ${col("cifvalue")})
                                                   ELSE coalesce(${col("cifvalue")}, ${col("fobvalue")}) END) AS v_raw
      FROM read_csv($file, header = true, all_varchar = true, delim = $delim, quote = '"')),
    checked AS (
      SELECT *, TRY_CAST(v_raw AS DOUBLE) AS v,
             CASE WHEN m_raw IS NULL OR m_raw = '52' THEN 0 ELSE TRY_CAST(m_raw AS INTEGER) END AS m FROM raw),
    valid AS (
      SELECT CASE WHEN y IS NULL OR y NOT BETWEEN 1900 AND 2100 OR m IS NULL OR m NOT BETWEEN 0 AND 12
                       OR v IS NULL OR NOT (v >= 0) OR reporter IS NULL OR (kg_raw IS NOT NULL AND NOT (kg >= 0))
                       OR (partner IS NULL AND NOT (pi = 'W00' OR pc = '0' OR TRY_CAST(pc AS INTEGER) >= 800 OR pi LIKE '\\_%' ESCAPE '\\'))
                  THEN error('${BAD_ROW}') END AS fail, *
      FROM checked
      WHERE flow IN ('M', 'X') AND coalesce(p2, '0') IN ('0', 'W00') AND coalesce(mot, '0') IN ('0') AND coalesce(customs, 'C00') = 'C00'
        AND coalesce(mos, '0') = '0' AND upper(coalesce(cmd, '')) <> 'TOTAL')
    SELECT $dataset, $source, flow, reporter, partner, 'HS' || length(cmd), cmd, y, m, v, 'USD',
           CASE WHEN kg > 0 THEN kg END, CASE WHEN kg > 0 THEN 'kg' END
    FROM valid WHERE fail IS NULL AND partner IS NOT NULL AND regexp_full_match(cmd, '\\d{2}|\\d{4}|\\d{6}')`;
  try {
    const res = await runWithProgress(store, sql, { file, delim, dataset, source: basename(file) }, onProgress);
    return Number((res[0] as { Count?: bigint } | undefined)?.Count ?? 0);
  } catch (e) {
    if (!(e as Error).message.includes(BAD_ROW)) throw new ChokepointError("io_error", `${file}: ${(e as Error).message}`);
    const { problems, badRows } = await diagnoseBulk(file, delim);
    const err = validationError(file, problems.length ? problems : [{ code: "invalid_row", path: [], message: "a row has an unknown reporter or partner code", file }]);
    if (badRows > problems.length) err.message = err.message.replace(/: \d+ invalid row\(s\)/, `: ${badRows} invalid row(s)`);
    throw err;
  }
}

/** Header names and delimiter (tab for Comtrade's bulk `.txt`, comma for CSV), via DuckDB's sniffer. */
async function header(store: Store, file: string): Promise<{ columns: string[]; delim: string }> {
  try {
    const s = await store.one<{ Delimiter: string; Columns: { name: string }[] }>("SELECT Delimiter, Columns FROM sniff_csv($1, header = true)", [file]);
    return { columns: (s?.Columns ?? []).map((c) => c.name), delim: s?.Delimiter ?? "\t" };
  } catch (e) {
    throw new ChokepointError("io_error", `${file}: cannot read: ${(e as Error).message}`);
  }
}

/** M49 → ISO3 from `countries`, with Comtrade's own codes (842 USA, 490 Taiwan, …) on top. */
async function buildGeo(store: Store): Promise<void> {
  await store.run("CREATE OR REPLACE TEMP TABLE comtrade_bulk_geo (code INTEGER PRIMARY KEY, iso3 VARCHAR)");
  await store.run(
    `INSERT INTO comtrade_bulk_geo SELECT DISTINCT ON (c) c, iso3 FROM (
       SELECT TRY_CAST(m49 AS INTEGER) AS c, iso3 FROM countries WHERE TRY_CAST(m49 AS INTEGER) IS NOT NULL) ORDER BY c, iso3`,
  );
  await store.run(
    "INSERT OR REPLACE INTO comtrade_bulk_geo SELECT unnest($1::INTEGER[]), unnest($2::VARCHAR[])",
    [listValue(Object.keys(COMTRADE_CODE_QUIRKS).map(Number)), listValue(Object.values(COMTRADE_CODE_QUIRKS))],
  );
}
