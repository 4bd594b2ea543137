import type { Problem } from "../../domain/error.ts";
import { readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string): boolean => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

const OPTIONAL = ["measure_id", "announced", "destinations", "suspended_from", "suspended_until", "suspension_source", "codes", "note"] as const;

/**
 * `export-restrictions`: export restrictions on record, one row per (country, material, notice):
 * `country,material,measure,start_date,end_date,source,url`, optionally `measure_id` (rows of one
 * announcement share it), `announced`, `destinations` (ISO3 list separated by `;`, empty = every
 * destination), `suspended_from`/`suspended_until` (inclusive) with `suspension_source`, `codes`
 * (customs codes, `;`) and `note`. Country must be an ISO3 code in `countries`, material an id in
 * `materials`; the source names the official notice.
 * Rows with the same (country, material, start_date, measure id or source) are replaced.
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
      for (const f of ["announced", "suspended_from", "suspended_until"] as const) if (v[f] && !isDate(v[f])) bad(f, "must be a date YYYY-MM-DD or empty");
      if (!v.suspended_from !== !v.suspended_until) bad(v.suspended_from ? "suspended_until" : "suspended_from", "a suspension needs both suspended_from and suspended_until");
      else if (v.suspended_until && v.suspended_until < v.suspended_from) bad("suspended_until", "suspension ends before it starts");
      const dest = (v.destinations ?? "").split(";").map((d) => d.trim()).filter(Boolean);
      for (const d of dest) if (!countries.has(d)) bad("destinations", `unknown destination '${d}' (ISO3 list separated by ';')`, "unknown_country");
      const opt = (f: (typeof OPTIONAL)[number]) => v[f]?.trim() || null;
      rows.push([
        v.country, v.material, v.measure.trim(), v.start_date, v.end_date || null, v.source.trim(), v.url.trim() || null,
        opt("measure_id") ?? v.source.trim(), opt("announced"), dest.length ? dest.join(";") : null, opt("suspended_from"), opt("suspended_until"),
        opt("suspension_source"), opt("codes"), opt("note"),
      ]);
    }
    if (problems.length) throw validationError(file, problems);
    await store.run(
      `DELETE FROM export_restrictions WHERE country || '|' || material || '|' || strftime(start_date, '%Y-%m-%d') || '|' || coalesce(measure_id, source)
         IN (SELECT unnest(string_split($1, chr(10))))`,
      [rows.map((r) => `${r[0]}|${r[1]}|${r[3]}|${r[7]}`).join("\n")],
    );
    for (const r of rows) {
      await store.run(
        `INSERT INTO export_restrictions VALUES ($1, $2, $3, CAST($4 AS DATE), CAST($5 AS DATE), $6, $7, $8, CAST($9 AS DATE), $10,
           CAST($11 AS DATE), CAST($12 AS DATE), $13, $14, $15)`,
        r,
      );
    }
    return rows.length;
  },
};
