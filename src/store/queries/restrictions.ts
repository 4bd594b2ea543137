import type { Store } from "../store.ts";
import { listMaterials } from "./materials.ts";

/** Where a measure stands on a date. */
export type RestrictionStatus = "in-force" | "suspended" | "ended";

/** One export measure (an announcement), with the materials it covers and its state on a date. */
export interface Restriction {
  country: string;
  measure: string;
  measureId: string;
  materials: string[];
  /** ISO3 destinations the measure is aimed at; null = every destination. */
  destinations: string[] | null;
  status: RestrictionStatus;
  /** In force from (effective date). */
  from: string;
  /** Suspended: last day of the suspension; in force or ended: the end date (null = open-ended). */
  until: string | null;
  /** Primary official URL (null when the compilation gives none). */
  url: string | null;
  source: string;
  suspension: { from: string; until: string; source: string | null } | null;
  codes: string[];
  note: string | null;
}

/** A query on the measures on record; `destination` is one ISO3 code or a bloc's members. */
export interface RestrictionQuery {
  date: string;
  destination?: string | readonly string[];
  material?: string;
  country?: string;
}

interface Row {
  country: string; material: string; measure: string; start: string; end: string | null; source: string; url: string | null;
  measure_id: string; destinations: string | null; s_from: string | null; s_until: string | null; s_source: string | null;
  codes: string | null; note: string | null;
}

/**
 * A measure's state on `date` (ISO dates compare as strings): ended after its end date, suspended
 * within its suspension (both days included), in force from its start date; null before it starts.
 *
 * @example restrictionStatus({ start: "2025-11-08", end: null, sFrom: "2025-11-07", sUntil: "2026-11-10" }, "2026-06-01")
 * // { status: "suspended", until: "2026-11-10" }
 */
export function restrictionStatus(
  r: { start: string; end: string | null; sFrom: string | null; sUntil: string | null },
  date: string,
): { status: RestrictionStatus; until: string | null } | null {
  if (r.end && date > r.end) return { status: "ended", until: r.end };
  if (r.sFrom && r.sUntil && date >= r.sFrom && date <= r.sUntil) return { status: "suspended", until: r.sUntil };
  if (date >= r.start) return { status: "in-force", until: r.end };
  return null;
}

/**
 * Every measure on record on `date` — in force, suspended or ended — one entry per announcement,
 * optionally for a destination (measures aimed at all destinations, or naming it), a material
 * (measures on it, on a group it belongs to, or on a member of it) and a restricting country.
 * Measures not yet in force on `date` are left out.
 *
 * @example await restrictionsOn(store, { date: "2026-06-01", material: "holmium" }) // [{ status: "suspended", until: "2026-11-10", … }]
 */
export async function restrictionsOn(store: Store, q: RestrictionQuery): Promise<Restriction[]> {
  const rows = await store.memo("export-restrictions-rows", () =>
    store.all<Row>(
      `SELECT country, material, measure, strftime(start_date, '%Y-%m-%d') AS start, strftime(end_date, '%Y-%m-%d') AS "end",
              source, url, coalesce(measure_id, source) AS measure_id, destinations,
              strftime(suspended_from, '%Y-%m-%d') AS s_from, strftime(suspended_until, '%Y-%m-%d') AS s_until,
              suspension_source AS s_source, codes, note
       FROM export_restrictions ORDER BY start_date, country, measure_id, material`,
    ),
  );
  const related = q.material ? await relatedMaterials(store, q.material) : null;
  const dest = q.destination === undefined ? null : new Set(typeof q.destination === "string" ? [q.destination] : q.destination);
  const byMeasure = new Map<string, Restriction>();
  for (const r of rows) {
    if (q.country && r.country !== q.country) continue;
    const destinations = r.destinations ? r.destinations.split(";") : null;
    if (dest && destinations && !destinations.some((d) => dest.has(d))) continue;
    const st = restrictionStatus({ start: r.start, end: r.end, sFrom: r.s_from, sUntil: r.s_until }, q.date);
    if (!st) continue;
    const key = `${r.country}|${r.measure_id}|${r.start}`;
    const hit = byMeasure.get(key);
    if (hit) {
      if (!hit.materials.includes(r.material)) hit.materials.push(r.material);
      continue;
    }
    byMeasure.set(key, {
      country: r.country, measure: r.measure, measureId: r.measure_id, materials: [r.material], destinations,
      status: st.status, from: r.start, until: st.until, url: r.url, source: r.source,
      suspension: r.s_from && r.s_until ? { from: r.s_from, until: r.s_until, source: r.s_source } : null,
      codes: r.codes ? r.codes.split(";") : [], note: r.note,
    });
  }
  const out = [...byMeasure.values()];
  return related ? out.filter((m) => m.materials.some((x) => related.has(x))) : out;
}

/**
 * The measures in force on `date` for a destination and material: the one question exposure
 * (`restrictedShare`), criticality what-ifs, alerts, tariffs and the dashboard ask.
 *
 * @example await restrictionsInForce(store, { date: "2026-12-05", destination: "JPN", material: "gallium" })
 */
export async function restrictionsInForce(store: Store, q: RestrictionQuery): Promise<Restriction[]> {
  return (await restrictionsOn(store, q)).filter((r) => r.status === "in-force");
}

/** A material, the groups above it and the members below it (holmium ↔ hree ↔ rare-earths). */
async function relatedMaterials(store: Store, id: string): Promise<Set<string>> {
  const all = await listMaterials(store);
  const parent = new Map(all.map((m) => [m.id, m.parent]));
  const out = new Set([id]);
  for (let p = parent.get(id); p && !out.has(p); p = parent.get(p)) out.add(p);
  let grew = true;
  while (grew) {
    grew = false;
    for (const m of all) if (m.parent && out.has(m.parent) && !out.has(m.id) && isBelow(m.id, id, parent)) (out.add(m.id), (grew = true));
  }
  return out;
}

function isBelow(id: string, root: string, parent: Map<string, string | null>): boolean {
  for (let p = parent.get(id); p; p = parent.get(p)) if (p === root) return true;
  return false;
}

/** Today as an ISO date (UTC). */
export const today = (): string => new Date().toISOString().slice(0, 10);
