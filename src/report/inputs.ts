import { ISO_NUMERIC } from "./iso-numeric.ts";
import type { MapInput } from "./map.ts";
import type { MatrixPoint } from "./matrix.ts";
import type { Flow } from "./sankey.ts";

/** The fields of an exposure result the figures use (API JSON or library object). */
export interface ExposureLike {
  material: string;
  stage: string;
  bloc: string;
  year: number;
  basis: string;
  suppliers: { country: string; name?: string; share: number; amount: number; unit: string; aggregate?: boolean }[];
  sources: { dataset: string; edition?: string; year?: number }[];
}

/**
 * Map input from a production exposure: country shares (aggregates like "other countries" left
 * off the map, they have no place), the bloc outlined.
 * @example worldMapSvg(topology, mapInput(e, members))
 */
export function mapInput(e: ExposureLike, blocMembers: string[] = []): MapInput {
  return {
    title: `${e.material}, ${e.stage}: share of world ${e.basis === "production" ? "production" : `imports of ${e.bloc}`}, ${e.year}`,
    shares: e.suppliers.filter((s) => !s.aggregate).map((s) => ({ country: s.country, name: s.name, share: s.share })),
    numeric: ISO_NUMERIC,
    sources: e.sources,
    bloc: blocMembers,
  };
}

/**
 * Sankey flows from sourcing exposures (one per bloc and stage): supplier → stage → bloc, in the
 * exposure's own unit (USD for imports). Mixed units are refused rather than added up.
 * @example sankeyFlows([euCobaltProcessing, jpCobaltProcessing])
 */
export function sankeyFlows(exposures: ExposureLike[]): { flows: Flow[]; unit: string; sources: ExposureLike["sources"] } {
  const units = new Set(exposures.flatMap((e) => e.suppliers.map((s) => s.unit)));
  if (units.size > 1) throw new Error(`cannot add flows in different units: ${[...units].join(", ")}`);
  const flows = exposures.flatMap((e) =>
    e.suppliers.filter((s) => s.amount > 0).map((s) => ({ supplier: s.aggregate ? "Other" : s.country, ...(s.name && !s.aggregate ? { name: s.name } : {}), stage: e.stage, bloc: e.bloc, value: s.amount })),
  );
  return { flows, unit: [...units][0] ?? "", sources: exposures.flatMap((e) => e.sources) };
}

/**
 * Sankey flows when the exposures may come in different units (EU27 imports in USD, Japan's in
 * tonnes from ITC): the unit most exposures share is drawn, and every exposure left out says why,
 * as do the blocs and stages that had no data (`missing`, e.g. the API's no-data message).
 * @example sankeyByUnit([euUsd, jpTonnes], [{ label: "JPN processing", reason: "no import data …" }]).notes
 */
export function sankeyByUnit(
  exposures: ExposureLike[],
  missing: { label: string; reason: string }[] = [],
): { flows: Flow[]; unit: string; year: number | null; sources: ExposureLike["sources"]; notes: string[] } {
  const unitOf = (e: ExposureLike) => e.suppliers.find((s) => s.amount > 0)?.unit ?? "";
  // One unit and one year per picture: the group most exposures share (the latest year on a tie).
  const key = (e: ExposureLike) => `${unitOf(e)}|${e.year}`;
  const groups = new Map<string, ExposureLike[]>();
  for (const e of exposures) groups.set(key(e), [...(groups.get(key(e)) ?? []), e]);
  const [, drawn] = [...groups].sort((a, b) => b[1].length - a[1].length || b[1][0].year - a[1][0].year)[0] ?? ["", []];
  const unit = drawn[0] ? unitOf(drawn[0]) : "";
  const year = drawn[0]?.year ?? null;
  const notes = [
    ...exposures.filter((e) => !drawn.includes(e)).map((e) => (unitOf(e) !== unit ? `${e.bloc} ${e.stage}: imports in ${unitOf(e) || "another unit"} (not added to ${unit} flows)` : `${e.bloc} ${e.stage}: latest imports are for ${e.year}, not ${year} (not mixed into one picture)`)),
    ...missing.map((m) => `${m.label}: ${m.reason}`),
  ];
  return { ...sankeyFlows(drawn), year, notes };
}

/** The fields of an assessment the matrix uses. */
export interface AssessmentLike {
  bloc: string;
  sources: { dataset: string; edition?: string; year?: number }[];
  materials: { material: string; name: string; sr: number | null; srRange?: [number, number]; ei: number | null; critical: boolean; strategic: boolean; group?: string }[];
}

/**
 * Matrix points from an assessment: one per material with both scores (group members are
 * shown individually, as in the study's chart); a material whose SR is only bounded becomes a bar.
 * @example matrixSvg({ title: "EU27", points: matrixPoints(a), sources: a.sources })
 */
export function matrixPoints(a: AssessmentLike): MatrixPoint[] {
  return a.materials.flatMap((m) => {
    if (m.ei === null) return [];
    if (m.sr !== null) return [{ material: m.material, name: m.name, sr: m.sr, ei: m.ei, critical: m.critical, strategic: m.strategic }];
    // Known only within bounds (import reliance unknown): drawn as a bar from the lower to the upper SR.
    if (m.srRange) return [{ material: m.material, name: m.name, sr: (m.srRange[0] + m.srRange[1]) / 2, srRange: m.srRange, ei: m.ei, critical: m.critical, strategic: m.strategic }];
    return [];
  });
}
