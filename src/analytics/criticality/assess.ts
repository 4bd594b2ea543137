import type { Bloc } from "../../domain/blocs.ts";
import { resolveBloc } from "../../store/queries/blocs.ts";
import { mergeCoverage, type Coverage } from "../../domain/coverage.ts";
import { assessmentCoverage, statusSummary, type StatusSummary } from "./summary.ts";
import { ChokepointError } from "../../domain/error.ts";
import { closest } from "../../domain/suggest.ts";
import type { SourceRef, Stage } from "../../domain/vocabulary.ts";
import { largestSectorValueAdded, studyEndUses, studyMaterials, studyShareRows, wgiRows, wgiYears, type StudyMaterial, type StudyShareRow } from "../../store/queries/criticality.ts";
import type { Store } from "../../store/store.ts";
import { assessMaterial, type MaterialInputs, type MaterialResult } from "./assess-material.ts";
import { blocSourcing } from "./bloc-sourcing.ts";
import { groupResult } from "./groups.ts";
import { round1 } from "./thresholds.ts";
import type { Supplier } from "./hhi-wgi.ts";
import type { SupplyBasis } from "./supply-risk.ts";
import { agreementPartners, EU_AGREEMENTS, JAPAN_AGREEMENTS } from "./trade-agreements.ts";
import { blocTradeVariable } from "./trade-variable.ts";
import { wgiScores } from "./wgi-scale.ts";
import type { WhatIf } from "./what-if.ts";
import { RESTRICTION_T, restrictionWhatIfs } from "./restrictions-what-if.ts";
import { wgiEdition } from "../../domain/wgi-edition.ts";
import { blocImportReliance } from "./bloc-import-reliance.ts";

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/**
 * The WGI vintage that reproduces the 2023 study best (see docs/criticality.md, measured by
 * `bench/criticality-wgi-vintage.ts`): the single data year 2019.
 */
export const DEFAULT_WGI_YEARS = [2019];

export interface AssessOptions {
  /** A bloc spec or the `Bloc` resolved at the edge; default EU27. */
  bloc?: string | Bloc;
  material?: string;
  wgiYears?: number[];
  whatIf?: WhatIf[];
  /** Set the what-if from the export measures in force for the bloc on this date (ISO date). */
  restrictionsOn?: string;
  /** The trade variable for those suppliers (default RESTRICTION_T). */
  restrictionT?: number;
}

export interface Assessment {
  bloc: string;
  blocMembers: string[];
  wgi: { years: number[] };
  whatIf: WhatIf[];
  /** Present with `restrictionsOn`: the date and the trade variable given to restricting suppliers. */
  restrictionsOn?: { date: string; t: number };
  sources: SourceRef[];
  materials: (MaterialResult & { group?: string; published?: { sr: number | null; ei: number | null }; vsEu?: VsEu; restrictedSuppliers?: string[]; tradeCoverage?: Coverage })[];
  /** "N critical, M not assessable (why)": counts, and the unassessed materials with their reasons */
  summary: StatusSummary;
  /** complete only when every material was assessed and every bloc sourcing mix behind it is whole */
  coverage: Coverage;
}

/**
 * For JPN/ALLIANCE: the same material's EU27 result beside the bloc's. `differsFromEu` compares SR
 * and the critical flag as published (one decimal); `srDelta` = bloc SR − EU SR (null when either is missing).
 */
export interface VsEu {
  sr: number | null;
  critical: boolean | null;
  srDelta: number | null;
  differsFromEu: boolean | null;
}

const STUDY: SourceRef = { dataset: "Study on the Critical Raw Materials for the EU 2023", edition: "2023", year: 2023 };
const STAGES: Stage[] = ["extraction", "processing"];

/**
 * The EU criticality assessment for a bloc: the study's inputs as published for EU27 (with the
 * study's SR and EI beside the computed ones), the bloc's own sourcing mix from trade for JPN,
 * ALLIANCE or a country list.
 *
 * @example
 * const a = await assess(store, { bloc: "EU27", material: "gallium" });
 * a.materials[0].sr // ≈ 3.7 (published 3.9)
 */
