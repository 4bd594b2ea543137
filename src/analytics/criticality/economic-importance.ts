/** One end use: share of the material's use 0–1 and the value added (M€) of its NACE 2-digit sector. */
export interface EndUse {
  share: number;
  vaMeur: number | null;
}

/**
 * Economic importance (EC 2017 guidelines): EI = Σ_s(A_s·Q_s) / Q_max · 10 · SI_EI, where A_s is the
 * end-use share, Q_s the sector's value added and Q_max the value added of the largest NACE 2-digit
 * manufacturing sector (in the 2023 study C28 machinery, 204 200 M€). Uses with no sector ("Other")
 * add nothing, as in the study's tables.
 *
 * @example economicImportance([{ share: 1, vaMeur: 102_100 }], 0.9, 204_200) // 4.5
 */
export function economicImportance(uses: readonly EndUse[], siEi: number, qMax: number): number {
  const sum = uses.reduce((s, u) => s + (u.vaMeur === null ? 0 : u.share * u.vaMeur), 0);
  return (sum / qMax) * 10 * siEi;
}
