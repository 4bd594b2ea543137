import { rmSync } from "node:fs";
import { defaultDbPath, Store } from "../../store/store.ts";
import { schemaVersion, SCHEMA_VERSION } from "../../store/schema.ts";
import { buildStarter, starterFingerprint, type BuildProgress } from "./build.ts";

/**
 * Open the chokepoint database, building it from `data/` on first use. The database is rebuilt
 * when its schema version is out of date, or when the shipped `data/` changed and the database
 * holds nothing but the starter dataset; if the user loaded data of their own, a changed `data/`
 * only produces a warning (`chokepoint data rebuild` starts afresh).
 *
 * @example
 * const store = await openStore({ db: ":memory:" });
 */
export async function openStore(
  opts: { db?: string; progress?: BuildProgress; rebuild?: boolean; onWarning?: (msg: string) => void } = {},
): Promise<Store> {
  const path = opts.db ?? defaultDbPath();
  let store = await Store.open(path);
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
