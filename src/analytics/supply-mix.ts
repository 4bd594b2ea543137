import { ChokepointError } from "../domain/error.ts";
import type { Bloc } from "../domain/blocs.ts";
import type { SourceRef, Stage } from "../domain/vocabulary.ts";
import { listCountries } from "../store/queries/countries.ts";
import type { Material } from "../store/queries/materials.ts";
import {
  datasetInfo,
  hasTradeCodes,
  sourcingSearchScope,
  productionByCountry,
  productionYears,
  studySupplyShares,
  worldExportsByPartner,
} from "../store/queries/exposure.ts";
import type { Store } from "../store/store.ts";
import { importFacts } from "../store/queries/trade-facts.ts";
import type { Coverage } from "./sourcing/select.ts";
import { factYears, importSelection } from "./sourcing/engine.ts";

/** Supply by country before indicators: amounts in one unit, with provenance and caveats. */
export interface SupplyMix {
  year: number;
  years: number[];
  unit: string;
  total: number;
  rows: { country: string; amount: number; aggregate?: boolean }[];
  sources: SourceRef[];
  notes: string[];
  missing: string[];
  /** whether the records behind the mix are known to be whole, and what is truncated, mixed or a basket */
  coverage: Coverage;
  /** sourcing only: what the amounts count ("value" in `unit`, or "quantity") */
  measure?: "value" | "quantity";
  /** sourcing only: the datasets and codes behind the rows (e.g. eurostat-comext, CN8 25041000 and 25049000) */
  products?: { dataset: string; kind: string; classification: string; codes: string[] }[];
}

const USGS = "USGS Mineral Commodity Summaries";

/**
 * World production by country (USGS MCS, tonnes), or the EU 2023 study's global shares where
 * USGS has no series for the stage. Shares are of the sum of country rows plus "Other countries",
 * which is how USGS's own percentages are computed (not of the rounded world total).
 */
export async function productionSuppliers(store: Store, m: Material, stage: Stage, bloc: Bloc, year?: number): Promise<SupplyMix> {
  const years = await productionYears(store, m.id, stage);
  if (!years.length) {
    const world = await worldExportsByPartner(store, m.id, stage);
    return world.length ? worldTrade(m, world, year) : studyShares(store, m, stage, year);
  }
  const y = year ?? years[0];
  if (!years.includes(y)) {
    throw new ChokepointError("no_data", `no USGS production of ${m.id} (${stage}) for ${y}; years with data: ${years.join(", ")}`);
  }
  const rows = await productionByCountry(store, m.id, stage, y);
  const notes: string[] = [];
  const missing: string[] = [];
  const out: SupplyMix["rows"] = [];
  for (const r of rows) {
    if (r.iso3) out.push({ country: r.iso3, amount: r.value_t });
    else if (r.is_aggregate) out.push({ country: "OTHER", amount: r.value_t, aggregate: true });
    else missing.push(`USGS row '${r.label}' has no ISO3 code (${r.value_t} t left out)`);
  }
  if (rows.some((r) => r.is_estimate)) notes.push(`${y} figures are USGS estimates`);
  const memberRows = out.filter((r) => bloc.members.includes(r.country));
  if (!memberRows.length) notes.push(`no production recorded in ${bloc.id} for ${y}`);
  const edition = (rows[0]?.edition ?? "").replace(/\D/g, "");
  return {
    year: y,
    years,
    unit: "t",
    total: out.reduce((a, r) => a + r.amount, 0),
    rows: out,
    sources: [{ dataset: USGS, edition, year: y }],
    notes,
    missing,
    coverage: { complete: missing.length === 0, warnings: [...missing] },
  };
}

function worldTrade(
  m: Material,
  rows: Awaited<ReturnType<typeof worldExportsByPartner>>,
  year?: number,
): SupplyMix {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const y = year ?? years[0];
  if (!years.includes(y)) throw new ChokepointError("no_data", `no world trade data for ${m.id} in ${y}; years with data: ${years.join(", ")}`);
  const these = rows.filter((r) => r.year === y);
  return {
    year: y,
    years,
    unit: these[0].qty_unit,
    total: these.reduce((a, r) => a + r.quantity, 0),
    rows: these.map((r) => ({ country: r.partner, amount: r.quantity })),
    sources: [{ dataset: "Energy Institute Statistical Review of World Energy", edition: these[0].dataset.replace(/\D/g, ""), year: y }],
    notes: [`no production series: world supply = exports by country in world trade (${these[0].qty_unit})`],
    missing: [],
    coverage: { complete: true, warnings: [`world supply from exporters' world totals (${these[0].qty_unit}), not production`] },
  };
}

