import type { Material } from "../store/queries/materials.ts";
import type { UnitValueRow } from "../store/queries/plan.ts";
import type { PlanData } from "./plan-data.ts";

/** One unit value: USD per tonne, the year it is from, and the datasets it was computed from. */
export interface UnitValue {
  usdPerTonne: number;
  year: number;
  tonnes: number;
  datasets: string[];
}

/** Unit values for a material: by origin (all importers), by origin for each partner's importers, and the average. */
export interface MaterialPrices {
  byOrigin: Map<string, UnitValue>;
  /** partner id → origin → unit value paid by that partner's members. */
  byPartner: Map<string, Map<string, UnitValue>>;
  average: UnitValue | null;
}

/** The trade codes of a material at a stage (its own and its group's; codes without a stage count for every stage). */
function codeRows(data: PlanData, m: Material, stage: string): UnitValueRow[] {
  const seen = new Set<string>();
  const out: UnitValueRow[] = [];
  for (const id of [m.id, ...(m.parent ? [m.parent] : [])]) {
    for (const c of data.codes.get(id) ?? []) {
      if (c.stage && c.stage !== stage) continue;
      const k = `${c.code}|${c.classification}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(...(data.unitValues.get(k) ?? []));
    }
  }
  return out;
}

/** Sum rows by origin and year, then keep each origin's latest year. */
function latestByOrigin(rows: readonly UnitValueRow[]): Map<string, UnitValue> {
  const sums = new Map<string, { usd: number; tonnes: number; ds: Set<string> }>();
  for (const r of rows) {
    const k = `${r.origin}|${r.year}`;
    const s = sums.get(k) ?? { usd: 0, tonnes: 0, ds: new Set<string>() };
    s.usd += r.usd;
    s.tonnes += r.tonnes;
    for (const d of r.datasets.split(",")) s.ds.add(d);
    sums.set(k, s);
  }
  const out = new Map<string, UnitValue>();
  for (const [k, s] of sums) {
    const [origin, y] = k.split("|");
    const year = Number(y);
    if (s.tonnes <= 0 || (out.get(origin)?.year ?? -Infinity) > year) continue;
    out.set(origin, { usdPerTonne: s.usd / s.tonnes, year, tonnes: s.tonnes, datasets: [...s.ds].sort() });
  }
  return out;
}

/**
 * Unit values (USD/t) of a material from trade rows with both value and mass, latest year ≤ `year`
 * per origin: over all importers, and over each partner's members only (what the EU and Japan
 * each pay). The average weights origins by their tonnes.
 * @example materialPrices(data, gallium, "processing", 2023, [{ id: "JPN", members: ["JPN"] }]).byPartner.get("JPN")?.get("CHN")
 */
export function materialPrices(data: PlanData, m: Material, stage: string, year: number, partners: readonly { id: string; members: readonly string[] }[]): MaterialPrices {
  const rows = codeRows(data, m, stage).filter((r) => r.year <= year);
  const byOrigin = latestByOrigin(rows);
  const byPartner = new Map(
    partners.map((p) => {
      const set = new Set(p.members);
      return [p.id, latestByOrigin(rows.filter((r) => set.has(r.importer)))] as const;
    }),
  );
  const all = [...byOrigin.values()];
  const tonnes = all.reduce((t, u) => t + u.tonnes, 0);
  const average =
    tonnes > 0
      ? {
          usdPerTonne: all.reduce((t, u) => t + u.usdPerTonne * u.tonnes, 0) / tonnes,
          year: Math.max(...all.map((u) => u.year)),
          tonnes,
          datasets: [...new Set(all.flatMap((u) => u.datasets))].sort(),
        }
      : null;
  return { byOrigin, byPartner, average };
}
