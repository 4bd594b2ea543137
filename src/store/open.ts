import { existsSync, rmSync } from "node:fs";
import { defaultDbPath, Store } from "./store.ts";
import { schemaVersion, SCHEMA_VERSION } from "./schema.ts";
import { buildStarter, type BuildProgress } from "./build.ts";

/**
 * Open the chokepoint database, building it from `data/` on first use (or when its schema
 * version is out of date).
 *
 * @example
 * const store = await openStore({ db: ":memory:" });
 */
export async function openStore(opts: { db?: string; progress?: BuildProgress } = {}): Promise<Store> {
  const path = opts.db ?? defaultDbPath();
  let store = await Store.open(path);
  const version = await schemaVersion(store);
  if (version !== SCHEMA_VERSION) {
    if (path !== ":memory:" && existsSync(path) && version !== undefined) {
      store.close();
      rmSync(path, { force: true });
      rmSync(`${path}.wal`, { force: true });
      store = await Store.open(path);
    } else if (version === undefined && path !== ":memory:") {
      // An interrupted first build: start again from an empty file.
      store.close();
      rmSync(path, { force: true });
      rmSync(`${path}.wal`, { force: true });
      store = await Store.open(path);
    }
    await buildStarter(store, opts.progress);
  }
  return store;
}