export async function assess(store: Store, opts: AssessOptions = {}): Promise<Assessment> {
  const bloc = await resolveBloc(store, opts.bloc ?? "EU27");
  const isEu = bloc.id === "EU27";
  const years = opts.wgiYears ?? DEFAULT_WGI_YEARS;
  const available = await wgiYears(store);
  const missingYears = years.filter((y) => !available.includes(y));
  if (!available.length) throw new ChokepointError("no_data", "no WGI estimates in the store: load them with `chokepoint ingest wgi WGIData.csv`");
  if (missingYears.length) throw new ChokepointError("invalid_input", `no WGI estimates for ${missingYears.join(", ")}; years loaded: ${available.join(", ")}`);
  const wgi = wgiScores(await wgiRows(store, years), years);
  const all = await studyMaterials(store);
  if (!all.length) throw new ChokepointError("no_data", "the EU 2023 study tables are not loaded (dataset eu-crm-2023)");
  const wanted = selectMaterials(all, opts.material);
  const shares = indexShares(await studyShareRows(store));
  const uses = await studyEndUses(store);
  const qMax = (await largestSectorValueAdded(store))?.va_meur ?? NaN;
  const members = new Set(bloc.members);
  const partners = agreementPartners(bloc.id === "JPN" ? [JAPAN_AGREEMENTS] : isEu ? [] : [EU_AGREEMENTS, JAPAN_AGREEMENTS]);
  const results = new Map<string, MaterialResult>();
  const restricted = new Map<string, string[]>();
  const trade = new Map<string, Coverage>();
  for (const m of all) {
    if (!m.basis_extraction && !m.basis_processing) continue; // groups are averaged below
    if (!wanted.has(m.id) && !(m.grp && wanted.has(m.grp))) continue;
    const inputs = materialInputs(m, shares, uses);
    if (!isEu) trade.set(m.id, mergeCoverage((await rebase(store, inputs, m, bloc, members, partners)).map((coverage) => ({ coverage }))));
    const fromMeasures = opts.restrictionsOn
      ? await restrictionWhatIfs(store, { date: opts.restrictionsOn, destination: bloc.members, material: m.id, t: opts.restrictionT })
      : [];
    restricted.set(m.id, fromMeasures.map((w) => w.iso3));
    // Explicit what-ifs come last, so they win over the ones from the measures on record.
    results.set(m.id, assessMaterial(inputs, wgi, qMax, [...fromMeasures, ...(opts.whatIf ?? [])]));
  }
  const out: Assessment["materials"] = [];
  for (const m of all) {
    if (!wanted.has(m.id)) continue;
    const members = all.filter((x) => x.grp === m.id).map((x) => results.get(x.id)).filter((r): r is MaterialResult => !!r);
    const r = members.length ? groupResult(m, members) : results.get(m.id);
    if (!r) continue;
    const parts = members.length ? all.filter((x) => x.grp === m.id).map((x) => trade.get(x.id)).filter((c): c is Coverage => !!c) : [trade.get(m.id)].filter((c): c is Coverage => !!c);
    const tradeCoverage = parts.length ? mergeCoverage(parts.map((coverage) => ({ coverage }))) : undefined;
    out.push({
      ...r,
      ...(m.grp ? { group: m.grp } : {}),
      ...(isEu ? { published: { sr: m.sr_2023, ei: m.ei_2023 } } : {}),
      ...(opts.restrictionsOn ? { restrictedSuppliers: [...new Set([m.id, ...all.filter((x) => x.grp === m.id).map((x) => x.id)].flatMap((id) => restricted.get(id) ?? []))].sort() } : {}),
      ...(tradeCoverage ? { tradeCoverage } : {}),
    });
  }
  if (!isEu) await compareWithEu(store, out, { ...opts, bloc: "EU27", wgiYears: years });
  const summary = statusSummary(out);
  const coverage = assessmentCoverage(summary, out.flatMap((m) => (m.tradeCoverage ? [{ material: m.material, coverage: m.tradeCoverage }] : [])));
  return {
    bloc: bloc.id, blocMembers: bloc.members, wgi: { years }, whatIf: opts.whatIf ?? [],
    ...(opts.restrictionsOn ? { restrictionsOn: { date: opts.restrictionsOn, t: opts.restrictionT ?? RESTRICTION_T } } : {}),
    sources: [STUDY, { dataset: "Worldwide Governance Indicators", edition: wgiEdition(Math.max(...years)), year: Math.max(...years) }], materials: out, summary, coverage };
}

/** Add `vsEu` to each of a bloc's materials: the EU27 assessment run with the same WGI vintage and what-if. */
async function compareWithEu(store: Store, out: Assessment["materials"], euOpts: AssessOptions): Promise<void> {
  const eu = new Map((await assess(store, euOpts)).materials.map((m) => [m.material, m]));
  for (const m of out) {
    const e = eu.get(m.material);
    if (!e) continue;
    const both = m.sr !== null && e.sr !== null;
    m.vsEu = {
      sr: e.sr,
      critical: e.critical,
      srDelta: both ? m.sr! - e.sr! : null,
      differsFromEu: both ? round1(m.sr!) !== round1(e.sr!) || m.critical !== e.critical : null,
    };
  }
}

