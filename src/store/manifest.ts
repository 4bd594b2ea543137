import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { z } from "zod";

/** The shipped starter dataset's folder (resolved from the package, not the working directory). */
export const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

export const DatasetEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  edition: z.string(),
  licence: z.string(),
  url: z.string().optional(),
  years: z.string().optional(),
  loader: z.string(),
  files: z.array(z.string()).min(1),
});
export type DatasetEntry = z.infer<typeof DatasetEntrySchema>;

const ManifestSchema = z.object({ datasets: z.array(DatasetEntrySchema) });

/** Read `data/manifest.json`: which files make up the starter dataset and which loader reads each. */
export function readManifest(dataDir = DATA_DIR): DatasetEntry[] {
  const raw = JSON.parse(readFileSync(join(dataDir, "manifest.json"), "utf8"));
  return ManifestSchema.parse(raw).datasets;
}
