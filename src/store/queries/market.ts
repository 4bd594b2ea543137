import type { Store } from "../store.ts";

/**
 * SQL that assembles a market for the simulator beyond what exposure already reads
 * (world production and imports by partner come from `store/queries/exposure.ts`):
 * the EU 2023 study's end uses with sector value added, its substitution index, and
 * monthly exports by partner for back-tests.
 */

/** One end use of a material in the EU (EU 2023 study, Appendix: end-use shares and NACE sector value added). */
export interface EndUseRow {
  application: string;
  share: number;
  nace: string;
  va_meur: number;
}

/**
 * End-use shares of a material with the value added of the NACE 2-digit sector that uses it.
 * @example await endUses(store, "Gallium") // [{ application: "Integrated circuits", share: 0.7, nace: "C26 …", va_meur: 77000 }, …]
 */
export async function endUses(store: Store, studyName: string): Promise<EndUseRow[]> {
  return store.all<EndUseRow>(
    `SELECT application, share::DOUBLE AS share, nace, va_meur::DOUBLE AS va_meur FROM eu_end_use
     WHERE material_name = $1 AND share IS NOT NULL AND va_meur IS NOT NULL ORDER BY share DESC, application`,
    [studyName],
  );
}

/**
 * The study's substitution index for economic importance (SI_EI, 0–1; 1 = no substitute).
 * @example await substitutionIndex(store, "Gallium") // 0.98
 */
export async function substitutionIndex(store: Store, studyName: string): Promise<number | null> {
  const r = await store.one<{ si: number | null }>(`SELECT si_ei::DOUBLE AS si FROM eu_crm_inputs WHERE material_name = $1`, [studyName]);
  return r?.si ?? null;
}

/** One month of a reporter's exports to one partner. */
export interface MonthlyExportRow {
  partner: string;
  year: number;
  month: number;
  value: number;
  quantity: number | null;
}

/**
 * A reporter's monthly exports (flow X, month 1–12) of one product code, by partner, between
 * two months inclusive (YYYYMM). Months without trade are absent rows, not zeros.
 *
 * @example await monthlyExports(store, "CHN", "811292", 202208, 202407)
 */
export async function monthlyExports(store: Store, reporter: string, product: string, from: number, to: number): Promise<MonthlyExportRow[]> {
  return store.all<MonthlyExportRow>(
    `SELECT partner, year, month, sum(value)::DOUBLE AS value, sum(quantity)::DOUBLE AS quantity FROM trade
     WHERE flow = 'X' AND reporter = $1 AND product = $2 AND month > 0
       AND year * 100 + month BETWEEN $3 AND $4 AND value IS NOT NULL
     GROUP BY partner, year, month ORDER BY partner, year, month`,
    [reporter, product, from, to],
  );
}

