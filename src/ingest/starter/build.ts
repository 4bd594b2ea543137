import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createHash } from "node:crypto";
import { ingest } from "../ingest.ts";
import { createSchema, SCHEMA_VERSION } from "../../store/schema.ts";
import { DATA_DIR, readManifest } from "../../store/manifest.ts";
import type { Store } from "../../store/store.ts";

export interface BuildProgress {
  start(total: number): void;
  tick(label: string): void;
  stop(): void;
}

/**
 * Build the database from the shipped starter dataset: schema, then every dataset in
 * `data/<folder>/dataset.json` through its loader, then the schema version (last, so an interrupted
 * build is redone next time).
 */
export async function buildStarter(store: Store, progress?: BuildProgress, dataDir = DATA_DIR): Promise<void> {
  const entries = readManifest(dataDir);
  await createSchema(store);
  progress?.start(entries.reduce((n, e) => n + e.files.length, 0));
  for (const e of entries) {
    await store.run(
      `INSERT INTO datasets (id, title, publisher, edition, licence, url, loader, loaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, publisher = excluded.publisher,
         edition = excluded.edition, licence = excluded.licence, url = excluded.url, loader = excluded.loader`,
      [e.id, e.title, e.publisher, e.edition, e.licence, e.url ?? null, e.loader],
    );
    if (e.coverage) {
      await store.run("INSERT OR REPLACE INTO dataset_coverage VALUES ($1, $2, $3, $4)", [e.id, e.coverage.complete, e.coverage.note ?? null, e.coverage.kind ?? "reported"]);
    }
    await ingest(store, e.loader, e.files.map((f) => join(e.dir, f)), {
      dataset: e.id,
      onFile: (r) => progress?.tick(`${e.id}: ${r.file.split("/").pop()}`),
    });
  }
  await store.run(
    `INSERT INTO schema_meta VALUES ('version', $1), ('data', $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [SCHEMA_VERSION, starterFingerprint(dataDir)],
  );
  progress?.stop();
}

/**
 * A cheap fingerprint of the shipped dataset (every file's path and size), so a database built
 * from an older `data/` is noticed without hashing megabytes at every start.
 */
export function starterFingerprint(dataDir = DATA_DIR): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else h.update(`${relative(dataDir, p)}\t${st.size}\n`);
    }
  };
  walk(dataDir);
  return h.digest("hex").slice(0, 16);
}
