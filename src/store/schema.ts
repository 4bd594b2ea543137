import { coreDdl } from "./schema/core.ts";
import { extraDdl } from "./schema/extra.ts";
import type { Store } from "./store.ts";

/** Bump when the schema changes: a database with another version is rebuilt from `data/`. */
export const SCHEMA_VERSION = "7";

/** Create every table (idempotent). */
export async function createSchema(store: Store): Promise<void> {
  for (const sql of [...coreDdl, ...extraDdl]) await store.run(sql);
}

/** The schema version recorded in a database, or undefined for an empty one. */
export async function schemaVersion(store: Store): Promise<string | undefined> {
  const t = await store.one<{ n: number }>(
    "SELECT count(*)::DOUBLE AS n FROM information_schema.tables WHERE table_name = 'schema_meta'",
  );
  if (!t || t.n === 0) return undefined;
  const row = await store.one<{ value: string }>("SELECT value FROM schema_meta WHERE key = 'version'");
  return row?.value;
}
