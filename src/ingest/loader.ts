import type { Store } from "../store/store.ts";

/** What a loader receives: the open store (inside a transaction), the file, and the dataset id. */
export interface LoadContext {
  store: Store;
  file: string;
  dataset: string;
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
}
