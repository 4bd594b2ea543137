import type { Problem } from "../../domain/error.ts";
import { readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";
import { deleteMaterialStages, materialChecker } from "../reference/material-links.ts";

/**
 * `usgs-series`: which USGS MCS world series measures a material at a stage — the commodity file
 * code (`galli`) and a SQL LIKE pattern on the file's `Type` text (`Primary production`). A file
 * replaces the series of the (material, stage) pairs it names.
 *
 * @example
 * await ingest(store, "usgs-series", ["data/materials/usgs_series.csv"]);
 */
export const usgsSeriesLoader: Loader = {
  id: "usgs-series",
  description: "USGS series per material and stage: material, stage, usgs_code, type_pattern, note",
  async load({ store, file }) {
    const { records } = readCsv(file, ["material", "stage", "usgs_code", "type_pattern", "note"]);
    const problems: Problem[] = [];
    const check = await materialChecker(store, file, problems);
    const rows: string[][] = [];
    for (const { line, values: v } of records) {
      check(line, v.material, v.stage);
      if (!/^[a-z]+(-[a-z]+)?$/.test(v.usgs_code)) {
        problems.push({ code: "invalid_value", path: [line, "usgs_code"], message: "must be a USGS commodity file code such as 'galli'", file, line, field: "usgs_code", value: v.usgs_code });
      }
      if (!v.type_pattern.trim()) {
        problems.push({ code: "missing_value", path: [line, "type_pattern"], message: "type_pattern is required", file, line, field: "type_pattern", value: v.type_pattern });
      }
      rows.push([v.material, v.stage, v.usgs_code, v.type_pattern, v.note]);
    }
    if (problems.length) throw validationError(file, problems);
    await deleteMaterialStages(store, "usgs_series", rows.map((r) => `${r[0]}|${r[1]}`));
    await store.append("usgs_series", rows);
    return rows.length;
  },
};
