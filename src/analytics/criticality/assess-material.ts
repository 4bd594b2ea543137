import type { Stage } from "../../domain/vocabulary.ts";
import { economicImportance, type EndUse } from "./economic-importance.ts";
import { hhiWgiT, type Supplier } from "./hhi-wgi.ts";
import { overallSupplyRisk, stageSupplyRisk, type SupplyBasis } from "./supply-risk.ts";
import { assessStatus, type AssessStatus } from "./thresholds.ts";
export type { AssessStatus };
import type { WgiScore } from "./wgi-scale.ts";
import type { TonnesImportReliance } from "./import-reliance.ts";

/** A computed import reliance's provenance: the tonnes computation, or why it is 1 (no production). */
export type ImportRelianceSource = TonnesImportReliance | { method: "no-production"; note: string };
import { applyWhatIf, type WhatIf } from "./what-if.ts";

/** Everything the method needs for one material, already read from the store. */
export interface MaterialInputs {
  id: string;
  name: string;
  strategic: boolean;
  basis: Record<Stage, SupplyBasis | null>;
  global: Record<Stage, Supplier[] | null>;
  bloc: Record<Stage, Supplier[] | null>;
  ir: Record<Stage, number | null>;
  /** Bounds of an import reliance known only within a range (tonnes IR with unlisted producers); used when `ir` is null. */
  irRange?: Partial<Record<Stage, [number, number]>>;
  /** Where each stage's import reliance comes from (source, year, codes, coverage). */
  irSource?: Partial<Record<Stage, ImportRelianceSource>>;
  eolRir: number | null;
  siSr: number | null;
  siEi: number | null;
  uses: EndUse[] | null;
  /** The study's EI, used (and flagged) when the end-use table lacks the material. */
  studyEi: number | null;
  notes: string[];
}

export interface StageResult {
  sr: number | null;
  basis: SupplyBasis;
  hhiWgiGlobal: number | null;
  hhiWgiBloc: number | null;
  importReliance: number | null;
  /** SR for IR = 0 and IR = 1 when the bloc's import reliance is unknown (or for its bounds when known within a range). */
  srRange?: [number, number];
  /** Where the import reliance comes from; absent for the EU study's published IR. */
  importRelianceSource?: ImportRelianceSource;
  topContributors: { country: string; share: number; wgi: number; t: number; contribution: number; mix: "global" | "bloc" }[];
  missing: string[];
}

export interface MaterialResult {
  material: string;
  name: string;
  sr: number | null;
  /** When a stage's SR is unknown but bounded (IR unknown): the overall SR's bounds. */
  srRange?: [number, number];
  ei: number | null;
  /** null when SR or EI cannot be computed for the bloc, or the SR bounds straddle the threshold: unknown is not "not critical" */
  critical: boolean | null;
  status: AssessStatus;
  /** why the material is unassessed or undecided */
  statusReason?: string;
  strategic: boolean;
  stages: Record<Stage, StageResult | null>;
  eolRir: number | null;
  siSr: number | null;
  siEi: number | null;
  eiSource: "computed" | "study" | null;
  coverage: string[];
}

const STAGES: Stage[] = ["extraction", "processing"];

/**
 * Apply the EU method (EC 2017 guidelines) to one material: HHI_WGI,t of each mix, SR per stage
 * with the stage's supply basis, SR = the higher stage, EI from end uses, the critical flag.
 * Missing inputs are listed in `coverage` and the affected figure is null.
 *
 * @example assessMaterial(inputs, wgi, 204_200, []).sr
 */
