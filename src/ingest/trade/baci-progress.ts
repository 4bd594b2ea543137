import type { DuckDBConnection } from "@duckdb/node-api";
import cliProgress from "cli-progress";
import type { Params, Row, Store } from "../../store/store.ts";

/** Called with the fraction done (0–1) of a long statement. */
export type OnProgress = (fraction: number) => void;

/**
 * Run one long statement while polling DuckDB's own progress counter (the CSV reader reports
 * bytes read), so a 10 M-row load can drive a progress bar without parsing rows in JS. Returns the
 * statement's rows (for an INSERT, DuckDB's `Count`).
 *
 * @example
 * await runWithProgress(store, "INSERT INTO t SELECT * FROM read_csv($1)", [file], (f) => bar.update(f));
 */
export async function runWithProgress(store: Store, sql: string, params: Params, onProgress?: OnProgress): Promise<Row[]> {
  // Store keeps its one connection private; the progress counter lives on that connection.
  const conn = (store as unknown as { conn?: DuckDBConnection }).conn;
  if (!onProgress || !conn) return store.all(sql, params);
  await store.run("SET enable_progress_bar = true");
  await store.run("SET enable_progress_bar_print = false");
  const timer = setInterval(() => {
    const p = conn.progress.percentage;
    if (p >= 0) onProgress(Math.min(1, p / 100));
  }, 100);
  try {
    const rows = await store.all(sql, params);
    onProgress(1);
    return rows;
  } finally {
    clearInterval(timer);
  }
}

/**
 * A percentage bar for one big file on stderr, only on a terminal (pipes and tests stay clean).
 * It opens on its own line so it does not overwrite the ingest command's per-file bar.
 *
 * @example const bar = fileBar("BACI_HS22_Y2023_V202501.csv"); bar?.update(0.5); bar?.stop();
 */
export function fileBar(label: string): { update: OnProgress; stop: () => void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  process.stderr.write("\n");
  const bar = new cliProgress.SingleBar(
    { format: `  ${label} [{bar}] {percentage} % {duration_formatted}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0);
  return { update: (f) => bar.update(Math.round(f * 100)), stop: () => bar.stop() };
}
