import { readdirSync, readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { z } from "zod";

/** The shipped starter dataset's folder (resolved from the package, not the working directory). */
export const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

/**
 * One dataset of the starter build, described by `data/<folder>/dataset.json`.
 * `files` are relative to that folder; `order` sorts the build (reference data such as
 * countries and materials first, since loaders map names through them).
 */
export const DatasetEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  edition: z.string(),
  licence: z.string(),
  url: z.string().optional(),
  years: z.string().optional(),
  loader: z.string(),
  order: z.number().default(50),
  files: z.array(z.string()).min(1),
  /**
   * What the publisher's file is known to leave out, when it is not whole (a preview API's record
   * cap): mixes read such a dataset only where nothing complete covers a (material, year) and say so.
   * `kind` is how its bilateral records arose (default `reported`).
   */
  coverage: z.object({ complete: z.boolean(), note: z.string().optional(), kind: z.enum(["reported", "mirror", "reconciled"]).optional() }).optional(),
});
export type DatasetEntry = z.infer<typeof DatasetEntrySchema> & { dir: string };

/** Every `data/<folder>/dataset.json`, sorted by `order` then id. */
export function readManifest(dataDir = DATA_DIR): DatasetEntry[] {
  const out: DatasetEntry[] = [];
  for (const name of readdirSync(dataDir)) {
    const p = join(dataDir, name, "dataset.json");
    if (!existsSync(p)) continue;
    const raw = JSON.parse(readFileSync(p, "utf8"));
    const list = Array.isArray(raw) ? raw : [raw];
    for (const r of list) out.push({ ...DatasetEntrySchema.parse(r), dir: join(dataDir, name) });
  }
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
