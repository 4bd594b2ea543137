import type { Stage } from "../../domain/vocabulary.ts";
import type { StudyMaterial } from "../../store/queries/criticality.ts";
import type { MaterialResult, StageResult } from "./assess-material.ts";
import { assessStatus, SR_THRESHOLD } from "./thresholds.ts";

const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);

/**
 * A group (HREE, LREE, PGM) from its members: SR and stage SRs as the unweighted mean of the members'
 * (the study does not publish its weights); EI as published, since the study's end-use table lacks
 * group rows. Both choices are flagged in `coverage`. When a member's SR is unknown the group's is
 * too (bounded when the member is), never a mean over the rest.
 *
 * @example groupResult(hreeRow, memberResults).sr // mean of the members' SR
 */
export function groupResult(g: StudyMaterial, members: readonly MaterialResult[]): MaterialResult {
  const notes: string[] = [];
  const { value: sr, range: srRange } = meanOrBounds(members.map((m) => ({ v: m.sr, range: m.srRange })));
  const unknown = members.filter((m) => m.sr === null).map((m) => m.material);
  if (unknown.length) {
    notes.push(
      srRange
        ? `group SR unknown: ${unknown.join(", ")} lack an SR; with their bounds the mean lies between ${srRange[0].toFixed(2)} and ${srRange[1].toFixed(2)}`
        : `group SR not computed: ${unknown.join(", ")} lack an SR (a mean over the others would understate or overstate it)`,
    );
  }
  const stages = {} as Record<Stage, StageResult | null>;
  for (const st of ["extraction", "processing"] as Stage[]) {
    const ms = members.map((m) => m.stages[st]);
    const assessed = ms.filter((s): s is StageResult => !!s);
    if (!assessed.length) {
      stages[st] = null;
      continue;
    }
    // A member not assessed at this stage has no value to average: the stage mean is then not the group's.
    const parts = ms.map((s) => ({ v: s?.sr ?? null, range: s?.srRange }));
    const m = meanOrBounds(parts);
    stages[st] = {
      ...assessed[0],
      sr: m.value,
      ...(m.range ? { srRange: m.range } : {}),
      hhiWgiGlobal: mean(assessed.map((s) => s.hhiWgiGlobal).filter((x): x is number => x !== null)),
      hhiWgiBloc: mean(assessed.map((s) => s.hhiWgiBloc).filter((x): x is number => x !== null)),
      topContributors: assessed[0].topContributors,
      missing: m.value === null ? [`SR of ${members.filter((_, i) => parts[i].v === null).map((x) => x.material).join(", ")}`] : [],
    };
  }
  const ei = g.ei_2023;
  const { critical, status, statusReason } = assessStatus(sr, srRange, ei, notes);
  if (status === "undecided") notes.push(`critical flag undecided: the group's SR bounds straddle ${SR_THRESHOLD}`);
  return {
    material: g.id,
    name: g.name,
    sr,
    ...(srRange ? { srRange } : {}),
    ei,
    critical,
    status,
    ...(statusReason ? { statusReason } : {}),
    strategic: !!g.srm_2024,
    stages,
    eolRir: g.eol_rir,
    siSr: null,
    siEi: null,
    eiSource: ei === null ? null : "study",
    coverage: [
      `group: SR is the unweighted mean of its ${members.length} members (${members.map((m) => m.material).join(", ")})`,
      ...notes,
      ...(ei === null ? [] : ["EI taken from the study (no group rows in its end-use table)"]),
      ...members.flatMap((m) => m.coverage.map((c) => `${m.material}: ${c}`)),
    ],
  };
}

/**
 * The mean of the members' values when every member has one; otherwise null, with bounds when each
 * missing member is bounded (the mean of the lower and of the upper ends).
 *
 * @example meanOrBounds([{ v: 2 }, { v: null, range: [1, 3] }]) // { value: null, range: [1.5, 2.5] }
 */
export function meanOrBounds(parts: readonly { v: number | null; range?: [number, number] }[]): { value: number | null; range?: [number, number] } {
  if (!parts.length) return { value: null };
  if (parts.every((p) => p.v !== null)) return { value: mean(parts.map((p) => p.v!)) };
  if (!parts.every((p) => p.v !== null || p.range)) return { value: null };
  const lo = mean(parts.map((p) => p.v ?? p.range![0]))!;
  const hi = mean(parts.map((p) => p.v ?? p.range![1]))!;
  return { value: null, range: [lo, hi] };
}
