import { basename } from "node:path";
import type { DuckDBValue } from "@duckdb/node-api";
import { ChokepointError, type Problem } from "../../domain/error.ts";
import { readCsv, validationError } from "../core/csv.ts";
import { STUDY_FILE_KINDS, type KindContext, type StudyFileKind } from "./eu-crm-kinds.ts";
import type { Loader } from "../core/loader.ts";

/**
 * Pick the study table a file holds from its header (and, for the two share tables that share a
 * header, from its name: `global…` or `eu_sourcing…`).
 *
 * @example detectKind("eu_sourcing_shares_2023_tidy.csv", ["material","stage","country",…]).id // "eu-shares"
 */
export function detectKind(file: string, header: string[]): StudyFileKind {
  const fits = STUDY_FILE_KINDS.filter((k) => k.columns.every((c) => header.includes(c)));
  if (fits.length > 1) {
    const name = basename(file).toLowerCase();
    const scope = name.includes("global") ? "global-shares" : name.includes("eu_sourcing") || name.includes("eu-sourcing") ? "eu-shares" : undefined;
    const k = fits.find((f) => f.id === scope);
    if (k) return k;
    throw new ChokepointError("invalid_input", `${file}: a supply-share table must be named global_…csv or eu_sourcing_…csv so its scope is known`);
  }
  if (fits.length === 1) return fits[0];
  throw new ChokepointError(
    "validation_failed",
    `${file}:1: not a table of the EU 2023 criticality study (header: ${header.join(", ")}). Expected one of: ` +
      STUDY_FILE_KINDS.map((k) => `${k.id} (${k.columns.slice(0, 4).join(", ")}…)`).join("; "),
    [{ code: "unknown_table", path: [1], message: "unrecognised header", file, line: 1 }],
  );
}

/**
 * `eu-crm`: the tables of the European Commission's *Study on the Critical Raw Materials for the
 * EU 2023* (supply shares with the trade variable t, end uses with sector value added, per-material
 * inputs, SR/EI history, CRM/SRM lists), plus chokepoint's own name maps (materials.csv,
 * country_names.csv — load those first: share rows are mapped to ISO3 through them).
 *
 * @example
 * await ingest(store, "eu-crm", ["data/eu-crm-2023/country_names.csv", "data/eu-crm-2023/global_supply_shares_2023_tidy.csv"]);
 */
export const euCrmLoader: Loader = {
  id: "eu-crm",
  description: "EU 2023 criticality study tables (shares, end uses, inputs, scores, lists)",
  async load({ store, file }) {
    const { header, records } = readCsv(file, []);
    const kind = detectKind(file, header);
    const problems: Problem[] = [];
    const labels = await store.all<{ label: string; iso3: string }>("SELECT label, iso3 FROM eu_country_names");
    const ctx: KindContext = { file, countries: new Map(labels.map((l) => [l.label, l.iso3])), problems, seen: new Set() };
    const isShares = kind.id === "global-shares" || kind.id === "eu-shares";
    if (isShares && ctx.countries.size === 0) {
      throw new ChokepointError("validation_failed", `${file}: load country_names.csv before the share tables (no country labels in the store)`);
    }
    const rows: DuckDBValue[][] = [];
    for (const r of records) {
      const cell = (field: string) => ({ file, line: r.line, field, problems });
      if (kind.id === "groupings") {
        for (const g of kind.columns.slice(1)) rows.push([r.values.screened_material.trim(), g, r.values[g].trim() || null]);
        continue;
      }
      const row = kind.row(r, cell, ctx);
      if (row) rows.push(row);
    }
    if (problems.length) throw validationError(file, problems);
    if (isShares) {
      await store.run("DELETE FROM eu_supply_shares WHERE scope = $1", [kind.id === "global-shares" ? "global" : "eu"]);
    } else {
      await store.run(`DELETE FROM ${kind.table}`); // table name from the fixed list above, never user input
    }
    await store.append(kind.table, rows);
    return rows.length;
  },
};
