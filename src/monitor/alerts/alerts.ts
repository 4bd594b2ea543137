import { exposure } from "../../analytics/exposure.ts";
import type { Store } from "../../store/store.ts";
import type { Anomaly } from "../anomalies/detect.ts";
import type { MonitorEvent } from "../extract/types.ts";
import { rankEventAlerts, type Alert, type ExposureFact } from "./rank.ts";

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
 * Ranked alerts for blocs: stored events (severity × supplier share) and recent trade collapses
 * (lost fraction of the flow × supplier share). Not yet simulated: impact is exposure-based.
 *
 * @example const alerts = await buildAlerts(store, events, anomalies, [{ id: "JPN", members: ["JPN"] }]);
 */
export async function buildAlerts(
  store: Store,
  events: readonly MonitorEvent[],
  anomalies: readonly Anomaly[],
  blocs: readonly { id: string; members: string[] }[],
): Promise<Alert[]> {
  const lookup = exposureFacts(store);
  const facts = new Map<string, ExposureFact | undefined>();
  const key = (b: string, m: string, s: string) => `${b}|${m}|${s}`;
  const wanted: [string, string, string][] = [];
  for (const e of events) for (const b of blocs) for (const m of e.products) for (const s of [e.actor, ...e.targets]) if (s) wanted.push([b.id, m, s]);
  for (const a of anomalies) for (const b of blocs) for (const m of a.materials) wanted.push([b.id, m, a.exporter]);
  for (const [b, m, s] of wanted) if (!facts.has(key(b, m, s))) facts.set(key(b, m, s), await lookup(b, m, s));
  const alerts = rankEventAlerts(events, blocs, (b, m, s) => facts.get(key(b, m, s)));
  for (const a of anomalies) {
    if (a.kind !== "collapse") continue;
    for (const b of blocs) {
      if (a.importer !== "WLD" && !b.members.includes(a.importer)) continue;
      for (const m of a.materials) {
        const f = facts.get(key(b.id, m, a.exporter));
        if (!f) continue;
        const lost = a.baseline > 0 ? Math.max(0, 1 - a.observed / a.baseline) : 0;
        alerts.push({
          bloc: b.id, material: m, supplier: a.exporter, kind: "anomaly",
          summary: `exports ${a.exporter}→${a.importer} of HS ${a.product} collapsed in ${a.period}: USD ${a.observed.toLocaleString("en")} vs baseline ${a.baseline.toLocaleString("en")}`,
          supplierShare: f.share, severity: lost, impact: lost * f.share, basis: f.basis, year: f.year,
          evidence: `score ${a.score} (${a.source.dataset}, ${a.source.edition})`, sources: [...f.sources, a.source],
        });
      }
    }
  }
  return alerts.sort((x, y) => y.impact - x.impact);
}
