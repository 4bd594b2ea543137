import type { Problem } from "../../domain/error.ts";
import { readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";

/**
 * `hs`: the Harmonized System nomenclature as packaged by datasets/harmonized-system
 * (`section,hscode,description,parent,level`; 2-, 4- and 6-digit codes) → `hs_codes`.
 * The synthetic "TOTAL" row is skipped. Codes already loaded are replaced.
 *
 * @example
 * await ingest(store, "hs", ["data/hs/harmonized-system.csv"]);
 */
export const hsLoader: Loader = {
  id: "hs",
  description: "HS nomenclature: section, hscode (2/4/6 digits), description, parent, level",
  async load({ store, file }) {
    const { records } = readCsv(file, ["section", "hscode", "description", "parent", "level"]);
    const problems: Problem[] = [];
    const rows = new Map<string, (string | number | null)[]>();
    for (const { line, values: v } of records) {
      if (v.hscode === "TOTAL") continue;
      const bad = (field: string, message: string): void => {
        problems.push({ code: "invalid_value", path: [line, field], message, file, line, field, value: v[field] });
      };
      const level = Number(v.level);
      if (!/^(\d{2}|\d{4}|\d{6})$/.test(v.hscode)) bad("hscode", "must be a 2-, 4- or 6-digit HS code");
      else if (level !== v.hscode.length) bad("level", `must be ${v.hscode.length} for code ${v.hscode}`);
      else if (level > 2 && !v.hscode.startsWith(v.parent)) bad("parent", `must be the leading digits of ${v.hscode}`);
      if (!v.description.trim()) bad("description", "description is required");
      if (rows.has(v.hscode)) bad("hscode", "code repeats an earlier line");
      rows.set(v.hscode, [v.hscode, v.description.trim(), level === 2 ? null : v.parent, level, v.section || null]);
    }
    if (problems.length) throw validationError(file, problems);
    await store.run("DELETE FROM hs_codes WHERE code IN (SELECT unnest(string_split($1, chr(10))))", [[...rows.keys()].join("\n")]);
    await store.append("hs_codes", [...rows.values()]);
    return rows.size;
  },
};
