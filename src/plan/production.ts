import { ChokepointError } from "../domain/error.ts";
import { closest } from "../domain/suggest.ts";
import type { SourceRef, Stage } from "../domain/vocabulary.ts";
import { resolveStage, type Material } from "../store/queries/materials.ts";
import { restrictingCountries } from "../store/queries/plan.ts";
import { wgiFor, type PlanData } from "./plan-data.ts";
import { wgiEdition } from "../domain/wgi-edition.ts";

/** World supply of a material by country, as the planner needs it (the production basis of `exposure`). */
export interface ProductionView {
  material: string;
  stage: Stage;
  year: number;
  suppliers: { country: string; amount: number; aggregate?: boolean }[];
  total: { amount: number; unit: string };
  /** What the amounts measure, e.g. USGS "Mine production, contained cobalt". */
  measure: string;
  restricted: Set<string>;
  wgi: Map<string, { year: number; estimates: number[] }>;
  sources: SourceRef[];
  notes: string[];
}

const USGS = "USGS Mineral Commodity Summaries";

/**
 * Look up a material in the loaded catalogue; unknown ids name the closest ones.
 * @example findMaterial(data, "galium") // throws unknown_material (did you mean: gallium…)
 */
export function findMaterial(data: PlanData, id: string): Material {
  const m = data.materials.find((x) => x.id === id.trim().toLowerCase());
  if (m) return m;
  throw new ChokepointError(
    "unknown_material",
    `unknown material '${id}' (did you mean: ${closest(id, data.materials.map((x) => x.id)).join(", ")}?). Run \`chokepoint materials\` for the catalogue.`,
  );
}

function atStage(data: PlanData, m: Material, stage: Stage, year: number | undefined, members: string[]): Omit<ProductionView, "restricted" | "wgi" | "sources"> & { source: SourceRef } {
  const years = data.productionYears.get(`${m.id}|${stage}`) ?? [];
  const world = data.worldExports.get(`${m.id}|${stage}`) ?? [];
  if (!years.length && world.length) {
    // As exposure: without a production series, world supply = exporters' world totals (EI LNG).
    const wy = [...new Set(world.map((r) => r.year))].sort((a, b) => b - a);
    const y = year ?? wy[0];
    if (!wy.includes(y)) throw new ChokepointError("no_data", `no world trade data for ${m.id} in ${y}; years with data: ${wy.join(", ")}`);
    const these = world.filter((r) => r.year === y);
    return {
      material: m.id, stage, year: y,
      suppliers: these.map((r) => ({ country: r.partner, amount: r.quantity })),
      total: { amount: these.reduce((a, r) => a + r.quantity, 0), unit: these[0].qty_unit },
      measure: `exports by country to the world (${these[0].qty_unit})`,
      notes: [`no production series: world supply = exports by country in world trade (${these[0].qty_unit})`],
      source: { dataset: "Energy Institute Statistical Review of World Energy", edition: these[0].dataset.replace(/\D/g, ""), year: y },
    };
  }
  if (!years.length) {
    const rows = m.eu_study_name ? data.studyShares.get(`${m.eu_study_name}|${stage}`) ?? [] : [];
    if (!rows.length) throw new ChokepointError("no_data", `no production data for ${m.id} at stage ${stage} (neither a USGS series nor the EU 2023 study's global shares)`);
    if (year !== undefined && year !== 2020) throw new ChokepointError("no_data", `only the EU 2023 study's 2016–2020 average shares exist for ${m.id} (${stage}); use --year 2020`);
    const suppliers = rows.filter((r) => r.iso3).map((r) => ({ country: r.iso3 as string, amount: r.share }));
    return {
      material: m.id, stage, year: 2020, suppliers,
      total: { amount: rows.reduce((a, r) => a + r.share, 0), unit: "%" },
      measure: "share of global supply (EU 2023 study, 2016–2020 average)",
      notes: ["no USGS series for this stage: global shares from the EU 2023 study (average 2016–2020)", ...rows.filter((r) => !r.iso3).map((r) => `study row '${r.label}' has no ISO3 code`)],
      source: { dataset: "Study on the Critical Raw Materials for the EU 2023", edition: "2023", year: 2020 },
    };
  }
  const y = year ?? years[0];
  if (!years.includes(y)) throw new ChokepointError("no_data", `no USGS production of ${m.id} (${stage}) for ${y}; years with data: ${years.join(", ")}`);
  const rows = (data.production.get(`${m.id}|${stage}`) ?? []).filter((r) => r.year === y);
  const notes: string[] = [];
  const suppliers: ProductionView["suppliers"] = [];
  for (const r of rows) {
    if (r.iso3) suppliers.push({ country: r.iso3, amount: r.value_t });
    else if (r.is_aggregate) suppliers.push({ country: "OTHER", amount: r.value_t, aggregate: true });
    else notes.push(`USGS row '${r.label}' has no ISO3 code (${r.value_t} t left out)`);
  }
  if (rows.some((r) => r.is_estimate)) notes.push(`${y} figures are USGS estimates`);
  if (!suppliers.some((s) => members.includes(s.country))) notes.push(`no production recorded in the bloc for ${y}`);
  return {
    material: m.id, stage, year: y, suppliers,
    total: { amount: suppliers.reduce((a, s) => a + s.amount, 0), unit: "t" },
    measure: rows[0]?.type ?? "production",
    notes,
    source: { dataset: USGS, edition: (rows[0]?.edition ?? "").replace(/\D/g, ""), year: y },
  };
}

/**
 * World production by country for a material (USGS tonnes, else the EU 2023 study's shares), with
 * the same stage fallback, year rules and errors as `exposure(…, basis "production")`, from loaded data.
 * @example productionView(data, "cobalt", undefined, undefined, ["JPN"]).suppliers[0] // { country: "COD", … }
 */
export function productionView(data: PlanData, material: string, stage: string | undefined, year: number | undefined, members: string[]): ProductionView {
  const m = findMaterial(data, material);
  let s = resolveStage(m, stage);
  let base;
  try {
    base = atStage(data, m, s, year, members);
  } catch (e) {
    const other = m.stages.find((x) => x !== s) as Stage | undefined;
    if (stage !== undefined || !other || !(e instanceof ChokepointError) || e.code !== "no_data") throw e;
    base = atStage(data, m, other, year, members);
    base.notes.unshift(`no production data at the ${s} stage: showing ${other}`);
    s = other;
  }
  const wgi = wgiFor(data, base.year);
  const wgiYears = base.suppliers.filter((x) => !x.aggregate).map((x) => wgi.get(x.country)?.year).filter((y): y is number => !!y);
  // restrictionsAll already folds in measures on groups above and members below the material; a
  // measure aimed at named destinations restricts the bloc only when it names a member.
  const restricted = restrictingCountries(data.restrictions.get(m.id) ?? [], members);
  if (base.suppliers.some((x) => x.aggregate)) base.notes.push("'Other countries' rows are kept as one supplier (their split is unknown)");
  return {
    material: base.material,
    stage: s,
    year: base.year,
    suppliers: base.suppliers.sort((a, b) => b.amount - a.amount),
    total: base.total,
    measure: base.measure,
    restricted,
    wgi,
    sources: [base.source, ...(wgiYears.length ? [{ dataset: "Worldwide Governance Indicators", edition: wgiEdition(Math.max(...wgiYears)), year: Math.max(...wgiYears) }] : [])],
    notes: base.notes,
  };
}
