import type { Store } from "../store.ts";
import type { WgiEstimate } from "../../domain/wgi.ts";

/** One material of the EU 2023 study with its inputs, its names in each table and its published scores. */
export interface StudyMaterial {
  id: string;
  name: string;
  grp: string | null;
  global_name: string | null;
  eu_name_extraction: string | null;
  eu_name_processing: string | null;
  use_name: string | null;
  stages_assessed: string | null;
  basis_extraction: string | null;
  basis_processing: string | null;
  ir_extraction: number | null;
  ir_processing: number | null;
  eol_rir: number | null;
  si_ei: number | null;
  si_sr: number | null;
  sr_2023: number | null;
  ei_2023: number | null;
  crm_2023: boolean | null;
  srm_2024: boolean | null;
  meets_thresholds_2023: boolean | null;
}

/**
 * Every material of the study (groups and their members), joined to its inputs and published list row.
 * @example (await studyMaterials(store)).find((m) => m.id === "gallium")?.ir_processing // 0.98
 */
export async function studyMaterials(store: Store): Promise<StudyMaterial[]> {
  return store.all<StudyMaterial>(
    `SELECT m.id, m.name, m.grp, m.global_name, m.eu_name_extraction, m.eu_name_processing, m.use_name,
            i.stages_assessed, i.basis_extraction, i.basis_processing, i.ir_extraction, i.ir_processing,
            i.eol_rir, i.si_ei, i.si_sr, l.sr_2023, l.ei_2023, l.crm_2023, l.srm_2024, l.meets_thresholds_2023
       FROM eu_crm_materials m
       LEFT JOIN eu_crm_inputs i ON i.material_name = m.inputs_name
       LEFT JOIN eu_crm_lists l ON l.material_name = m.list_name
      ORDER BY m.grp NULLS FIRST, m.id`,
  );
}

/** One row of the study's supply tables (share 0–1). */
export interface StudyShareRow {
  scope: "global" | "eu";
  material_name: string;
  stage: "extraction" | "processing";
  iso3: string;
  share: number;
  t: number;
}

/** The study's global supply and EU sourcing shares, all materials. */
export async function studyShareRows(store: Store): Promise<StudyShareRow[]> {
  return store.all<StudyShareRow>(
    "SELECT scope, material_name, stage, iso3, share, t FROM eu_supply_shares WHERE share IS NOT NULL ORDER BY share DESC",
  );
}

/** The study's end uses with sector value added (M€). */
export async function studyEndUses(store: Store): Promise<{ material_name: string; share: number; nace: string | null; va_meur: number | null }[]> {
  return store.all("SELECT material_name, share, nace, va_meur FROM eu_end_use WHERE share IS NOT NULL");
}

/**
 * Q_max of the EI formula: the value added of the largest NACE 2-digit manufacturing (C) sector
 * in the study's end-use table.
 */
export async function largestSectorValueAdded(store: Store): Promise<{ nace: string; va_meur: number } | undefined> {
  return store.one("SELECT nace, va_meur FROM eu_end_use WHERE nace LIKE 'C%' AND va_meur IS NOT NULL ORDER BY va_meur DESC LIMIT 1");
}

/** All WGI estimates (six dimensions) in the store, for the chosen years. */
export async function wgiRows(store: Store, years: readonly number[]): Promise<WgiEstimate[]> {
  return store.all<WgiEstimate>(
    `SELECT iso3, year::INTEGER AS year, indicator, estimate FROM wgi
      WHERE list_contains($1::INTEGER[], year) AND estimate IS NOT NULL`,
    [`[${years.map((y) => Math.trunc(y)).join(",")}]`],
  );
}

/** Years with WGI estimates in the store, newest first. */
export async function wgiYears(store: Store): Promise<number[]> {
  const rows = await store.all<{ year: number }>("SELECT DISTINCT year::INTEGER AS year FROM wgi ORDER BY year DESC");
  return rows.map((r) => r.year);
}

/** Edition of a loaded dataset (for provenance), or null. */
export async function datasetEdition(store: Store, id: string): Promise<string | null> {
  const r = await store.one<{ edition: string | null }>("SELECT edition FROM datasets WHERE id = $1", [id]);
  return r?.edition ?? null;
}
