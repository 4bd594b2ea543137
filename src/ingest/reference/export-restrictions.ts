import type { Problem } from "../../domain/error.ts";
import { readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string): boolean => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * `export-restrictions`: export restrictions on record, one row per (country, material, notice):
 * `country,material,measure,start_date,end_date,source,url`. Country must be an ISO3 code in
 * `countries`, material an id in `materials`; the source names the official notice.
 * Rows with the same (country, material, start_date) are replaced.
 *
 * @example
 * await ingest(store, "export-restrictions", ["data/export-restrictions/export_restrictions.csv"]);
 */
export const exportRestrictionsLoader: Loader = {
  id: "export-restrictions",
  description: "Export restrictions: country (ISO3), material (id), measure, start_date, end_date, source, url",
  async load({ store, file }) {
    const { records } = readCsv(file, ["country", "material", "measure", "start_date", "end_date", "source", "url"]);
    const countries = new Set((await store.all<{ iso3: string }>("SELECT iso3 FROM countries")).map((r) => r.iso3));
    const materials = new Set((await store.all<{ id: string }>("SELECT id FROM materials")).map((r) => r.id));
    const problems: Problem[] = [];
    const rows: (string | null)[][] = [];
    for (const { line, values: v } of records) {
      const bad = (field: string, message: string, code = "invalid_value"): void => {
        problems.push({ code, path: [line, field], message, file, line, field, value: v[field] });
      };
      if (!countries.has(v.country)) bad("country", `unknown country '${v.country}' (ISO3 expected)`, "unknown_country");
      if (!materials.has(v.material)) bad("material", `unknown material '${v.material}'`, "unknown_material");
      if (!v.measure.trim()) bad("measure", "measure is required", "missing_value");
      if (!v.source.trim()) bad("source", "source (the official notice) is required", "missing_value");
      if (!isDate(v.start_date)) bad("start_date", "must be a date YYYY-MM-DD");
      if (v.end_date && !isDate(v.end_date)) bad("end_date", "must be a date YYYY-MM-DD or empty");
      else if (v.end_date && v.end_date < v.start_date) bad("end_date", "ends before it starts");
      rows.push([v.country, v.material, v.measure.trim(), v.start_date, v.end_date || null, v.source.trim(), v.url.trim() || null]);
    }
    if (problems.length) throw validationError(file, problems);
    await store.run(
      `DELETE FROM export_restrictions WHERE country || '|' || material || '|' || strftime(start_date, '%Y-%m-%d')
         IN (SELECT unnest(string_split($1, chr(10))))`,
      [rows.map((r) => `${r[0]}|${r[1]}|${r[3]}`).join("\n")],
    );
    for (const r of rows) {
      await store.run("INSERT INTO export_restrictions VALUES ($1, $2, $3, CAST($4 AS DATE), CAST($5 AS DATE), $6, $7)", r);
    }
    return rows.length;
  },
};
