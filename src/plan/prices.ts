import type { Material } from "../store/queries/materials.ts";
import type { BaciUnitValueRow, UnitValueRow } from "../store/queries/plan.ts";
import type { PlanData } from "./plan-data.ts";

/** Where a unit value comes from: the dataset, its edition, the year and the trade codes summed. */
export interface PriceSource {
  dataset: string;
  edition: string | null;
  year: number;
  codes: string[];
}

/** One unit value: USD per tonne, the year it is from, and the datasets it was computed from. */
export interface UnitValue {
  usdPerTonne: number;
  year: number;
  tonnes: number;
  datasets: string[];
  source: PriceSource;
}

/** Unit values for a material: by origin (all importers), by origin for each partner's importers, and the average. */
export interface MaterialPrices {
  byOrigin: Map<string, UnitValue>;
  /** partner id → origin → unit value paid by that partner's members. */
  byPartner: Map<string, Map<string, UnitValue>>;
  /** Tonnage-weighted mean over origins: the default for origins without their own. */
  average: UnitValue | null;
  /** "stage": the average is of this stage's records; "other stage": none here, so another stage's stands in. */
  averageBasis: "stage" | "other stage" | null;
  /** Codes behind the prices that are baskets broader than the material (their unit value mixes products). */
  baskets: string[];
  /** The stage's HS6 codes that no unit value behind the prices covers (e.g. not among the shipped BACI codes). */
  codesWithout: string[];
}

export const BACI = "CEPII BACI";

/** Rows in one common shape: origin, importer, year, USD, tonnes, dataset, edition, code. */
interface Row {
  origin: string;
  importer: string;
  year: number;
  usd: number;
  tonnes: number;
  dataset: string;
  edition: string | null;
  code: string;
}

/** The material's catalogue codes at a stage (own, then its group's; codes without a stage count for every stage). */
function codesAt(data: PlanData, m: Material, stage: string | null) {
  const own = (id: string) => (data.codes.get(id) ?? []).filter((c) => stage === null || !c.stage || c.stage === stage);
  const mine = own(m.id);
  return mine.length || !m.parent ? mine : own(m.parent);
}

/** BACI rows under the codes (HS6 exactly, HS4 by heading), each BACI code once. */
function baciRows(data: PlanData, codes: ReturnType<typeof codesAt>): Row[] {
  const hs6 = new Set(codes.filter((c) => c.classification === "HS6").map((c) => c.code));
  const hs4 = new Set(codes.filter((c) => c.classification === "HS4").map((c) => c.code));
  const out: Row[] = [];
  for (const [code, rows] of data.baciUnitValues) {
    if (!hs6.has(code) && !hs4.has(code.slice(0, 4))) continue;
    for (const r of rows) out.push(fromBaci(r));
  }
  return out;
}

const fromBaci = (r: BaciUnitValueRow): Row => ({ origin: r.origin, importer: r.importer, year: r.year, usd: r.usd, tonnes: r.tonnes, dataset: BACI, edition: r.release, code: r.hs6 });

/** Rows of table `trade` (Comtrade, Comext, ITC) that carry value and mass, under the codes. */
function tradeRows(data: PlanData, codes: ReturnType<typeof codesAt>): Row[] {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const c of codes) {
    const k = `${c.code}|${c.classification}`;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const r of data.unitValues.get(k) ?? []) out.push(fromTrade(r));
  }
  return out;
}

const fromTrade = (r: UnitValueRow): Row => ({ origin: r.origin, importer: r.importer, year: r.year, usd: r.usd, tonnes: r.tonnes, dataset: r.datasets, edition: null, code: r.code });

/** The year nearest `year` among `years` (ties go to the earlier one). @example nearestYear([2022, 2024], 2023) // 2022 */
export function nearestYear(years: Iterable<number>, year: number): number | undefined {
  let best: number | undefined;
  for (const y of years) if (best === undefined || Math.abs(y - year) < Math.abs(best - year) || (Math.abs(y - year) === Math.abs(best - year) && y < best)) best = y;
  return best;
}

