/** Which mixes enter SR at a stage (EC 2017 guidelines; per material and stage in the study). */
export type SupplyBasis = "GS+EU" | "GSonly" | "EUonly";

export interface StageInputs {
  basis: SupplyBasis;
  /** Import reliance 0–1 (needed for GS+EU). */
  ir: number | null;
  /** HHI_WGI,t of global supply and of the bloc's sourcing; null when the mix is missing. */
  hhiGlobal: number | null;
  hhiBloc: number | null;
  /** End-of-life recycling input rate 0–1. */
  eolRir: number;
  siSr: number;
}

export type StageRisk = { sr: number; missing: [] } | { sr: null; missing: string[] };

/**
 * Supply risk at one stage: SR = [HHI_GS·IR/2 + HHI_bloc·(1 − IR/2)]·(1 − EoL_RIR)·SI_SR for the
 * GS+EU basis, HHI_GS·(1 − EoL_RIR)·SI_SR for global only, HHI_bloc·(…) for bloc (EU) only.
 * Returns the inputs that are missing instead of guessing them.
 *
 * @example stageSupplyRisk({ basis: "GS+EU", ir: 1, hhiGlobal: 4, hhiBloc: 2, eolRir: 0, siSr: 1 }).sr // 3
 */
export function stageSupplyRisk(x: StageInputs): StageRisk {
  const missing: string[] = [];
  const needGlobal = x.basis !== "EUonly";
  const needBloc = x.basis !== "GSonly";
  if (needGlobal && x.hhiGlobal === null) missing.push("global supply mix");
  if (needBloc && x.hhiBloc === null) missing.push("bloc sourcing mix");
  if (x.basis === "GS+EU" && x.ir === null) missing.push("import reliance");
  if (missing.length) return { sr: null, missing };
  const mix =
    x.basis === "GSonly"
      ? x.hhiGlobal!
      : x.basis === "EUonly"
        ? x.hhiBloc!
        : x.hhiGlobal! * (x.ir! / 2) + x.hhiBloc! * (1 - x.ir! / 2);
  return { sr: mix * (1 - x.eolRir) * x.siSr, missing: [] };
}

/**
 * The material's SR is the higher of its stages (the study's "bottleneck" rule); null if no stage computes.
 * @example overallSupplyRisk([0.4, 1.2, null]) // 1.2
 */
export function overallSupplyRisk(stages: readonly (number | null)[]): number | null {
  const v = stages.filter((s): s is number => s !== null);
  return v.length ? Math.max(...v) : null;
}
