import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { basename } from "node:path";
import { ChokepointError } from "../domain/error.ts";
import type { Store } from "../store/store.ts";
import { loaders } from "./registry.ts";

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

/**
 * Load files with a named loader, one transaction per file. A file whose content was
 * loaded before is skipped; a file that fails validation leaves the database unchanged.
 *
 * @example
 * await ingest(store, "wgi", ["WGIData.csv"]);
 */
export async function ingest(
  store: Store,
  loaderId: string,
  files: readonly string[],
  opts: { dataset?: string; onFile?: (r: IngestResult) => void } = {},
): Promise<IngestResult[]> {
  const loader = loaders[loaderId];
  if (!loader) {
    throw new ChokepointError("invalid_input", `unknown loader '${loaderId}' (valid: ${Object.keys(loaders).join(", ")})`);
  }
  const dataset = opts.dataset ?? loaderId;
  const out: IngestResult[] = [];
  for (const file of files) {
    const hash = fileHash(file);
    const seen = await store.one("SELECT hash FROM loaded_files WHERE hash = $1", [hash]);
    let result: IngestResult;
    if (seen) {
      result = { file, rows: 0, skipped: true };
    } else {
      const rows = await store.transaction(async () => {
        const n = await loader.load({ store, file, dataset });
        await store.run(
          "INSERT INTO loaded_files VALUES ($1, $2, $3, $4, $5, now())",
          [hash, dataset, loaderId, basename(file), n],
        );
        await store.run(
          `INSERT INTO datasets (id, loader, loaded_at) VALUES ($1, $2, now())
           ON CONFLICT (id) DO UPDATE SET loaded_at = now()`,
          [dataset, loaderId],
        );
        return n;
      });
      result = { file, rows, skipped: false };
    }
    out.push(result);
    opts.onFile?.(result);
  }
  return out;
}
