import type { Problem } from "../../domain/error.ts";
import { STAGES } from "../../domain/vocabulary.ts";
import type { Store } from "../../store/store.ts";

/**
 * Checks shared by the loaders of tables keyed by (material, stage): the material must be in the
 * catalogue and the stage one of the vocabulary's.
 *
 * @example
 * const check = await materialChecker(store, file, problems);
 * check(line, values.material, values.stage);
 */
export async function materialChecker(
  store: Store,
  file: string,
  problems: Problem[],
): Promise<(line: number, material: string, stage: string) => void> {
  const ids = new Set((await store.all<{ id: string }>("SELECT id FROM materials")).map((r) => r.id));
  return (line, material, stage) => {
    if (!ids.has(material)) {
      problems.push({ code: "unknown_material", path: [line, "material"], message: `unknown material '${material}' (load materials first)`, file, line, field: "material", value: material });
    }
    if (!(STAGES as readonly string[]).includes(stage)) {
      problems.push({ code: "unknown_stage", path: [line, "stage"], message: `stage must be one of ${STAGES.join(", ")}`, file, line, field: "stage", value: stage });
    }
  };
}

/** Delete the rows of `table` for the given (material, stage) pairs, so a file replaces them. */
export async function deleteMaterialStages(store: Store, table: "usgs_series" | "material_codes", pairs: Iterable<string>): Promise<void> {
  // Table names are fixed by the type above, never user input.
  await store.run(`DELETE FROM ${table} WHERE material || '|' || stage IN (SELECT unnest(string_split($1, chr(10))))`, [[...new Set(pairs)].join("\n")]);
}
