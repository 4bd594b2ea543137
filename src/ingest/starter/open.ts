import { existsSync, rmSync } from "node:fs";
import { ChokepointError } from "../../domain/error.ts";
import { defaultDbPath, Store } from "../../store/store.ts";
import { schemaVersion, SCHEMA_VERSION } from "../../store/schema.ts";
import { buildStarter, starterFingerprint, type BuildProgress } from "./build.ts";

/**
 * Open the chokepoint database, building it from `data/` on first use. The database is rebuilt
 * when its schema version is out of date, or when the shipped `data/` changed and the database
 * holds nothing but the starter dataset; if the user loaded data of their own, a changed `data/`
 * only produces a warning (`chokepoint data rebuild` starts afresh).
 *
 * `access`: "write" opens the file read-write (DuckDB then needs it to itself); "read" opens it
 * read-only, sharing it with other readers such as a running `chokepoint serve`; "auto" (the
 * default) opens read-write and, when another process holds the file, read-only instead, so reads
 * work while the server runs and writes fail with `database_locked` naming the holder.
 *
 * @example
 * const store = await openStore({ db: ":memory:" });
 */
export async function openStore(
  opts: { db?: string; progress?: BuildProgress; rebuild?: boolean; onWarning?: (msg: string) => void; access?: Access } = {},
): Promise<Store> {
  const path = opts.db ?? defaultDbPath();
  let store = await openFile(path, opts.access ?? "auto");
  const version = await schemaVersion(store);
  let build = version !== SCHEMA_VERSION || opts.rebuild === true;
  if (!build && path !== ":memory:") {
    const built = await store.one<{ value: string }>("SELECT value FROM schema_meta WHERE key = 'data'");
    if (built?.value !== starterFingerprint()) {
      const own = await store.one<{ n: number }>(
        "SELECT count(*)::DOUBLE AS n FROM loaded_files l LEFT JOIN datasets d ON d.id = l.dataset WHERE d.title IS NULL",
      );
      if ((own?.n ?? 0) === 0) build = true;
      else opts.onWarning?.(`data/ changed since ${path} was built; run \`chokepoint data rebuild\` to rebuild it (your own loads would have to be repeated)`);
    }
  }
  if (build) {
    if (store.readOnly) {
      await store.close();
      throw new ChokepointError("database_locked", `database ${path} must be rebuilt (${version === undefined ? "it is empty" : `schema ${version} → ${SCHEMA_VERSION}, or data/ changed`}) but another process holds it open; stop it (a running \`chokepoint serve\`?) and retry`);
    }
    if (path !== ":memory:" && version !== undefined) {
      // Start from an empty file: an old schema, an interrupted build or stale starter data.
      await store.close();
      rmSync(path, { force: true });
      rmSync(`${path}.wal`, { force: true });
      store = await Store.open(path);
    }
    await buildStarter(store, opts.progress);
  }
  return store;
}

/** How `openStore` opens the file (see there). */
export type Access = "write" | "read" | "auto";

async function openFile(path: string, access: Access): Promise<Store> {
  if (path === ":memory:" || access === "write" || (access === "auto" && !existsSync(path))) return Store.open(path);
  if (access === "read") return Store.open(path, { readOnly: true });
  try {
    return await Store.open(path);
  } catch (e) {
    if (e instanceof ChokepointError && e.code === "database_locked") return Store.open(path, { readOnly: true });
    throw e;
  }
}
