import type { Stage } from "../../domain/vocabulary.ts";
import type { StudyMaterial } from "../../store/queries/criticality.ts";
import type { MaterialResult, StageResult } from "./assess-material.ts";
import { isCritical } from "./thresholds.ts";

const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);

/**
 * A group (HREE, LREE, PGM) from its members: SR and stage SRs as the unweighted mean of the members'
 * (the study does not publish its weights); EI as published, since the study's end-use table lacks
 * group rows. Both choices are flagged in `coverage`.
 *
 * @example groupResult(hreeRow, memberResults).sr // mean of the members' SR
 */
export function groupResult(g: StudyMaterial, members: readonly MaterialResult[]): MaterialResult {
  const srs = members.map((m) => m.sr).filter((x): x is number => x !== null);
  const sr = mean(srs);
  const stages = {} as Record<Stage, StageResult | null>;
  for (const st of ["extraction", "processing"] as Stage[]) {
    const ms = members.map((m) => m.stages[st]).filter((s): s is StageResult => !!s);
    const v = ms.map((s) => s.sr).filter((x): x is number => x !== null);
    stages[st] = ms.length
      ? { ...ms[0], sr: mean(v), hhiWgiGlobal: mean(ms.map((s) => s.hhiWgiGlobal).filter((x): x is number => x !== null)), hhiWgiBloc: mean(ms.map((s) => s.hhiWgiBloc).filter((x): x is number => x !== null)), topContributors: ms[0].topContributors, missing: [] }
      : null;
  }
  const ei = g.ei_2023;
  return {
    material: g.id,
    name: g.name,
    sr,
    ei,
    critical: isCritical(sr, ei),
    strategic: !!g.srm_2024,
    stages,
    eolRir: g.eol_rir,
    siSr: null,
    siEi: null,
    eiSource: ei === null ? null : "study",
    coverage: [
      `group: SR is the unweighted mean of ${srs.length} members (${members.map((m) => m.material).join(", ")})`,
      ...(ei === null ? [] : ["EI taken from the study (no group rows in its end-use table)"]),
      ...members.flatMap((m) => m.coverage.map((c) => `${m.material}: ${c}`)),
    ],
  };
}
