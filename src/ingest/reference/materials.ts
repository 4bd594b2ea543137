import { z } from "zod";
import type { Problem } from "../../domain/error.ts";
import { MaterialIdSchema, STAGES } from "../../domain/vocabulary.ts";
import { readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";
import { zodProblems } from "../core/zod-problems.ts";

const flag = z.enum(["0", "1"], { message: "must be 0 or 1" });
const list = (re: RegExp, what: string) =>
  z.string().transform((s) => (s.trim() ? s.split(";").map((x) => x.trim()) : [])).pipe(z.array(z.string().regex(re, `each entry must be ${what}`)));
const MaterialRow = z.object({
  id: MaterialIdSchema,
  name: z.string().min(1, "name is required"),
  grp: z.string(),
  parent: z.union([z.literal(""), MaterialIdSchema]),
  stages: list(/^(extraction|processing)$/, `one of ${STAGES.join(", ")}`).pipe(z.array(z.string()).min(1, "at least one stage")),
  default_stage: z.union([z.literal(""), z.enum(STAGES)]),
  hs_codes: list(/^\d{4}(\d{2})?$/, "an HS4 or HS6 code"),
  cn_codes: list(/^\d{8}$/, "a CN8 code"),
  hs_caveat: z.string(),
  eu_study_name: z.string(),
  eu_crm_2023: flag,
  eu_srm_2024: flag,
  jp_critical: flag,
  jp_designation: z.string(),
  notes: z.string(),
});

/**
 * `materials`: the material catalogue (id, name, group, parent, stages, trade codes, EU and Japan
 * flags). Lists are `;`-separated in the file. Rows are upserted by id.
 *
 * @example
 * await ingest(store, "materials", ["data/materials/materials.csv"]);
 */
export const materialsLoader: Loader = {
  id: "materials",
  description: "Material catalogue: id, name, grp, parent, stages, default_stage, hs_codes, cn_codes, EU/JP flags",
  async load({ store, file }) {
    const { records } = readCsv(file, Object.keys(MaterialRow.shape));
    const problems: Problem[] = [];
    const rows: z.infer<typeof MaterialRow>[] = [];
    const lines = new Map<string, number>();
    for (const { line, values } of records) {
      const r = MaterialRow.safeParse(values);
      if (!r.success) {
        problems.push(...zodProblems(r.error, file, line, values));
        continue;
      }
      const m = r.data;
      const at = (field: string, message: string, code = "invalid_value"): void => {
        problems.push({ code, path: [line, field], message, file, line, field, value: values[field] });
      };
      if (lines.has(m.id)) at("id", `id repeats line ${lines.get(m.id)}`, "duplicate");
      if (m.default_stage && !m.stages.includes(m.default_stage)) at("default_stage", `default stage '${m.default_stage}' is not among the stages`);
      lines.set(m.id, line);
      rows.push(m);
    }
    const known = new Set([...lines.keys(), ...(await store.all<{ id: string }>("SELECT id FROM materials")).map((r) => r.id)]);
    for (const m of rows) {
      if (m.parent && !known.has(m.parent)) {
        const line = lines.get(m.id)!;
        problems.push({ code: "unknown_material", path: [line, "parent"], message: `unknown parent material '${m.parent}'`, file, line, field: "parent", value: m.parent });
      }
    }
    if (problems.length) throw validationError(file, problems);
    await store.run("DELETE FROM materials WHERE id IN (SELECT unnest(string_split($1, chr(10))))", [[...lines.keys()].join("\n")]);
    for (const m of rows) {
      await store.run(
        `INSERT INTO materials VALUES ($1, $2, $3, $4, string_split(nullif($5, ''), ';'), $6, coalesce(string_split(nullif($7, ''), ';'), []), coalesce(string_split(nullif($8, ''), ';'), []), $9, $10, $11, $12, $13, $14, $15)`,
        [m.id, m.name, m.grp || null, m.parent || null, m.stages.join(";"), m.default_stage || null, m.hs_codes.join(";"),
          m.cn_codes.join(";"), m.hs_caveat || null, m.eu_study_name || null, m.eu_crm_2023 === "1", m.eu_srm_2024 === "1",
          m.jp_critical === "1", m.jp_designation || null, m.notes || null],
      );
    }
    return rows.length;
  },
};
