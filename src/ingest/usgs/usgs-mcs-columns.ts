/**
 * The column and cell conventions of the public USGS MCS data-release world files
 * (`Source,Country,Type,Prod_t_2022,Prod_t_Est_2023,Prod_notes,Reserves_t,Reserves_notes`).
 */

/** One measure column: what it measures, in which unit, for which year. */
export interface MeasureColumn {
  name: string;
  measure: "production" | "capacity" | "reserves";
  subtype: string | null;
  unit: string;
  year: number | null;
  estimated: boolean;
}

const MEASURE = /^(Prod|Cap|Reserves)_(?:([A-Za-z]+(?:_[A-Za-z0-9]+)*?)_)?(t|kt|kg|Mt|mt|mmt|kct|mct|mcm)(?:_(est|Est))?(?:_(\d{4}))?$/;
const KIND = { Prod: "production", Cap: "capacity", Reserves: "reserves" } as const;

/** Tonnes per unit; carats and cubic metres have no mass equivalent. */
export const TONNES_PER: Record<string, number | null> = { t: 1, kt: 1e3, kg: 1e-3, Mt: 1e6, mt: 1e6, mmt: 1e6, kct: null, mct: null, mcm: null };

/**
 * Parse a measure column header; undefined for notes and other columns.
 * @example measureColumn("Prod_kg_est_2023") // { measure: "production", unit: "kg", year: 2023, estimated: true, … }
 */
export function measureColumn(name: string): MeasureColumn | undefined {
  const m = MEASURE.exec(name);
  if (!m) return undefined;
  return { name, measure: KIND[m[1] as keyof typeof KIND], subtype: m[2] ?? null, unit: m[3], year: m[5] ? Number(m[5]) : null, estimated: !!m[4] };
}

/** Notes columns (`Prod_notes`, `Prod_note`, `Cap_notes`, `Reserves_notes`). */
export const isNotesColumn = (name: string): boolean => /^(Prod|Cap|Reserves)_notes?$/i.test(name);

/** A parsed cell: a number, a kept marker (W, NA, XX, Large, <…, >…), or invalid. */
export type Cell = { value: number; estimated: boolean } | { value: null; estimated: boolean } | { invalid: true };

// W withheld, NA not available, XX not applicable; USGS also writes "Large", "—", bounds like ">17,000,000"
// and short phrases without digits ("Included with ilmenite", "Less than ½ unit.").
const MARKERS = /^(W|NA|XX|—|–|-|[<>].*|[^\d]*[A-Za-z]{2,}[^\d]*)$/i;

/**
 * Read a cell as published: numbers with thousands commas, an "e" prefix for estimates (`e5,000`),
 * or a marker kept as text with no value.
 * @example parseCell("e5,000") // { value: 5000, estimated: true }
 */
export function parseCell(raw: string): Cell {
  const s = raw.trim().replace(/,/g, "");
  if (MARKERS.test(s)) return { value: null, estimated: false };
  const est = /^e\d/.test(s);
  const n = Number(est ? s.slice(1) : s);
  if (s === "" || !Number.isFinite(n)) return { invalid: true };
  return { value: n, estimated: est };
}