function selectMaterials(all: StudyMaterial[], id: string | undefined): Set<string> {
  if (id === undefined) return new Set(all.filter((m) => !m.grp).map((m) => m.id));
  const m = all.find((x) => x.id === id.trim().toLowerCase());
  if (!m) throw new ChokepointError("unknown_material", `material '${id}' is not in the EU 2023 study (did you mean: ${closest(id, all.map((x) => x.id)).join(", ")}?)`);
  return new Set([m.id]);
}

type ShareIndex = Map<string, Supplier[]>;
const key = (scope: string, name: string | null, stage: string) => `${scope}|${name}|${stage}`;

function indexShares(rows: StudyShareRow[]): ShareIndex {
  const out: ShareIndex = new Map();
  for (const r of rows) {
    const k = key(r.scope, r.material_name, r.stage);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push({ iso3: r.iso3, share: r.share, t: r.t });
  }
  return out;
}

function materialInputs(m: StudyMaterial, shares: ShareIndex, uses: Awaited<ReturnType<typeof studyEndUses>>): MaterialInputs {
  const notes: string[] = [];
  const basis = { extraction: m.basis_extraction as SupplyBasis | null, processing: m.basis_processing as SupplyBasis | null };
  const global = { extraction: shares.get(key("global", m.global_name, "extraction")) ?? null, processing: shares.get(key("global", m.global_name, "processing")) ?? null };
  const bloc = { extraction: shares.get(key("eu", m.eu_name_extraction, "extraction")) ?? null, processing: shares.get(key("eu", m.eu_name_processing, "processing")) ?? null };
  const u = m.use_name ? uses.filter((x) => x.material_name === m.use_name).map((x) => ({ share: x.share, vaMeur: x.va_meur })) : null;
  return {
    id: m.id, name: m.name, strategic: !!m.srm_2024, basis, global, bloc,
    ir: { extraction: m.ir_extraction, processing: m.ir_processing },
    eolRir: m.eol_rir, siSr: m.si_sr, siEi: m.si_ei, uses: u, studyEi: m.ei_2023, notes,
  };
}

/** Swap the EU's sourcing for the bloc's: t by the bloc's agreements, its imports by partner, its import reliance. */
async function rebase(store: Store, x: MaterialInputs, m: StudyMaterial, bloc: { id: string; members: string[] }, members: Set<string>, partners: Set<string>): Promise<Coverage[]> {
  const covs: Coverage[] = [];
  for (const st of STAGES) {
    if (!x.basis[st]) continue;
    const g = x.global[st];
    const studyT = new Map((g ?? []).map((s) => [s.iso3, s.t]));
    if (g) x.global[st] = g.map((s) => ({ ...s, t: blocTradeVariable(s.iso3, s.t, members, partners) }));
    const src = await blocSourcing(store, m.id, st, bloc);
    x.bloc[st] = src.mix ? src.mix.map((s) => ({ ...s, t: blocTradeVariable(s.iso3, studyT.get(s.iso3) ?? 1, members, partners) })) : null;
    x.notes.push(...src.notes.map((n) => `${st}: ${n}`));
    covs.push({ complete: src.coverage.complete, warnings: src.coverage.warnings.map((w) => `${st}: ${w}`) });
    const own = (g ?? []).filter((s) => members.has(s.iso3)).reduce((a, s) => a + s.share, 0);
    if (g && own === 0) {
      x.ir[st] = 1;
      x.notes.push(`${st}: import reliance 1 (no ${bloc.id} production in the study's global mix)`);
      (x.irSource ??= {})[st] = { method: "no-production", note: `no ${bloc.id} production in the study's global mix` };
    } else {
      x.ir[st] = null;
      const t = await blocImportReliance(store, m.id, st, bloc.members);
      if (t && t.value !== null) {
        (x.irSource ??= {})[st] = t;
        const how = `${t.codes.join("+")} BACI ${t.tradeYear}, USGS production ${t.productionYear}`;
        if (t.range) {
          (x.irRange ??= {})[st] = t.range;
          x.notes.push(`${st}: import reliance in tonnes between ${pct(t.range[0])} and ${pct(t.range[1])} (${how}; ${t.coverage.warnings[0] ?? ""})`);
        } else {
          x.ir[st] = t.value;
          x.notes.push(`${st}: import reliance ${pct(t.value)} in tonnes (${how}${t.coverage.complete ? "" : `; ${t.coverage.warnings.join("; ")}`})`);
        }
      } else if (g) {
        x.notes.push(`${st}: import reliance unknown (${bloc.id} produces ${(own * 100).toFixed(1)} % of world supply; ${t ? t.reason : "no HS codes whose tonnes match the USGS series (see IR_PAIRS)"})`);
      }
    }
  }
  return covs;
}
