import type { Store } from "../store.ts";

/** Tables of the US tariff capability (src/tariffs): Census 2024 imports, partners, measures, scope lists. */
export const TARIFFS_DDL = [
  `CREATE TABLE IF NOT EXISTS us_partners (cty_code VARCHAR PRIMARY KEY, id VARCHAR, grp VARCHAR, census_name VARCHAR, dataset VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS us_imports (partner VARCHAR, hs10 VARCHAR, value DOUBLE, duty DOUBLE, year INTEGER, dataset VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS tariff_scope (list VARCHAR, prefix VARCHAR, annex VARCHAR, effective_date DATE, source_file VARCHAR, dataset VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS tariff_measures (id VARCHAR PRIMARY KEY, ord INTEGER, doc VARCHAR, edition VARCHAR, dataset VARCHAR)`,
];

export interface UsPartner { code: string; id: string; group: string | null; name: string }
export interface ImportLine { partner: string; hs10: string; value: number; duty: number }

/** The Census partners (id = ISO3 or EU27; group = the aggregate a partner is part of, e.g. SVK → EU27). */
export function usPartners(store: Store): Promise<UsPartner[]> {
  return store.memo("us-partners", () =>
    store.all<UsPartner>("SELECT cty_code AS code, id, grp AS \"group\", census_name AS name FROM us_partners ORDER BY id"),
  );
}

/** 2024 US imports from one partner by HS10 (customs value and calculated duty, USD). */
export async function usImportsFrom(store: Store, partner: string): Promise<ImportLine[]> {
  const rows = await store.memo(`us-imports:${partner}`, () =>
    store.all<ImportLine>("SELECT partner, hs10, value, duty FROM us_imports WHERE partner = $1 ORDER BY hs10", [partner]),
  );
  return rows;
}

/** Every 2024 US import line of every partner (for the price index of the trade-effect model). */
export function usImportsAll(store: Store): Promise<ImportLine[]> {
  return store.memo("us-imports:*", () => store.all<ImportLine>("SELECT partner, hs10, value, duty FROM us_imports"));
}

/** Scope lists: list name → prefixes. */
export async function tariffScopeLists(store: Store): Promise<Map<string, string[]>> {
  const rows = await store.memo("tariff-scope", () => store.all<{ list: string; prefix: string }>("SELECT list, prefix FROM tariff_scope ORDER BY list, prefix"));
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const l = out.get(r.list) ?? [];
    l.push(r.prefix);
    out.set(r.list, l);
  }
  return out;
}

/** The stored measures as JSON text, in file order, with the edition and dataset they came from. */
export function tariffMeasureDocs(store: Store): Promise<{ doc: string; edition: string; dataset: string }[]> {
  return store.memo("tariff-measures", () => store.all("SELECT doc, edition, dataset FROM tariff_measures ORDER BY ord"));
}

/** Dataset rows (title, edition) for provenance. */
export function tariffDatasets(store: Store): Promise<{ id: string; title: string; edition: string }[]> {
  return store.memo("tariff-datasets", () =>
    store.all("SELECT id, title, edition FROM datasets WHERE id IN ('us-census-imports-2024', 'us-tariff-measures') ORDER BY id"),
  );
}

/** HS 2- and 4-digit descriptions (from `hs_codes`), code → text. */
export async function hsHeadingNames(store: Store): Promise<Map<string, string>> {
  const rows = await store.memo("hs-headings", () => store.all<{ code: string; description: string }>("SELECT code, description FROM hs_codes WHERE level IN (2, 4)"));
  return new Map(rows.map((r) => [r.code, r.description]));
}

/**
 * Every export restriction on record, all columns as stored (the monitor may add columns such as a
 * destination scope; they are passed through by name), dates as text.
 */
export async function allExportRestrictions(store: Store): Promise<Record<string, string | null>[]> {
  const rows = await store.all<Record<string, unknown>>("SELECT * FROM export_restrictions ORDER BY start_date NULLS LAST, country, material");
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)])));
}
