import { z } from "zod";
import type { Material } from "../../domain/material.ts";
import type { SourceRef } from "../../domain/vocabulary.ts";
import type { Store } from "../store.ts";
import { listMaterials } from "./materials.ts";

/** What the catalogue listing is asked: optionally one group (`rare-earths`, `pgm`, or a material id). */
export const MaterialsRequestSchema = z.strictObject({ group: z.string().min(1).max(60).optional() });
export type MaterialsRequest = z.output<typeof MaterialsRequestSchema>;

/**
 * The catalogue, or one group of it (members whose group or parent is `group`, and `group` itself).
 * @example (await materials(store, { group: "pgm" })).materials.map((m) => m.id)
 */
export async function materials(store: Store, req: MaterialsRequest = {}): Promise<{ materials: Material[]; source: Pick<SourceRef, "dataset" | "edition"> }> {
  let mats = await listMaterials(store);
  if (req.group) mats = mats.filter((m) => m.grp === req.group || m.parent === req.group || m.id === req.group);
  return { materials: mats, source: { dataset: "chokepoint material catalogue", edition: "data/materials" } };
}