async function studyShares(store: Store, m: Material, stage: Stage, year?: number): Promise<SupplyMix> {
  const rows = m.eu_study_name ? await studySupplyShares(store, m.eu_study_name, stage, "global") : [];
  if (!rows.length) {
    throw new ChokepointError(
      "no_data",
      `no production data for ${m.id} at stage ${stage} (neither a USGS series nor the EU 2023 study's global shares)`,
    );
  }
  // The 2023 study's shares are averages over 2016–2020; report the end year.
  const y = 2020;
  if (year !== undefined && year !== y) {
    throw new ChokepointError("no_data", `only the EU 2023 study's 2016–2020 average shares exist for ${m.id} (${stage}); use --year 2020`);
  }
  return {
    year: y,
    years: [y],
    unit: "%",
    total: rows.reduce((a, r) => a + r.share, 0),
    rows: rows.filter((r) => r.iso3).map((r) => ({ country: r.iso3 as string, amount: r.share })),
    sources: [{ dataset: "Study on the Critical Raw Materials for the EU 2023", edition: "2023", year: y }],
    notes: ["no USGS series for this stage: global shares from the EU 2023 study (average 2016–2020)"],
    missing: rows.filter((r) => !r.iso3).map((r) => `study row '${r.label}' has no ISO3 code`),
    coverage: {
      complete: rows.every((r) => r.iso3),
      warnings: ["shares are the EU 2023 study's 2016–2020 averages, not one year", ...rows.filter((r) => !r.iso3).map((r) => `study row '${r.label}' has no ISO3 code`)],
    },
  };
}

/**
 * The bloc's sourcing mix from its imports by partner, in USD (or one quantity unit). Per member one
 * source, by precedence: complete reported data, then CEPII BACI (reconciled), then mirror flows,
 * then data of unknown completeness, then known-truncated data — never silently mixed
 * (`coverage.warnings` names every source that is not whole, mixed kinds and basket codes). The
 * default year is the latest complete one. Intra-EU flows are left out (internal-market
 * circulation); EU↔Japan flows stay in ALLIANCE and count as in-bloc. A group member without its
 * own trade codes (e.g. neodymium) falls back to the group's codes.
 */
