import { ChokepointError } from "../domain/error.ts";
import type { SourceRef, Stage } from "../domain/vocabulary.ts";
import { listMaterials } from "../store/queries/materials.ts";
import { resolveBloc } from "../store/queries/blocs.ts";
import type { Bloc } from "../domain/blocs.ts";
import { mergeCoverage, type Coverage } from "../domain/coverage.ts";
import type { Store } from "../store/store.ts";
import { exposure, type Exposure } from "./exposure.ts";
import { criticalitySummary, type CriticalitySummary } from "./criticality/bloc-summary.ts";
import { importsAtOtherStage } from "./other-stage-imports.ts";

export interface OverviewRow {
  material: string;
  name: string;
  stage: Stage;
  year: number;
  top: { country: string; share: number } | null;
  hhi: number;
  governanceWeightedHhi: number;
  blocShare: number;
  restrictedShare: number;
  crmaBreached: boolean;
  /** the bloc's imports at the row's stage; at the material's other stage (said in coverage) when only that one has import data and no row of its own */
  sourcing: { stage: Stage; year: number; top: { country: string; share: number } | null; hhi: number; crmaBreached: boolean } | null;
  flags: { euCrm: boolean; euStrategic: boolean; jpCritical: boolean };
  sources: SourceRef[];
  /** production and sourcing together: complete only when both are; no sourcing data is incomplete */
  coverage: Coverage;
}

export interface Overview {
  bloc: string;
  blocMembers: string[];
  materials: OverviewRow[];
  unavailable: { material: string; stage: string; reason: string }[];
  /**
   * The EU-method assessment for the bloc in one line: `summary.text` "N critical, M not assessable
   * (missing …)", the unassessed materials with their reasons, its coverage. null when the store lacks
   * the method's inputs (`criticalityUnavailable` says why).
   */
  criticality: CriticalitySummary | null;
  criticalityUnavailable?: string;
  /** complete only when every row is, nothing is unavailable and every material was assessed */
  coverage: Coverage;
}

/**
 * Every material in the catalogue at each of its stages, ranked by how concentrated world
 * supply is (HHI), with the bloc's own sourcing concentration where trade data exists.
 *
 * @example
 * const o = await overview(store, "ALLIANCE");
 * o.materials[0] // the most concentrated material/stage
 */
export async function overview(store: Store, spec: string | Bloc, onProgress?: (done: number, total: number) => void): Promise<Overview> {
  const bloc = await resolveBloc(store, spec);
  const mats = await listMaterials(store);
  const jobs = mats.flatMap((m) => m.stages.map((s) => ({ m, stage: s as Stage })));
  const rows: OverviewRow[] = [];
  const productionCoverage = new Map<OverviewRow, Coverage>();
  const unavailable: Overview["unavailable"] = [];
  let done = 0;
  for (const { m, stage } of jobs) {
    let prod: Exposure | undefined;
    try {
      prod = await exposure(store, { material: m.id, stage, bloc, basis: "production" });
    } catch (e) {
      if (!(e instanceof ChokepointError) || e.code !== "no_data") throw e;
      unavailable.push({ material: m.id, stage, reason: e.message });
    }
    if (prod) {
      let src: Exposure | undefined;
      try {
        src = await exposure(store, { material: m.id, stage, bloc, basis: "sourcing" });
      } catch (e) {
        if (!(e instanceof ChokepointError) || e.code !== "no_data") throw e;
      }
      const row: OverviewRow = {
        material: m.id,
        name: m.name,
        stage,
        year: prod.year,
        top: prod.top,
        hhi: prod.hhi,
        governanceWeightedHhi: prod.governanceWeightedHhi,
        blocShare: prod.blocShare,
        restrictedShare: prod.restrictedShare,
        crmaBreached: prod.crma.breached,
        sourcing: src ? { stage: src.stage, year: src.year, top: src.top, hhi: src.hhi, crmaBreached: src.crma.breached } : null,
        flags: { euCrm: m.eu_crm_2023, euStrategic: m.eu_srm_2024, jpCritical: m.jp_critical },
        sources: [...prod.sources, ...(src?.sources ?? [])],
        coverage: mergeCoverage([
          { label: "production", coverage: prod.coverage },
          { label: "sourcing", coverage: src?.coverage ?? { complete: false, warnings: [`no ${bloc.id} import data`] } },
        ]),
      };
      rows.push(row);
      productionCoverage.set(row, prod.coverage);
    }
    onProgress?.(++done, jobs.length);
  }
  for (const r of rows) if (!r.sourcing) await otherStageSourcing(store, r, productionCoverage.get(r)!, bloc, unavailable);
  rows.sort((a, b) => b.hhi - a.hhi || a.material.localeCompare(b.material));
  const crit = await criticalitySummary(store, bloc);
  const coverage = overviewCoverage(rows, unavailable);
  const ua = crit.result?.summary.unassessed ?? [];
  if (ua.length) coverage.warnings.push(`criticality: ${ua.length} materials not assessable for ${bloc.id}: ${ua.map((u) => u.material).join(", ")} (criticality.summary.unassessed gives the reasons)`);
  if (!crit.result) coverage.warnings.push(`criticality not assessed: ${crit.reason}`);
  coverage.complete &&= ua.length === 0 && crit.result !== null;
  // The bloc's id as every exposure names it ("Japan" → JPN), resolved once, not the raw spec.
  return {
    bloc: bloc.id, blocMembers: bloc.members, materials: rows, unavailable,
    criticality: crit.result, ...(crit.reason ? { criticalityUnavailable: crit.reason } : {}), coverage,
  };
}

/** The overview's own coverage: how many rows are incomplete and which material-stages have no data. */
function overviewCoverage(rows: OverviewRow[], unavailable: Overview["unavailable"]): Coverage {
  const incomplete = rows.filter((r) => !r.coverage.complete);
  const warnings: string[] = [];
  if (incomplete.length) warnings.push(`${incomplete.length} of ${rows.length} material-stages incomplete (see each row's coverage): ${incomplete.map((r) => `${r.material}/${r.stage}`).join(", ")}`);
  if (unavailable.length) warnings.push(`${unavailable.length} material-stages without data: ${unavailable.map((u) => `${u.material}/${u.stage}`).join(", ")}`);
  return { complete: incomplete.length === 0 && unavailable.length === 0, warnings };
}

/**
 * A row without imports at its stage takes the bloc's imports at the material's other stage when that
 * stage has no row of its own (rare earths: world production is mine output, Japan's imports are
 * compounds and metals), as `exposure` does without --stage; the row's coverage says so.
 */
async function otherStageSourcing(store: Store, r: OverviewRow, production: Coverage, bloc: Bloc, unavailable: Overview["unavailable"]): Promise<void> {
  const other = unavailable.find((u) => u.material === r.material && u.stage !== r.stage);
  if (!other) return;
  const src = await importsAtOtherStage(store, r.material, r.stage, bloc);
  if (!src || src.stage !== other.stage) return;
  r.sourcing = { stage: src.stage, year: src.year, top: src.top, hhi: src.hhi, crmaBreached: src.crma.breached };
  r.sources.push(...src.sources);
  r.coverage = mergeCoverage([
    { label: "production", coverage: production },
    { label: "sourcing", coverage: { complete: false, warnings: [`shown at the ${src.stage} stage: no ${bloc.id} import data at the ${r.stage} stage`, ...src.coverage.warnings] } },
  ]);
}
