import { exposure } from "../../analytics/exposure.ts";
import type { Store } from "../../store/store.ts";
import type { Bloc } from "../../domain/blocs.ts";
import type { Anomaly } from "../anomalies/detect.ts";
import type { MonitorEvent } from "../../domain/monitor-event.ts";
import { alertSimulator, compareImpact, impactOf } from "./impact.ts";
import { rankEventAlerts, shareCoverage, supplierOf, type Alert, type Candidate, type ExposureFact } from "./rank.ts";
import { mergeCoverage } from "../../domain/coverage.ts";
import type { ShockSpec } from "./scenario.ts";

/**
 * Exposure lookups for alerts, cached: the supplier's share of the bloc's sourcing (imports +
 * own production), falling back to its share of world production when the bloc has no trade data.
 * `blocs`: the resolved blocs the lookups name by id (resolved once by the caller, not per lookup).
 */
export function exposureFacts(store: Store, blocs: readonly Bloc[]): (bloc: string, material: string, supplier: string) => Promise<ExposureFact | undefined> {
  const cache = new Map<string, Promise<Awaited<ReturnType<typeof exposure>> | null>>();
  const byId = new Map(blocs.map((b) => [b.id, b]));
  const get = (bloc: string, material: string, basis: "sourcing" | "production") => {
    const k = `${bloc}|${material}|${basis}`;
    if (!cache.has(k)) cache.set(k, exposure(store, { material, bloc: byId.get(bloc) ?? bloc, basis }).catch(() => null));
    return cache.get(k)!;
  };
  return async (bloc, material, supplier) => {
    for (const basis of ["sourcing", "production"] as const) {
      const e = await get(bloc, material, basis);
      const s = e?.suppliers.find((x) => x.country === supplier);
      if (e && s) return { bloc, material, supplier, share: s.share, basis, year: e.year, sources: e.sources, coverage: e.coverage };
    }
    return undefined;
  };
}

/**
 * Materiality defaults (configurable per call): a trade collapse raises an alert only when the
 * value lost in the month is at least `minValueUsd` and, for every alert, when severity × the
 * supplier's share of the bloc's supply (the share at risk) is at least `minShare`. An alert whose
 * own simulation gives a peak shortfall that rounds to 0.0 % is dropped too.
 */
export const MATERIALITY = { minValueUsd: 1_000_000, minShare: 0.01 };

export interface AlertOptions {
  simulate?: boolean;
  runs?: number;
  minValueUsd?: number;
  minShare?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Ranked alerts for blocs, one per signal and bloc: stored events, measures on record (events with
 * `kind: "restriction"`) and trade collapses. A collapse counts for a bloc when its importer is the
 * bloc (series summed over the members, see `blocSeries`) or a member. A basket code gives one
 * alert naming the basket and its materials. Each alert's default scenario (one shock per material,
 * see scenario.ts) is simulated once (cached within the call, fixed seed); impact = the bloc's
 * simulated peak shortfall (p50 + p95)/2 in the worst market, else severity × supplier share.
 *
 * @example const alerts = await buildAlerts(store, events, anomalies, [{ id: "JPN", members: ["JPN"] }]);
 */