export async function sourcingSuppliers(store: Store, m: Material, stage: Stage, bloc: Bloc, year?: number, hs = ""): Promise<SupplyMix> {
  const notes: string[] = hs ? [`only trade codes starting ${hs}`] : [];
  let codesOf = m.id;
  if (!(await hasTradeCodes(store, m.id, stage, hs)) && m.parent && (await hasTradeCodes(store, m.parent, stage, hs))) {
    codesOf = m.parent;
    notes.push(`no trade code isolates ${m.id}: using the codes of its group '${m.parent}' (a basket)`);
  }
  const eu = new Set((await listCountries(store)).filter((c) => c.eu27).map((c) => c.iso3));
  // Every year's records, intra-EU circulation left out; the year is checked before choosing.
  const facts = (await importFacts(store, codesOf, stage, bloc.members, hs)).filter((r) => !(eu.has(r.reporter) && eu.has(r.partner)));
  const years = factYears(facts);
  if (!years.length) {
    const why = await whyNoSourcing(store, codesOf, stage, bloc, hs);
    throw new ChokepointError("no_data", `no import data for ${m.id} (${stage}) into ${bloc.id}: ${why}`, [
      { code: "no_import_data", path: [m.id, stage, bloc.id], message: `no import data for ${codesOf} (${stage}) into ${bloc.id}` },
    ]);
  }
  if (year !== undefined && !years.includes(year)) {
    throw new ChokepointError("no_data", `no import data for ${m.id} (${stage}) into ${bloc.id} in ${year}; years with data: ${years.join(", ")}`);
  }
  const sel = (await importSelection(store, { codesOf, stage, members: bloc.members, year, hs, internal: eu }))!.selection;
  const y = sel.year;
  const rows = sel.rows;
  const byPartner = new Map<string, number>();
  let unit = sel.unit ?? "t";
  if (sel.measure === "value") {
    // Combine in USD where every currency has a rate; a single currency needs no conversion.
    const currencies = [...new Set(rows.map((r) => r.currency as string))];
    const convertible = rows.every((r) => r.per_usd !== null);
    if (!convertible && currencies.length > 1) {
      throw new ChokepointError("no_data", `cannot combine ${currencies.join(" and ")} trade values for ${y}: no exchange rate in table fx_rates`);
    }
    unit = convertible ? "USD" : currencies[0];
    for (const r of rows) {
      const v = convertible ? (r.value as number) / (r.per_usd as number) : (r.value as number);
      byPartner.set(r.partner, (byPartner.get(r.partner) ?? 0) + v);
    }
    if (!convertible) notes.push(`no ${currencies[0]}/USD rate for ${y}: values kept in ${currencies[0]}`);
    else if (currencies.some((c) => c !== "USD")) notes.push(`${currencies.filter((c) => c !== "USD").join(", ")} values converted to USD at the ECB annual average reference rate`);
  } else {
    for (const r of rows) byPartner.set(r.partner, (byPartner.get(r.partner) ?? 0) + (r.quantity as number));
    notes.push(`combined by quantity (${unit}): the quantity data cover more members or rest on narrower codes than the values`);
  }
  const missing = sel.absent.length ? [`no import records for ${sel.absent.join(", ")} in ${y}`] : [];
  const byDataset = new Map<string, Set<string>>();
  for (const r of rows) byDataset.set(r.dataset, (byDataset.get(r.dataset) ?? new Set()).add(r.classification));
  const info = await datasetInfo(store, [...byDataset.keys()]);
  for (const [ds, cls] of byDataset) notes.push(`${ds}: ${[...cls].join("/")} codes`);
  const products = [...byDataset].map(([dataset, cls]) => {
    const of = rows.filter((r) => r.dataset === dataset);
    return { dataset, kind: of[0].kind, classification: [...cls].join("/"), codes: [...new Set(of.flatMap((r) => r.codes.split("+")))].sort() };
  });
  const rowsOut = [...byPartner].filter(([, v]) => v > 0).map(([country, amount]) => ({ country, amount }));
  return {
    year: y,
    years,
    unit,
    total: rowsOut.reduce((a, r) => a + r.amount, 0),
    rows: rowsOut,
    sources: info.map((d) => ({ dataset: d.title ?? d.id, edition: d.edition ?? "", year: y })),
    notes,
    missing,
    coverage: sel.coverage,
    measure: sel.measure,
    products,
  };
}

/**
 * Why a bloc has no sourcing mix: the codes searched, which loaded trade datasets report imports for
 * the bloc's members at all, and what to load. Example: Japan's gallium (HS 811292) is in no shipped
 * source, while Japan's Comtrade HS4 sample and ITC quantities cover other products.
 */
async function whyNoSourcing(store: Store, codesOf: string, stage: Stage, bloc: Bloc, hs: string): Promise<string> {
  const scope = await sourcingSearchScope(store, codesOf, stage, bloc.members, hs);
  const shown = scope.codes.slice(0, 6).map((c) => `${c.classification} ${c.code}`).join(", ") + (scope.codes.length > 6 ? ", …" : "");
  const codes = scope.codes.length ? `its trade codes (${shown})` : "its trade codes (none in the catalogue for this stage)";
  const who = bloc.members.length > 3 ? `${bloc.id}'s members` : bloc.members.join(", ");
  const loaded = scope.datasets.length
    ? `trade datasets with imports by ${who}: ${scope.datasets.map((d) => `${d.dataset} (${d.reporters.length > 4 ? `${d.reporters.length} reporters` : d.reporters.join(", ")})`).join("; ")}, none under those codes`
    : `no trade dataset has imports by ${who}`;
  const example = scope.codes.find((c) => c.classification.startsWith("HS"))?.code;
  return `searched ${codes}; ${loaded}. ` +
    `Load the imports by partner, e.g. a UN Comtrade extract${example ? ` for HS ${example}` : ""}: chokepoint ingest comtrade FILE`;
}
