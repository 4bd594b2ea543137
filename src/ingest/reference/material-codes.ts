import type { Problem } from "../../domain/error.ts";
import { readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";
import { deleteMaterialStages, materialChecker } from "./material-links.ts";

const DIGITS: Record<string, number> = { HS4: 4, HS6: 6, CN8: 8 };

/**
 * `material-codes`: the trade codes (HS4, HS6, CN8) that carry a material at a stage, with a
 * basket flag for codes shared by several materials (HS 811292: Ga, Ge, In, Nb, V).
 * A file replaces the codes of the (material, stage) pairs it names.
 *
 * @example
 * await ingest(store, "material-codes", ["data/materials/material_codes.csv"]);
 */
export const materialCodesLoader: Loader = {
  id: "material-codes",
  description: "Trade codes per material and stage: material, stage, code, classification (HS4|HS6|CN8|EI), basket (0/1), caveat",
  async load({ store, file }) {
    const { records } = readCsv(file, ["material", "stage", "code", "classification", "basket", "caveat"]);
    const problems: Problem[] = [];
    const check = await materialChecker(store, file, problems);
    const rows: (string | boolean | null)[][] = [];
    for (const { line, values: v } of records) {
      const bad = (field: string, message: string): void => {
        problems.push({ code: "invalid_value", path: [line, field], message, file, line, field, value: v[field] });
      };
      check(line, v.material, v.stage);
      const n = DIGITS[v.classification];
      // EI names the Energy Institute's products (e.g. LNG), not a tariff line.
      if (v.classification === "EI") {
        if (!/^[A-Z]+$/.test(v.code)) bad("code", "must be an EI product name such as LNG");
      } else if (!n) bad("classification", "must be HS4, HS6, CN8 or EI");
      else if (!new RegExp(`^\\d{${n}}$`).test(v.code)) bad("code", `must be ${n} digits for ${v.classification}`);
      if (v.basket !== "0" && v.basket !== "1") bad("basket", "must be 0 or 1");
      rows.push([v.material, v.stage, v.code, v.classification, v.basket === "1", v.caveat || null]);
    }
    if (problems.length) throw validationError(file, problems);
    await deleteMaterialStages(store, "material_codes", rows.map((r) => `${r[0]}|${r[1]}`));
    await store.append("material_codes", rows);
    return rows.length;
  },
};
