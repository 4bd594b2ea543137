import { ChokepointError } from "../../domain/error.ts";
import { closest } from "../../domain/suggest.ts";
import { STAGES, type Stage } from "../../domain/vocabulary.ts";
import type { Store } from "../store.ts";

export type { Material } from "../../domain/material.ts";
import type { Material } from "../../domain/material.ts";

/** The whole catalogue, ordered by id. */
export async function listMaterials(store: Store): Promise<Material[]> {
  const rows = await store.memo("materials", () => store.all<Material>("SELECT * FROM materials ORDER BY id"));
  return rows.map((r) => ({ ...r, stages: r.stages ?? [], hs_codes: r.hs_codes ?? [], cn_codes: r.cn_codes ?? [] }));
}

/**
 * Look up a material id; an unknown id is a `unknown_material` error naming the closest ids.
 * @example await resolveMaterial(store, "galium") // throws: unknown material 'galium' (did you mean: gallium…)
 */
export async function resolveMaterial(store: Store, id: string): Promise<Material> {
  const all = await listMaterials(store);
  const m = all.find((x) => x.id === id.trim().toLowerCase());
  if (!m) {
    throw new ChokepointError(
      "unknown_material",
      `unknown material '${id}' (did you mean: ${closest(id, all.map((x) => x.id)).join(", ")}?). ` +
        "Run `chokepoint materials` for the catalogue.",
    );
  }
  return m;
}

/**
 * The stage to analyse: the one asked for (validated), or the material's natural stage.
 * @example resolveStage(gallium, undefined) // "processing"
 */
export function resolveStage(m: Material, stage: string | undefined): Stage {
  if (stage === undefined) {
    const s = (m.default_stage ?? (m.stages.length === 1 ? m.stages[0] : undefined)) as Stage | undefined;
    if (!s) {
      throw new ChokepointError(
        "unknown_stage",
        `material '${m.id}' has several stages (${m.stages.join(", ")}): choose one with --stage`,
      );
    }
    return s;
  }
  if (!(STAGES as readonly string[]).includes(stage)) {
    throw new ChokepointError(
      "unknown_stage",
      `unknown stage '${stage}' (did you mean: ${closest(stage, STAGES).join(", ")}?). Stages: ${STAGES.join(", ")}`,
    );
  }
  return stage as Stage;
}