/** Per origin: the rows of its year nearest the plan year, summed into one unit value. */
function byOriginOf(rows: readonly Row[], year: number): Map<string, UnitValue> {
  const years = new Map<string, Set<number>>();
  for (const r of rows) years.set(r.origin, (years.get(r.origin) ?? new Set()).add(r.year));
  const acc = new Map<string, { usd: number; tonnes: number; ds: Set<string>; ed: Set<string>; codes: Set<string>; year: number }>();
  for (const r of rows) {
    const y = nearestYear(years.get(r.origin)!, year)!;
    if (r.year !== y) continue;
    const a = acc.get(r.origin) ?? { usd: 0, tonnes: 0, ds: new Set<string>(), ed: new Set<string>(), codes: new Set<string>(), year: y };
    a.usd += r.usd;
    a.tonnes += r.tonnes;
    for (const d of r.dataset.split(",")) a.ds.add(d);
    if (r.edition) a.ed.add(r.edition);
    a.codes.add(r.code);
    acc.set(r.origin, a);
  }
  const out = new Map<string, UnitValue>();
  for (const [origin, a] of acc) {
    if (a.tonnes <= 0 || a.usd <= 0) continue;
    const datasets = [...a.ds].sort();
    out.set(origin, {
      usdPerTonne: a.usd / a.tonnes, year: a.year, tonnes: a.tonnes, datasets,
      source: { dataset: datasets.join(", "), edition: a.ed.size ? [...a.ed].sort().join(", ") : null, year: a.year, codes: [...a.codes].sort() },
    });
  }
  return out;
}

/** BACI first (reconciled, every importer), then the other trade records for origins BACI lacks. */
function preferBaci(baci: readonly Row[], trade: readonly Row[], year: number): Map<string, UnitValue> {
  const out = byOriginOf(baci, year);
  for (const [o, u] of byOriginOf(trade, year)) if (!out.has(o)) out.set(o, u);
  return out;
}

function averageOf(by: Map<string, UnitValue>): UnitValue | null {
  const all = [...by.values()];
  const tonnes = all.reduce((t, u) => t + u.tonnes, 0);
  if (!(tonnes > 0)) return null;
  const datasets = [...new Set(all.flatMap((u) => u.datasets))].sort();
  const year = Math.max(...all.map((u) => u.year));
  const eds = [...new Set(all.map((u) => u.source.edition).filter((e): e is string => !!e))].sort();
  return {
    usdPerTonne: all.reduce((t, u) => t + u.usdPerTonne * u.tonnes, 0) / tonnes, year, tonnes, datasets,
    source: { dataset: datasets.join(", "), edition: eds.length ? eds.join(", ") : null, year, codes: [...new Set(all.flatMap((u) => u.source.codes))].sort() },
  };
}

/**
 * Unit values (USD/t) of a material at a stage from trade records that carry value and mass:
 * CEPII BACI (reconciled, every importer) first, then Comtrade/Comext/ITC records for origins BACI
 * lacks; per origin the year nearest the plan year. Over all importers, and over each partner's
 * members only (what the EU and Japan each pay). The average weights origins by their tonnes;
 * without any record at this stage, another stage's average stands in (`averageBasis`).
 * @example materialPrices(data, gallium, "processing", 2023, [{ id: "JPN", members: ["JPN"] }]).byOrigin.get("CHN")?.source // { dataset: "CEPII BACI", year: 2024, codes: ["811292"] }
 */
export function materialPrices(data: PlanData, m: Material, stage: string, year: number, partners: readonly { id: string; members: readonly string[] }[]): MaterialPrices {
  const codes = codesAt(data, m, stage);
  const baci = baciRows(data, codes);
  const trade = tradeRows(data, codes);
  const byOrigin = preferBaci(baci, trade, year);
  const byPartner = new Map(
    partners.map((p) => {
      const set = new Set(p.members);
      const mine = (r: Row) => set.has(r.importer);
      return [p.id, preferBaci(baci.filter(mine), trade.filter(mine), year)] as const;
    }),
  );
  let average = averageOf(byOrigin);
  let averageBasis: MaterialPrices["averageBasis"] = average ? "stage" : null;
  let used = [...byOrigin.values()].flatMap((u) => u.source.codes);
  if (!average) {
    const any = codesAt(data, m, null);
    const other = averageOf(preferBaci(baciRows(data, any), tradeRows(data, any), year));
    if (other) {
      average = other;
      averageBasis = "other stage";
      used = other.source.codes;
    }
  }
  const basketCodes = new Set(codesAt(data, m, null).filter((c) => c.basket).map((c) => c.code));
  const baskets = [...new Set(used.filter((c) => basketCodes.has(c) || basketCodes.has(c.slice(0, 4))))].sort();
  const hs6 = [...new Set(codes.filter((c) => c.classification === "HS6").map((c) => c.code))];
  const codesWithout = averageBasis === "stage" ? hs6.filter((c) => !used.includes(c)).sort() : [];
  return { byOrigin, byPartner, average, averageBasis, baskets, codesWithout };
}
