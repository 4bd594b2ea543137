import { exposure } from "../analytics/exposure.ts";
import type { Bloc } from "../domain/blocs.ts";
import { resolveBloc } from "../store/queries/blocs.ts";
import { usPartners } from "../store/queries/tariffs.ts";
import { ChokepointError } from "../domain/error.ts";
import type { SourceRef } from "../domain/vocabulary.ts";
import type { Store } from "../store/store.ts";
import { allExportRestrictions } from "../store/queries/tariffs.ts";
import { tariffs, type TariffExposure } from "../tariffs/exposure.ts";
import { loadTariffs } from "../tariffs/book.ts";
import type { Measure } from "../tariffs/measure.ts";
import { TODAY } from "../tariffs/request.ts";
import { tariffTimeline, type TariffTimeline } from "../tariffs/timeline.ts";

/** One export restriction on a material the bloc imports, with the trade it covers. */
export interface RestrictionEvidence {
  country: string; material: string; measure: string; startDate: string | null; endDate: string | null; instrument: string; url: string | null;
  /** Columns the store holds beyond the original seven (e.g. destination scope), by name. */
  extra: Record<string, string>;
  /** Per importing member (EU27, JPN): its imports of the material from the country, latest year. */
  covered: { importer: string; year: number | null; amount: number | null; unit: string | null; share: number | null; source: string; note: string | null }[];
}

export interface EvidenceData {
  bloc: string; date: string; exporters: string[];
  tariffs: TariffExposure[];
  timeline: TariffTimeline;
  restrictions: RestrictionEvidence[];
  /** Every US measure on record 2025–2026 (in force on the date or not), for the legal history. */
  measuresOnRecord: Measure[];
  sources: SourceRef[];
}

const BASE_COLUMNS = new Set(["country", "material", "measure", "start_date", "end_date", "source", "url"]);

/**
 * The evidence for WTO/G7 reform work: US tariffs on the bloc's exports (each measure with its instrument,
 * dates, covered trade, duty and modelled effect) and export restrictions on the materials it imports
 * (each with its notice, dates and the bloc's imports it covers).
 * @example const d = await evidenceData(store, { bloc: "ALLIANCE" });
 */
export async function evidenceData(store: Store, opts: { bloc: string | Bloc; date?: string; runs?: number }): Promise<EvidenceData> {
  const date = opts.date ?? TODAY;
  const bloc = await resolveBloc(store, opts.bloc);
  const census = new Set((await usPartners(store)).map((p) => p.id));
  // The Census data have the EU as one partner: a bloc holding the EU27 is reported as EU27.
  const exporters = bloc.id === "ALLIANCE" ? ["EU27", "JPN"] : bloc.id === "EU27" ? ["EU27"] : bloc.members.filter((m) => census.has(m));
  if (!exporters.length) throw new ChokepointError("no_data", `no US import data for any member of ${bloc.id} (Census partners: ${[...census].join(", ")})`);
  const results: TariffExposure[] = [];
  for (const e of exporters.sort()) results.push(await tariffs(store, { exporter: e, date, runs: opts.runs ?? 500, top: 15 }));
  const timeline = await tariffTimeline(store, { exporters: exporters.sort(), to: date });
  const importers = exporters.filter((e) => e === "EU27" || e === "JPN");
  const restrictions: RestrictionEvidence[] = [];
  for (const r of await allExportRestrictions(store)) {
    if (r.start_date && r.start_date > date) continue;
    const extra = Object.fromEntries(Object.entries(r).filter(([k, v]) => !BASE_COLUMNS.has(k) && v !== null && v !== "")) as Record<string, string>;
    const covered = [];
    for (const imp of importers) covered.push(await coveredTrade(store, r.material!, imp, r.country!));
    restrictions.push({ country: r.country!, material: r.material!, measure: r.measure ?? "", startDate: r.start_date, endDate: r.end_date, instrument: r.source ?? "", url: r.url, extra, covered });
  }
  const sources = [...new Map([...results.flatMap((t) => t.sources), ...timeline.sources].map((s) => [`${s.dataset}|${s.edition}`, s])).values()];
  const measuresOnRecord = [...(await loadTariffs(store)).book.measures];
  return { bloc: bloc.id, date, exporters, tariffs: results, timeline, restrictions, measuresOnRecord, sources };
}

async function coveredTrade(store: Store, material: string, importer: string, country: string): Promise<RestrictionEvidence["covered"][number]> {
  try {
    const x = await store.memo(`evidence-exposure:${material}:${importer}`, () => exposure(store, { material, bloc: importer, basis: "sourcing" }));
    const s = x.suppliers.find((p) => p.country === country);
    const source = x.sources.map((r) => `${r.dataset} (${r.edition}${r.year ? `, ${r.year}` : ""})`).join("; ");
    return { importer, year: x.year, amount: s ? s.amount : 0, unit: x.total.unit, share: s ? s.share : 0, source, note: s ? null : `${country} not among ${importer}'s suppliers in ${x.year}` };
  } catch (e) {
    return { importer, year: null, amount: null, unit: null, share: null, source: "—", note: `no import data: ${(e as Error).message.split("\n")[0].slice(0, 160)}` };
  }
}
