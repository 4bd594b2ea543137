import { ChokepointError } from "../domain/error.ts";
import { closest } from "../domain/suggest.ts";
import type { SourceRef } from "../domain/vocabulary.ts";
import type { Store } from "../store/store.ts";
import { tariffDatasets, tariffMeasureDocs, tariffScopeLists, usPartners, type UsPartner } from "../store/queries/tariffs.ts";
import { MeasureSchema } from "./measure.ts";
import { TariffBook } from "./rules.ts";

/** The measures, partners and provenance read once from the store. */
export interface TariffContext {
  book: TariffBook;
  partners: UsPartner[];
  sources: { imports: SourceRef; measures: SourceRef };
}

/**
 * Read the measures and scope lists from the store into a `TariffBook`.
 * @example const { book } = await loadTariffs(store);
 */
export async function loadTariffs(store: Store): Promise<TariffContext> {
  const [docs, lists, partners, ds] = await Promise.all([tariffMeasureDocs(store), tariffScopeLists(store), usPartners(store), tariffDatasets(store)]);
  if (!docs.length || !partners.length) throw new ChokepointError("no_data", "no US tariff data in the store (load data/us-tariffs: chokepoint ingest us-census-imports … / us-tariff-measures …)");
  const measures = docs.map((d) => MeasureSchema.parse(JSON.parse(d.doc)));
  const groups = new Map(partners.filter((p) => p.group).map((p) => [p.id, p.group!]));
  const info = (id: string, fallback: string): SourceRef => {
    const d = ds.find((x) => x.id === id);
    return { dataset: d?.title ?? fallback, edition: d?.edition ?? docs[0].edition };
  };
  return {
    book: new TariffBook(measures, lists, groups),
    partners,
    sources: { imports: { ...info("us-census-imports-2024", "US Census imports 2024"), year: 2024 }, measures: info("us-tariff-measures", "US tariff measures 2025–2026") },
  };
}

/** A Census partner id from what a user typed (JPN, jpn, EU, EU27, Japan), or `unknown_country` with suggestions. */
export function resolvePartner(partners: readonly UsPartner[], spec: string): UsPartner {
  const s = spec.trim().toUpperCase();
  const id = s === "EU" || s === "EUROPEAN UNION" ? "EU27" : s;
  const hit = partners.find((p) => p.id === id || p.name.toUpperCase() === s);
  if (hit) return hit;
  const ids = partners.map((p) => p.id);
  const near = closest(id, ids);
  throw new ChokepointError("unknown_country", `no US import data for exporter '${spec}'${near.length ? ` (did you mean: ${near.join(", ")}?)` : ""}; partners: ${ids.join(", ")}`);
}
