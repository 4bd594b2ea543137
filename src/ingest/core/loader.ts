import type { Store } from "../../store/store.ts";

/** What a loader receives: the open store (inside a transaction), the file, and the dataset id. */
export interface LoadContext {
  store: Store;
  file: string;
  dataset: string;
  /** What `stage` returned for this file, when the loader stages. */
  staged?: unknown;
}

/**
 * A loader reads one public file format. It must validate every row first and throw
 * `ChokepointError("validation_failed", …, problems)` before writing anything; it runs inside
 * a transaction, so a failure part-way leaves the database as it was.
 */
export interface Loader {
  id: string;
  description: string;
  /** Load one file; returns the number of rows written. */
  load(ctx: LoadContext): Promise<number>;
  /**
   * Optional heavy first step, run *before* the file's transaction and committed into staging
   * tables that nothing reads; `load` then publishes them inside the transaction. For bulk files:
   * DuckDB checks committed data from its statistics in milliseconds, but transaction-local rows
   * only by reading them again. Must leave no trace on failure; leftovers of a killed process are
   * the loader's to clear on its next `stage`.
   */
  stage?(ctx: LoadContext): Promise<unknown>;
  /**
   * Optional: the files to load, in order, from the paths a user gave (files and folders). Default:
   * each folder's files in name order. BACI puts a release's code lists before its trade files.
   */
  files?(paths: readonly string[]): string[];
  /**
   * Several files given together load in one transaction, all or nothing (a BACI release: its code
   * lists and every year). Default: one transaction per file.
   */
  atomic?: boolean;
  /**
   * Optional: DuckDB's memory limit (MiB) while this loader's transaction runs. Streaming loaders
   * append millions of rows in one transaction; under a limit DuckDB evicts written blocks and
   * spills its duplicate-key aggregate to disk instead of growing with the file.
   */
  memoryLimitMb?: number;
  /** Drop what `stage` made when the load fails or turns out to be a duplicate. */
  discard?(ctx: LoadContext, staged: unknown): Promise<void>;
}

/**
 * DuckDB's memory limit (MiB) for the streaming trade loaders (Comext, Comtrade). Without it RSS grew
 * ~125 MB per million rows (4 M Comext rows: 857 MB); under it a load stays flat (bench/comext-rss.ts).
 */
export const STREAMING_LOAD_MEMORY_MB = 512;

