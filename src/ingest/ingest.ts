import { createHash } from "node:crypto";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { basename } from "node:path";
import { ChokepointError } from "../domain/error.ts";
import type { Store } from "../store/store.ts";
import { loaders } from "./registry.ts";
import type { Loader } from "./core/loader.ts";
import { assertRegularFile } from "./core/csv-rules.ts";

export interface IngestResult {
  file: string;
  rows: number;
  skipped: boolean;
}

/**
 * sha256 of a file's bytes: the identity used to make re-loading a no-op. Read in 4 MiB chunks so
 * a 400 MB BACI year never sits in memory whole.
 * @example fileHash("data/countries/countries.csv") // "9f86d0…"
 */
export function fileHash(file: string): string {
  const hash = createHash("sha256");
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw new ChokepointError("io_error", `${file}: cannot read: ${(e as Error).message}`);
  }
  try {
    const buf = Buffer.allocUnsafe(4 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

// Runs in a worker thread: plain JS (no tsx there), hashing in 4 MiB chunks.
const HASH_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { openSync, readSync, closeSync } = require("node:fs");
try {
  const hash = createHash("sha256");
  const fd = openSync(workerData, "r");
  const buf = Buffer.allocUnsafe(4 << 20);
  try { for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n)); } finally { closeSync(fd); }
  parentPort.postMessage({ hash: hash.digest("hex") });
} catch (e) { parentPort.postMessage({ error: e.message }); }`;

/**
 * sha256 of a file computed on a worker thread, so a DuckDB load keeps the main thread free to
 * dispatch its statements (hashing on the main thread delayed every small statement of a BACI
 * load by the chunk being hashed: ~0.1 s per 10 M-row year, measured).
 * @example await fileHashAsync("BACI_HS22_Y2023_V202501.csv") // "9f86d0…"
 */
export function fileHashAsync(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: file });
    worker.once("message", (m: { hash?: string; error?: string }) => {
      if (m.hash) resolve(m.hash);
      else reject(new ChokepointError("io_error", `${file}: cannot read: ${m.error}`));
    });
    worker.once("error", (e) => reject(new ChokepointError("io_error", `${file}: cannot hash: ${e.message}`)));
  });
}

/** Files at least this big are hashed while they load (hashing 400 MB first costs ~0.2 s). */
const HASH_WHILE_LOADING_BYTES = 64 << 20;

/** Thrown inside the transaction to roll back a load whose content turned out to be loaded already. */
class AlreadyLoaded extends Error {}

/**
 * Load files with a named loader, one transaction per file — or one for them all when the loader
 * is `atomic` (a BACI release: code lists and every year commit together or not at all). A file
 * whose content was loaded before is skipped; a file that fails validation leaves the database
 * unchanged. Non-regular files (a device, a pipe) and an empty list are refused.
 *
 * @example
 * await ingest(store, "wgi", ["WGIData.csv"]);
 */
export async function ingest(
  store: Store,
  loaderId: string,
  files: readonly string[],
  opts: {
    dataset?: string;
    onFile?: (r: IngestResult) => void;
    /** Files from this size (bytes) are hashed while they load; default 64 MiB. */
    hashWhileLoadingFrom?: number;
  } = {},
): Promise<IngestResult[]> {
  const loader = loaders[loaderId];
  if (!loader) {
    throw new ChokepointError("invalid_input", `unknown loader '${loaderId}' (valid: ${Object.keys(loaders).join(", ")})`);
  }
  if (files.length === 0) throw new ChokepointError("invalid_input", `nothing to load: no files given (an empty folder?)`);
  for (const f of files) assertRegularFile(f);
  const dataset = opts.dataset ?? loaderId;
  if (loader.atomic && files.length > 1) return ingestAtomic(store, loader, files, dataset, opts.onFile);
  const out: IngestResult[] = [];
  for (const file of files) {
    let result: IngestResult;
    // Big files not loaded under this name before are hashed concurrently with the load (the usual
    // case: a new file); the hash is still checked before commit, and a match rolls the load back.
    // A name loaded before (a re-run) or a small file is hashed first, so a skip costs no load.
    const concurrent = sizeOf(file) >= (opts.hashWhileLoadingFrom ?? HASH_WHILE_LOADING_BYTES) && !(await store.one(
      "SELECT 1 AS x FROM loaded_files WHERE loader = $1 AND path = $2 LIMIT 1",
      [loaderId, basename(file)],
    ));
    const hashing = concurrent ? fileHashAsync(file) : Promise.resolve(fileHash(file));
    hashing.catch(() => {}); // a failed load wins; the hash error is reported only if it is the first
    // Compared with the hashes as they were before the load (a loader may forget the file it replaces).
    const before = concurrent ? new Set((await store.all<{ hash: string }>("SELECT hash FROM loaded_files")).map((r) => r.hash)) : undefined;
    const seen = async () =>
      before ? before.has(await hashing) : !!(await store.one("SELECT hash FROM loaded_files WHERE hash = $1", [await hashing]));
    if (!concurrent && (await seen())) {
      result = { file, rows: 0, skipped: true };
    } else {
      const ctx = { store, file, dataset };
      const staged = loader.stage ? await loader.stage(ctx) : undefined;
      try {
        const inTransaction = () => store.transaction(async () => {
          const n = await loader.load({ ...ctx, staged });
          if (concurrent && (await seen())) throw new AlreadyLoaded();
          await record(store, await hashing, dataset, loaderId, file, n);
          return n;
        });
        const rows = loader.memoryLimitMb ? await store.withMemoryLimit(loader.memoryLimitMb, inTransaction) : await inTransaction();
        result = { file, rows, skipped: false };
      } catch (e) {
        if (staged !== undefined) await loader.discard?.(ctx, staged);
        if (!(e instanceof AlreadyLoaded)) throw e;
        result = { file, rows: 0, skipped: true };
      }
    }
    out.push(result);
    opts.onFile?.(result);
  }
  return out;
}

async function record(store: Store, hash: string, dataset: string, loaderId: string, file: string, rows: number): Promise<void> {
  await store.run("INSERT INTO loaded_files VALUES ($1, $2, $3, $4, $5, now())", [hash, dataset, loaderId, basename(file), rows]);
  await store.run(
    `INSERT INTO datasets (id, loader, loaded_at) VALUES ($1, $2, now())
     ON CONFLICT (id) DO UPDATE SET loaded_at = now()`,
    [dataset, loaderId],
  );
}

/**
 * All files in one transaction: hash each (files loaded before, or repeated in the list, are
 * skipped), stage each, then load them all; any failure rolls everything back and drops every
 * staged file.
 */
async function ingestAtomic(store: Store, loader: Loader, files: readonly string[], dataset: string, onFile?: (r: IngestResult) => void): Promise<IngestResult[]> {
  const todo: { file: string; hash: string; staged?: unknown }[] = [];
  const results = new Map<string, IngestResult>();
  const hashes = new Set<string>();
  for (const file of files) {
    const hash = sizeOf(file) >= HASH_WHILE_LOADING_BYTES ? await fileHashAsync(file) : fileHash(file);
    if (hashes.has(hash) || (await store.one("SELECT 1 AS x FROM loaded_files WHERE hash = $1", [hash]))) {
      results.set(file, { file, rows: 0, skipped: true });
    } else todo.push({ file, hash });
    hashes.add(hash);
  }
  const discardAll = async () => {
    for (const t of todo) if (t.staged !== undefined) await loader.discard?.({ store, file: t.file, dataset }, t.staged);
  };
  try {
    for (const t of todo) t.staged = loader.stage ? await loader.stage({ store, file: t.file, dataset }) : undefined;
    await store.transaction(async () => {
      for (const t of todo) {
        const n = await loader.load({ store, file: t.file, dataset, staged: t.staged });
        await record(store, t.hash, dataset, loader.id, t.file, n);
        results.set(t.file, { file: t.file, rows: n, skipped: false });
      }
    });
  } catch (e) {
    await discardAll();
    throw e;
  }
  const out = files.map((f) => results.get(f)!);
  for (const r of out) onFile?.(r);
  return out;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // unreadable: fileHash reports it
  }
}
