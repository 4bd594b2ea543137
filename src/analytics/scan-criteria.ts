/**
 * The European Commission's bottom-up screening for foreign dependencies (Commission Staff Working
 * Document SWD(2021) 352 "Strategic dependencies and capacities", §2; applied to BACI by CEPII,
 * Vicard & Wibaux 2023, Policy Brief 41). A product is dependent when all three hold:
 * 1. concentration — HHI of the bloc's extra-bloc imports by supplier above 0.4;
 * 2. importance of extra-bloc imports in total demand — extra-bloc imports above 50 % of the bloc's
 *    total imports (extra + intra);
 * 3. limited substitutability by the bloc's own production — extra-bloc imports above the bloc's
 *    total exports of the product (ratio above 1).
 * For a one-country bloc there is no intra-bloc trade, so criterion 2 always holds on trade data.
 */
export const EC_2021_THRESHOLDS = { hhi: 0.4, importShare: 0.5, importsToExports: 1 } as const;

export interface CriterionResult {
  /** The indicator's value; null when it is unbounded (no exports to compare with). */
  value: number | null;
  threshold: number;
  met: boolean;
}

export interface DependencyCriteria {
  concentration: CriterionResult;
  importDependence: CriterionResult;
  substitutability: CriterionResult;
  dependent: boolean;
}

/**
 * Apply the Commission's three criteria to one product's bloc aggregates (any one currency unit).
 *
 * @example
 * dependencyCriteria({ extraImports: 1000, intraImports: 50, blocExports: 70, hhi: 0.8152 }).dependent // true
 */
export function dependencyCriteria(a: { extraImports: number; intraImports: number; blocExports: number; hhi: number }): DependencyCriteria {
  const t = EC_2021_THRESHOLDS;
  const share = a.extraImports / (a.extraImports + a.intraImports);
  const ratio = a.blocExports > 0 ? a.extraImports / a.blocExports : null;
  const concentration = { value: a.hhi, threshold: t.hhi, met: a.hhi > t.hhi };
  const importDependence = { value: share, threshold: t.importShare, met: share > t.importShare };
  const substitutability = { value: ratio, threshold: t.importsToExports, met: ratio === null ? a.extraImports > 0 : ratio > t.importsToExports };
  return { concentration, importDependence, substitutability, dependent: concentration.met && importDependence.met && substitutability.met };
}

/**
 * HHI from the sum of squared amounts and the total: Σ(xᵢ/X)² = Σxᵢ² / X² (shares 0–1).
 * @example hhiFromSums(800 ** 2 + 200 ** 2, 1000) // 0.68
 */
export function hhiFromSums(sumSquares: number, total: number): number {
  return total > 0 ? sumSquares / (total * total) : 0;
}