export function assessMaterial(x: MaterialInputs, wgi: ReadonlyMap<string, WgiScore>, qMax: number, whatIfs: readonly WhatIf[]): MaterialResult {
  const coverage = [...x.notes];
  const stages = {} as Record<Stage, StageResult | null>;
  for (const st of STAGES) {
    const basis = x.basis[st];
    if (!basis) {
      stages[st] = null;
      continue;
    }
    const g = x.global[st] ? hhiWgiT(applyWhatIf(x.global[st]!, whatIfs), wgi) : null;
    const b = x.bloc[st] ? hhiWgiT(applyWhatIf(x.bloc[st]!, whatIfs), wgi) : null;
    for (const [h, label] of [[g, "global"], [b, "bloc"]] as const) {
      if (h?.missingWgi.length) coverage.push(`${st}: no WGI score for ${h.missingWgi.map((s) => s.iso3).join(", ")} (${label} mix; left out)`);
    }
    for (const [mix, label] of [[x.global[st], "global"], [x.bloc[st], "bloc"]] as const) {
      const listed = partialMix(mix);
      if (listed !== null) {
        coverage.push(`${st}: the ${label} mix lists suppliers for only ${Math.round(listed * 100)} % of supply (rows missing from the input table): its HHI_WGI,t and this stage's SR are lower bounds`);
      }
    }
    const base = { basis, hhiGlobal: g?.value ?? null, hhiBloc: b?.value ?? null, eolRir: x.eolRir ?? 0, siSr: x.siSr ?? NaN };
    const r = x.siSr === null ? { sr: null, missing: ["substitution index SI_SR"] } : stageSupplyRisk({ ...base, ir: x.ir[st] });
    const result: StageResult = {
      sr: r.sr,
      basis,
      hhiWgiGlobal: g?.value ?? null,
      hhiWgiBloc: b?.value ?? null,
      importReliance: x.ir[st],
      ...(x.irSource?.[st] ? { importRelianceSource: x.irSource[st] } : {}),
      topContributors: [
        ...(g?.contributions ?? []).slice(0, 3).map((c) => ({ country: c.iso3, share: c.share, wgi: c.wgi, t: c.t, contribution: c.contribution, mix: "global" as const })),
        ...(b?.contributions ?? []).slice(0, 3).map((c) => ({ country: c.iso3, share: c.share, wgi: c.wgi, t: c.t, contribution: c.contribution, mix: "bloc" as const })),
      ],
      missing: r.missing,
    };
    if (r.sr === null && r.missing.length === 1 && r.missing[0] === "import reliance" && x.siSr !== null) {
      const [irLo, irHi] = x.irRange?.[st] ?? [0, 1];
      const lo = stageSupplyRisk({ ...base, ir: irLo }).sr!;
      const hi = stageSupplyRisk({ ...base, ir: irHi }).sr!;
      result.srRange = [Math.min(lo, hi), Math.max(lo, hi)];
    }
    if (r.missing.length) coverage.push(`${st}: SR not computed, missing ${r.missing.join(", ")}`);
    stages[st] = result;
  }
  const { sr, srRange } = overall(stages, coverage);
  let ei: number | null = null;
  let eiSource: MaterialResult["eiSource"] = null;
  if (x.uses?.length && x.siEi !== null) {
    ei = economicImportance(x.uses, x.siEi, qMax);
    eiSource = "computed";
  } else if (x.studyEi !== null) {
    ei = x.studyEi;
    eiSource = "study";
    coverage.push(`EI taken from the study: ${x.uses?.length ? "no SI_EI in the inputs" : "its end-use table has no rows for this material"}`);
  } else coverage.push("EI not available");
  const { critical, status, statusReason } = assessStatus(sr, srRange, ei, coverage);
  if (status === "undecided") coverage.push(`critical flag undecided: ${statusReason}`);
  return {
    material: x.id, name: x.name, sr, ...(srRange ? { srRange } : {}), ei, critical, status, ...(statusReason ? { statusReason } : {}),
    strategic: x.strategic, stages, eolRir: x.eolRir, siSr: x.siSr, siEi: x.siEi, eiSource, coverage,
  };
}

/**
 * The study lists suppliers with at least 1 % (0.1 % for the global mix), so a mix normally sums to
 * 90–100 %. Well below that, rows are missing (chromium extraction's EU sourcing lists 9 %: Finland's
 * own mine output is absent), and since every supplier adds a non-negative term the HHI is a lower bound.
 * Returns the listed fraction when it is below 80 %, else null.
 */
export function partialMix(mix: readonly Supplier[] | null): number | null {
  if (!mix?.length) return null;
  const listed = mix.reduce((s, c) => s + c.share, 0);
  return listed < 0.8 ? listed : null;
}

/**
 * The material's SR is the higher stage, so it is only known when every assessed stage is: a missing
 * stage would make the maximum a lower bound (never reported as the SR). When the missing stage is
 * bounded (`srRange`) and the computed stages already exceed its upper bound, the SR is known anyway.
 */
function overall(stages: Record<Stage, StageResult | null>, coverage: string[]): { sr: number | null; srRange?: [number, number] } {
  const assessed = STAGES.map((s) => stages[s]).filter((s): s is StageResult => s !== null);
  const computed = assessed.filter((s) => s.sr !== null);
  const open = assessed.filter((s) => s.sr === null);
  // Every stage open but bounded (one assessed stage with its IR known within a range): the SR's bounds.
  if (open.length && !computed.length && open.every((s) => s.srRange)) {
    const lo = Math.max(...open.map((s) => s.srRange![0]));
    const hi = Math.max(...open.map((s) => s.srRange![1]));
    coverage.push(`overall SR unknown (import reliance known only within bounds): between ${lo.toFixed(2)} and ${hi.toFixed(2)}`);
    return { sr: null, srRange: [lo, hi] };
  }
  const known = overallSupplyRisk(assessed.map((s) => s.sr));
  if (!open.length || known === null) return { sr: open.length ? null : known };
  if (open.every((s) => s.srRange && s.srRange[1] <= known)) return { sr: known };
  if (open.every((s) => s.srRange)) {
    const lo = Math.max(known, ...open.map((s) => s.srRange![0]));
    const hi = Math.max(known, ...open.map((s) => s.srRange![1]));
    coverage.push(`overall SR unknown (a stage lacks inputs): between ${lo.toFixed(2)} and ${hi.toFixed(2)}`);
    return { sr: null, srRange: [lo, hi] };
  }
  coverage.push(`overall SR not computed: a stage lacks inputs (the computed stage gives at least ${known.toFixed(2)})`);
  return { sr: null };
}