export async function buildAlerts(
  store: Store,
  events: readonly (MonitorEvent & { kind?: "event" | "restriction"; id?: string })[],
  anomalies: readonly Anomaly[],
  blocs: readonly { id: string; members: string[] }[],
  opts: AlertOptions = {},
): Promise<Alert[]> {
  const minValue = opts.minValueUsd ?? MATERIALITY.minValueUsd;
  const minShare = opts.minShare ?? MATERIALITY.minShare;
  const lookup = exposureFacts(store, blocs);
  const facts = new Map<string, ExposureFact | undefined>();
  const key = (b: string, m: string, s: string) => `${b}|${m}|${s}`;
  const wanted: [string, string, string][] = [];
  // Only the supplier whose flow the event threatens (supplierOf) needs an exposure lookup.
  for (const e of events) {
    const s = supplierOf(e);
    if (s) for (const b of blocs) for (const m of e.products) wanted.push([b.id, m, s]);
  }
  for (const a of anomalies) for (const b of blocs) for (const m of a.materials) wanted.push([b.id, m, a.exporter]);
  for (const [b, m, s] of wanted) if (!facts.has(key(b, m, s))) facts.set(key(b, m, s), await lookup(b, m, s));
  const candidates: Candidate[] = rankEventAlerts(events, blocs, (b, m, s) => facts.get(key(b, m, s)));
  for (const a of latestCollapses(anomalies.filter((x) => x.baseline - x.observed >= minValue))) {
    const lost = collapseSeverity(a);
    const lostValue = a.baseline - a.observed;
    if (lost <= 0) continue;
    const own = blocs.some((b) => b.id === a.importer);
    for (const b of blocs) {
      if (a.importer !== b.id && (own || !b.members.includes(a.importer))) continue;
      if (b.members.includes(a.exporter)) continue;
      const fs = a.materials.map((m) => facts.get(key(b.id, m, a.exporter))).filter((f): f is ExposureFact => !!f && f.share > 0);
      if (!fs.length) continue;
      const f = fs.reduce((x, y) => (y.share > x.share ? y : x));
      const target = a.importer === b.id ? b.id : a.importer;
      const shock: ShockSpec = { type: "export_restriction", actor: a.exporter, targets: [target], severity: lost, label: `collapse of ${a.exporter}→${a.importer} HS ${a.product} in ${a.period}`, year: Number(a.period.slice(0, 4)), durationMonths: a.months };
      candidates.push({
        signal: `anomaly|${a.exporter}|${a.importer}|${a.product}|${a.period}`,
        bloc: b.id, material: f.material, materials: fs.map((x) => x.material),
        basket: a.materials.length > 1 ? { code: a.product, materials: [...a.materials] } : null,
        supplier: a.exporter, kind: "anomaly", date: a.period,
        summary: `exports ${a.exporter}→${a.importer} of HS ${a.product}${a.materials.length > 1 ? ` (basket: ${a.materials.join(", ")})` : ""} fell in ${a.period}: USD ${a.observed.toLocaleString("en")} vs baseline ${a.baseline.toLocaleString("en")} (−${Math.round(lost * 100)} %${a.months > 1 ? `, ${a.months} months running` : ""})`,
        supplierShare: f.share, severity: lost, shareAtRisk: round6(lost * f.share), lostValueUsd: lostValue,
        impact: impactOf({ severity: lost, share: f.share, sim: null }), impactBasis: "exposure",
        simulation: null, scenario: null, basis: f.basis, year: f.year,
        evidence: `score ${a.score} (${a.source.dataset}, ${a.source.edition}, ${a.period})`, sources: [...f.sources, a.source], coverage: shareCoverage(f), shock,
      });
    }
  }
  const material = candidates.filter((c) => c.shareAtRisk >= minShare);
  if (opts.simulate !== false) await simulateCandidates(store, material, blocs.map((b) => b.id), opts);
  return material
    .filter((c) => c.impactBasis === "exposure" || c.impact >= 0.0005)
    .map(({ shock: _shock, ...a }) => a)
    .sort(compareImpact);
}

/** Fraction of a flow a collapse lost, rounded to 0.05 so similar collapses share one simulation. */
export function collapseSeverity(a: Anomaly): number {
  if (a.kind !== "collapse" || a.baseline <= 0) return 0;
  return Math.round(Math.max(0, Math.min(1, 1 - a.observed / a.baseline)) * 20) / 20;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Fill each candidate's simulation, scenario and impact from its own scenario. */
async function simulateCandidates(store: Store, candidates: Candidate[], blocIds: string[], opts: AlertOptions): Promise<void> {
  const sim = alertSimulator(store, { runs: opts.runs });
  let done = 0;
  for (const c of candidates) {
    opts.onProgress?.(done++, candidates.length);
    if (!c.shock) continue;
    const r = await sim.run(c.shock, c.materials, blocIds);
    c.scenario = r.scenario;
    const s = r.byBloc.get(c.bloc) ?? null;
    if (!s) {
      c.simulationNote = r.error ?? `the simulated market has no consumer in ${c.bloc}`;
      continue;
    }
    c.simulation = s;
    c.material = s.material;
    c.impactBasis = "simulated";
    c.impact = impactOf({ severity: c.severity, share: c.supplierShare, sim: s });
    c.sources = [...c.sources, ...s.sources.filter((x) => !c.sources.some((y) => y.dataset === x.dataset && y.year === x.year))];
    c.coverage = mergeCoverage([{ coverage: c.coverage }, { label: `simulation (${s.material})`, coverage: s.coverage }]);
  }
  opts.onProgress?.(candidates.length, candidates.length);
}

/** The most recent collapse of each series (one alert per flow, not one per month), with how many consecutive months it has lasted. */
export function latestCollapses(anomalies: readonly Anomaly[]): (Anomaly & { months: number })[] {
  const bySeries = new Map<string, Anomaly[]>();
  for (const a of anomalies) {
    if (a.kind !== "collapse") continue;
    const k = `${a.exporter}|${a.importer}|${a.product}`;
    bySeries.set(k, [...(bySeries.get(k) ?? []), a]);
  }
  const key = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
  return [...bySeries.values()].map((xs) => {
    const last = xs.reduce((a, b) => (b.period > a.period ? b : a));
    const months = new Set(xs.map((x) => key(x.period)));
    let n = 1;
    while (months.has(key(last.period) - n)) n++;
    return { ...last, months: n };
  });
}
