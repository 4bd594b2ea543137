import { listCountries, type CountryRow } from "../store/queries/countries.ts";
import { blocBook, configuredBlocs, type BlocBook } from "../domain/blocs.ts";
import { listMaterials, type Material } from "../store/queries/materials.ts";
import {
  materialCodesAll,
  productionAll,
  productionYearsAll,
  restrictionsAll,
  studySharesAll,
  worldExportsAll,
  unitValueRows,
  baciUnitValueRows,
  wgiAll,
  type BaciUnitValueRow,
  type ProductionAllRow,
  type UnitValueRow,
} from "../store/queries/plan.ts";
import type { Store } from "../store/store.ts";

/**
 * Everything the planner reads from the store, for every material, loaded in eleven queries and
 * indexed. One `PlanData` serves any number of plans on the same store (see `planMany`); it is a
 * snapshot, so load a new one after ingesting.
 */
export interface PlanData {
  materials: Material[];
  countries: CountryRow[];
  /** countries, aliases and configured blocs, read once: bloc specs (trusted lists, EU27/JPN halves) resolve here */
  blocs: BlocBook;
  /** `${material}|${stage}` → production rows, newest year first. */
  production: Map<string, ProductionAllRow[]>;
  /** `${material}|${stage}` → years with data, newest first. */
  productionYears: Map<string, number[]>;
  /** `${study name}|${stage}` → global shares. */
  studyShares: Map<string, { iso3: string | null; label: string; share: number }[]>;
  /** `${material}|${stage}` → exporters' world totals (LNG from EI), newest year first. */
  worldExports: Map<string, Awaited<ReturnType<typeof worldExportsAll>>>;
  /** material → countries with export measures in force, with the destinations they name (null = all). */
  restrictions: Map<string, { country: string; destinations: string[] | null }[]>;
  /** iso3 → [year, six estimates] ascending by year. */
  wgi: Map<string, { year: number; estimates: number[] }[]>;
  /** material → its catalogue codes with stage. */
  codes: Map<string, { stage: string | null; code: string; classification: string; basket: boolean }[]>;
  /** `${code}|${classification}` → unit value rows from table `trade`. */
  unitValues: Map<string, UnitValueRow[]>;
  /** BACI HS6 code → rows with a quantity (every importer). */
  baciUnitValues: Map<string, BaciUnitValueRow[]>;
}

function group<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/**
 * Load the planner's data for all materials at once (queries run concurrently on one connection).
 * @example const data = await loadPlanData(store); data.materials.length // 80+
 */
export async function loadPlanData(store: Store): Promise<PlanData> {
  const [materials, countries, prod, years, study, restr, wgi, codes, uv, world, buv] = await Promise.all([
    listMaterials(store),
    listCountries(store),
    productionAll(store),
    productionYearsAll(store),
    studySharesAll(store),
    restrictionsAll(store),
    wgiAll(store),
    materialCodesAll(store),
    unitValueRows(store),
    worldExportsAll(store),
    baciUnitValueRows(store),
  ]);
  return {
    materials,
    countries,
    blocs: blocBook(countries, configuredBlocs()),
    production: group(prod, (r) => `${r.material}|${r.stage}`),
    productionYears: new Map([...group(years, (r) => `${r.material}|${r.stage}`)].map(([k, v]) => [k, v.map((r) => r.year)])),
    studyShares: group(study, (r) => `${r.material_name}|${r.stage}`),
    worldExports: group(world, (r) => `${r.material}|${r.stage}`),
    restrictions: new Map([...group(restr, (r) => r.material)].map(([k, v]) => [k, v.map((r) => ({ country: r.country, destinations: r.destinations }))])),
    wgi: new Map([...group(wgi, (r) => r.iso3)].map(([k, v]) => [k, v.map((r) => ({ year: r.year, estimates: r.est }))])),
    codes: group(codes, (r) => r.material),
    unitValues: group(uv, (r) => `${r.code}|${r.classification}`),
    baciUnitValues: group(buv, (r) => r.hs6),
  };
}

/** Latest WGI estimates ≤ year per country (as `wgiEstimates`, from the loaded data). */
export function wgiFor(data: PlanData, year: number): Map<string, { year: number; estimates: number[] }> {
  const out = new Map<string, { year: number; estimates: number[] }>();
  for (const [iso3, rows] of data.wgi) {
    for (let i = rows.length - 1; i >= 0; i--) {
      if (rows[i].year <= year) {
        out.set(iso3, rows[i]);
        break;
      }
    }
  }
  return out;
}
