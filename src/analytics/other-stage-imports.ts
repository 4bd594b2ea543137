import { ChokepointError } from "../domain/error.ts";
import type { Bloc } from "../domain/blocs.ts";
import type { Stage } from "../domain/vocabulary.ts";
import { resolveMaterial } from "../store/queries/materials.ts";
import type { Store } from "../store/store.ts";
import { exposure, type Exposure } from "./exposure.ts";

/**
 * A bloc's imports of a material at its other stage, for when it has none at this one (rare earths:
 * world production is mine output, Japan's imports are compounds and metals — and come only from the
 * truncated Comtrade preview). The mix's `coverage.warnings` are the sourcing engine's own words, so
 * overview, plan and simulate name the same cause. Null when the other stage has no imports either.
 * @example (await importsAtOtherStage(store, "rare-earths", "extraction", { id: "JPN", members: ["JPN"] }))?.stage // "processing"
 */
export async function importsAtOtherStage(store: Store, material: string, stage: string, bloc: Bloc): Promise<Exposure | null> {
  const m = await resolveMaterial(store, material);
  const other = m.stages.find((s) => s !== stage) as Stage | undefined;
  if (!other) return null;
  try {
    return await exposure(store, { material: m.id, stage: other, bloc, basis: "sourcing" });
  } catch (e) {
    if (e instanceof ChokepointError && e.code === "no_data") return null;
    throw e;
  }
}

/**
 * The lines a figure without imports at its stage adds to its coverage: that it has none there, and
 * what the imports at the other stage rest on (the engine's warnings, e.g. a truncated source).
 * @example otherStageWarnings("JPN", "extraction", re) // ["no JPN import data at the extraction stage; at the processing stage …", "JPN imports at the processing stage: comtrade-japan-imports is truncated …"]
 */
export function otherStageWarnings(bloc: string, stage: string, other: Exposure | null): string[] {
  if (!other) return [`no ${bloc} import data at the ${stage} stage, nor at any other`];
  return [
    `no ${bloc} import data at the ${stage} stage; its imports at the ${other.stage} stage are ${other.coverage.complete ? "complete" : "incomplete"}`,
    ...other.coverage.warnings.map((w) => `${bloc} imports at the ${other.stage} stage: ${w}`),
  ];
}
