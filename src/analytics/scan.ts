import { ChokepointError } from "../domain/error.ts";
import type { Bloc } from "../domain/blocs.ts";
import { resolveBloc } from "../store/queries/blocs.ts";
import type { SourceRef } from "../domain/vocabulary.ts";
import { ensureBaciSchema } from "../store/queries/baci-tables.ts";
import { baciCoverage, baciLoad, baciYears, clearTornBaciYear, materialsByHs6, scanAggregates, type ScanAggregate } from "../store/queries/scan.ts";
import type { Store } from "../store/store.ts";
import { dependencyCriteria, EC_2021_THRESHOLDS, hhiFromSums, type DependencyCriteria } from "./scan-criteria.ts";

export interface ScanOptions {
  /** BACI year; default the latest loaded. */
  year?: number;
  /** A bloc spec (`EU27`, `JPN`, `ALLIANCE`, `G7`, `JPN,KOR`) or a resolved bloc. */
  bloc: string | Bloc;
  /** Keep only products whose top supplier has at least this share (0–1) of extra-bloc imports. */
  minTopShare?: number;
  /** Keep only products meeting all three Commission criteria. */
  dependentOnly?: boolean;
  /** Keep only products that carry a catalogue material (an HS6 line or HS4 heading of one). */
  materialsOnly?: boolean;
}

export interface ScanProduct {
  rank: number;
  hs6: string;
  description: string | null;
  materials: { material: string; stage: string; basket: boolean }[];
  /** Extra-bloc imports in USD (BACI's thousands of USD × 1000). */
  importValue: number;
  suppliers: number;
  hhi: number;
  hhi10000: number;
  top: { country: string; share: number; value: number };
  /** The top supplier's share of world exports of the product: near 1, the bloc cannot switch. */
  topWorldShare: number;
  /** HHI of world exports by exporter. */
  worldHhi: number;
  intraBlocImports: number;
  blocExports: number;
  criteria: Omit<DependencyCriteria, "dependent">;
  dependent: boolean;
  year: number;
}

export interface ScanResult {
  year: number;
  bloc: string;
  members: string[];
  classification: string;
  units: { value: "USD"; share: "fraction 0-1" };
  method: string;
  thresholds: typeof EC_2021_THRESHOLDS;
  sources: SourceRef[];
  coverage: { productsImported: number; productsListed: number; dependent: number; missingMembers: string[]; unmappedCountryCodes: number[] };
  /** Every BACI year loaded, newest first (to compare years). */
  yearsLoaded: number[];
  products: ScanProduct[];
}

/**
 * The every-product chokepoint scan: for each HS6 product a bloc imports from outside, the value,
 * supplier count, HHI, top supplier and share, that supplier's share of world exports, and the
 * Commission's dependency flag (SWD(2021) 352; see `scan-criteria.ts`). Ranked dependent first,
 * then by import value. Reads one year's `baci_trade_<year>` and `baci_world_<year>`.
 *
 * @example
 * const r = await scan(store, { year: 2022, bloc: "EU27", minTopShare: 0.5 });
 * r.products[0] // { hs6: "811292", importValue: 1e6, top: { country: "CHN", share: 0.9, … }, dependent: true, … }
 */
export async function scan(store: Store, opts: ScanOptions): Promise<ScanResult> {
  await ensureBaciSchema(store); // a database from before per-year tables is moved over once
  const years = await baciYears(store);
  if (!years.length) {
    throw new ChokepointError("no_data", "no BACI trade loaded (run: chokepoint ingest baci BACI_HS22_V202501/)");
  }
  const year = opts.year ?? years[0];
  const load = await baciLoad(store, year);
  if (!load) throw new ChokepointError("no_data", `no BACI trade for ${year} (loaded years: ${years.join(", ")})`);
  if (load.present !== load.rows) {
    // Only a load killed while committing gets here (DuckDB can replay part of a torn WAL): clear
    // the year so the next `ingest baci` of either file is not skipped as already loaded.
    await clearTornBaciYear(store, year);
    throw new ChokepointError(
      "no_data",
      `BACI ${year} was incomplete in the database (${load.present} rows, ${load.rows} recorded: an interrupted load) and has been cleared; load the year's file again with chokepoint ingest baci`,
    );
  }
  if (opts.minTopShare !== undefined && !(opts.minTopShare >= 0 && opts.minTopShare <= 1)) {
    throw new ChokepointError("invalid_input", `--min-top-share must be a fraction 0–1 (got ${opts.minTopShare})`);
  }
  const bloc = await resolveBloc(store, opts.bloc);
  const [rows, coverage, materials] = [
    await scanAggregates(store, year, bloc.members),
    await baciCoverage(store, year, bloc.members),
    await materialsByHs6(store),
  ];
  const all = rows.map((r) => toProduct(r, year, materials));
  all.sort((a, b) => Number(b.dependent) - Number(a.dependent) || b.importValue - a.importValue || a.hs6.localeCompare(b.hs6));
  const listed = all.filter(
    (p) =>
      (opts.minTopShare === undefined || p.top.share >= opts.minTopShare) && (!opts.dependentOnly || p.dependent) &&
      (!opts.materialsOnly || p.materials.length > 0),
  );
  listed.forEach((p, i) => (p.rank = i + 1));
  return {
    year,
    bloc: bloc.id,
    members: bloc.members,
    classification: load.classification,
    units: { value: "USD", share: "fraction 0-1" },
    method: "European Commission SWD(2021) 352 bottom-up screening: HHI > 0.4, extra-bloc share of imports > 0.5, extra-bloc imports / bloc exports > 1",
    thresholds: EC_2021_THRESHOLDS,
    sources: [{ dataset: "CEPII BACI", edition: [load.classification, load.release].filter(Boolean).join(" "), year }],
    coverage: {
      productsImported: all.length,
      productsListed: listed.length,
      dependent: all.filter((p) => p.dependent).length,
      missingMembers: coverage.missingMembers,
      unmappedCountryCodes: coverage.unmappedCodes,
    },
    products: listed,
    yearsLoaded: years,
  };
}

function toProduct(r: ScanAggregate, year: number, materials: Map<string, ScanProduct["materials"]>): ScanProduct {
  const hhi = hhiFromSums(r.extSq, r.extKusd);
  const { dependent, ...criteria } = dependencyCriteria({
    extraImports: r.extKusd,
    intraImports: r.intraKusd,
    blocExports: r.blocExportsKusd,
    hhi,
  });
  return {
    rank: 0,
    hs6: r.hs6,
    description: r.description,
    materials: [...(materials.get(r.hs6) ?? []), ...(materials.get(r.hs6.slice(0, 4)) ?? [])],
    importValue: r.extKusd * 1000,
    suppliers: r.suppliers,
    hhi,
    hhi10000: hhi * 10000,
    top: { country: r.topIso3 ?? `BACI:${r.topCode}`, share: r.topKusd / r.extKusd, value: r.topKusd * 1000 },
    topWorldShare: r.topWorldKusd / r.worldKusd,
    worldHhi: hhiFromSums(r.worldSq, r.worldKusd),
    intraBlocImports: r.intraKusd * 1000,
    blocExports: r.blocExportsKusd * 1000,
    criteria,
    dependent,
    year,
  };
}
