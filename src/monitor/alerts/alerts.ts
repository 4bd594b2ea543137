import { exposure } from "../../analytics/exposure.ts";
import type { Store } from "../../store/store.ts";
import type { Anomaly } from "../anomalies/detect.ts";
import type { MonitorEvent } from "../../domain/monitor-event.ts";
import { alertSimulator, compareImpact, impactOf } from "./impact.ts";
import { rankEventAlerts, type Alert, type Candidate, type ExposureFact } from "./rank.ts";
import { anomalyShock } from "./scenario.ts";

/**
 * Exposure lookups for alerts, cached: the supplier's share of the bloc's sourcing (imports +
 * own production), falling back to its share of world production when the bloc has no trade data.
 */
export function exposureFacts(store: Store): (bloc: string, material: string, supplier: string) => Promise<ExposureFact | undefined> {
  const cache = new Map<string, Promise<Awaited<ReturnType<typeof exposure>> | null>>();
  const get = (bloc: string, material: string, basis: "sourcing" | "production") => {
    const k = `${bloc}|${material}|${basis}`;
    if (!cache.has(k)) cache.set(k, exposure(store, { material, bloc, basis }).catch(() => null));
    return cache.get(k)!;
  };
  return async (bloc, material, supplier) => {
    for (const basis of ["sourcing", "production"] as const) {
      const e = await get(bloc, material, basis);
      const s = e?.suppliers.find((x) => x.country === supplier);
      if (e && s) return { bloc, material, supplier, share: s.share, basis, year: e.year, sources: e.sources };
    }
    return undefined;
  };
}

/**
 * Ranked alerts for blocs: stored events and recent trade collapses that hit a bloc's supply.
 * Each becomes a default scenario (see scenario.ts) simulated once per shock × material
 * (cached within the call, fixed seed, so the ranking is deterministic); impact = the bloc's
 * simulated peak shortfall, (p50 + p95)/2, else severity × supplier share (see impactOf).
 *
 * @example const alerts = await buildAlerts(store, events, anomalies, [{ id: "JPN", members: ["JPN"] }]);
 */
export async function buildAlerts(
  store: Store,
  events: readonly MonitorEvent[],
  anomalies: readonly Anomaly[],
  blocs: readonly { id: string; members: string[] }[],
  opts: { simulate?: boolean; runs?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<Alert[]> {
  const lookup = exposureFacts(store);
  const facts = new Map<string, ExposureFact | undefined>();
  const key = (b: string, m: string, s: string) => `${b}|${m}|${s}`;
  const wanted: [string, string, string][] = [];
  for (const e of events) for (const b of blocs) for (const m of e.products) for (const s of [e.actor, ...e.targets]) if (s) wanted.push([b.id, m, s]);
  for (const a of anomalies) for (const b of blocs) for (const m of a.materials) wanted.push([b.id, m, a.exporter]);
  for (const [b, m, s] of wanted) if (!facts.has(key(b, m, s))) facts.set(key(b, m, s), await lookup(b, m, s));
  const candidates: Candidate[] = rankEventAlerts(events, blocs, (b, m, s) => facts.get(key(b, m, s)));
  for (const a of latestCollapses(anomalies)) {
    const shock = anomalyShock(a);
    if (!shock) continue;
    for (const b of blocs) {
      if (a.importer !== "WLD" && !b.members.includes(a.importer)) continue;
      for (const m of a.materials) {
        const f = facts.get(key(b.id, m, a.exporter));
        if (!f || f.share <= 0) continue;
        const lost = shock.severity ?? 1;
        candidates.push({
          bloc: b.id, material: m, supplier: a.exporter, kind: "anomaly",
          summary: `exports ${a.exporter}→${a.importer} of HS ${a.product} collapsed in ${a.period}: USD ${a.observed.toLocaleString("en")} vs baseline ${a.baseline.toLocaleString("en")}`,
          supplierShare: f.share, severity: lost, impact: impactOf({ severity: lost, share: f.share, sim: null }), impactBasis: "exposure",
          simulation: null, scenario: null, basis: f.basis, year: f.year,
          evidence: `score ${a.score} (${a.source.dataset}, ${a.source.edition}, ${a.period})`, sources: [...f.sources, a.source], shock,
        });
      }
    }
  }
  if (opts.simulate !== false) await simulateCandidates(store, candidates, blocs.map((b) => b.id), opts);
  return candidates.map(({ shock: _shock, ...a }) => a).sort(compareImpact);
}

/** Fill each candidate's simulation, scenario and impact; one simulation per shock × material. */
async function simulateCandidates(
  store: Store,
  candidates: Candidate[],
  blocIds: string[],
  opts: { runs?: number; onProgress?: (done: number, total: number) => void },
): Promise<void> {
  const sim = alertSimulator(store, { runs: opts.runs });
  let done = 0;
  for (const c of candidates) {
    opts.onProgress?.(done++, candidates.length);
    if (!c.shock) continue;
    const r = await sim.run(c.shock, c.material, blocIds);
    c.scenario = r.scenario;
    const s = r.byBloc.get(c.bloc) ?? null;
    if (!s) {
      c.simulationNote = r.error ?? `the simulated market has no consumer in ${c.bloc}`;
      continue;
    }
    c.simulation = s;
    c.impactBasis = "simulated";
    c.impact = impactOf({ severity: c.severity, share: c.supplierShare, sim: s });
    c.sources = [...c.sources, ...s.sources.filter((x) => !c.sources.some((y) => y.dataset === x.dataset && y.year === x.year))];
  }
  opts.onProgress?.(candidates.length, candidates.length);
}

/** The most recent collapse of each series (one alert per flow, not one per month), with how many months collapsed. */
export function latestCollapses(anomalies: readonly Anomaly[]): Anomaly[] {
  const bySeries = new Map<string, Anomaly[]>();
  for (const a of anomalies) {
    if (a.kind !== "collapse") continue;
    const k = `${a.exporter}|${a.importer}|${a.product}`;
    bySeries.set(k, [...(bySeries.get(k) ?? []), a]);
  }
  return [...bySeries.values()].map((xs) => xs.reduce((a, b) => (b.period > a.period ? b : a)));
}
