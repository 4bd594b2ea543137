import type { Coverage } from "../analytics/sourcing/select.ts";
import type { Assumption } from "./defaults.ts";
import type { PlanContext } from "./inputs.ts";
import type { PriceSource, UnitValue } from "./prices.ts";
import type { PlanProblem } from "./problem.ts";

/** A price the plan used: from trade data (with its source: dataset, year, codes) or a default, said as such. */
export interface PriceUsed {
  value: number;
  basis: "trade" | "default";
  /** whose purchases the unit value averages: every importer, or one partner's members */
  scope?: string;
  year?: number;
  datasets?: string[];
  source?: PriceSource;
  /** for a default: what stands in and why */
  why?: string;
}

export interface PricesReport {
  /** "trade" when every planned price comes from unit values, "mixed" when some are defaults, "default" when none do. */
  basis: "trade" | "mixed" | "default";
  unit: string;
  suppliers: { country: string; option?: string; price: PriceUsed; partners?: Record<string, PriceUsed> }[];
  /** whether every price is data for this material and stage, and what is defaulted, a basket or on another basis */
  coverage: Coverage;
  meaning: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const fromData = (u: UnitValue, scope: string): PriceUsed => ({ value: round(u.usdPerTonne), basis: "trade", scope, year: u.year, datasets: u.datasets, source: u.source });

/**
 * Which price each supplier (and each partner, for the alliance) was planned at, with its source,
 * and whether it is data or a default. Defaults: the material's average unit value for origins
 * without their own (another stage's average when the stage has none), 1 per unit (relative) when
 * the material has no unit values at all. Named new-capacity options are priced at their documented
 * operating cost (see `newCapacityOptions`) and are not listed here.
 * @example pricesReport(problem, context).suppliers[0].price.source // { dataset: "CEPII BACI", edition: "V202601", year: 2024, codes: ["250490"] }
 */
export function pricesReport(p: PlanProblem, ctx: PlanContext): PricesReport {
  const pr = ctx.prices;
  const avg = pr?.average ?? null;
  const unit = avg ? "USD/t" : "relative (1 per unit)";
  const why = !avg
    ? "no trade records with value and mass for this material: 1 per unit (costs are relative)"
    : pr!.averageBasis === "other stage"
      ? `no trade records with value and mass at the ${ctx.stage} stage: the material's tonnage-weighted average at another stage (${avg.source.dataset} ${avg.year}, ${avg.source.codes.join("+")})`
      : `no trade records with value and mass for this origin: the material's tonnage-weighted average over the origins that have them (${avg.source.dataset}, ${avg.source.codes.join("+")})`;
  const fallback: PriceUsed = { value: round(avg?.usdPerTonne ?? 1), basis: "default", why };
  const rows = p.suppliers.filter((s) => !s.option);
  const suppliers = rows.map((s) => {
    const own = pr?.byOrigin.get(s.country);
    const price = own ? fromData(own, "all importers") : fallback;
    if (p.partners.length < 2) return { country: s.country, price };
    const partners = Object.fromEntries(
      p.partners.map((q) => {
        const mine = pr?.byPartner.get(q.id)?.get(s.country);
        return [q.id, mine ? fromData(mine, `${q.id} importers`) : price];
      }),
    );
    return { country: s.country, price, partners };
  });
  const defaulted = suppliers.filter((s) => s.price.basis === "default").map((s) => s.country);
  const trade = suppliers.length - defaulted.length;
  const warnings: string[] = [];
  if (!avg) warnings.push(`costs are relative: ${why}`);
  else if (pr!.averageBasis === "other stage") warnings.push(`every supplier priced at a default: ${why}`);
  else if (defaulted.length) warnings.push(`default price for ${list(defaulted)}: ${why}`);
  if (pr?.baskets.length) warnings.push(`unit values rest on basket code${pr.baskets.length > 1 ? "s" : ""} ${pr.baskets.join(", ")} (broader than the material): they price the basket's mix`);
  if (pr?.codesWithout.length) warnings.push(`unit values cover ${[...new Set([...pr.byOrigin.values()].flatMap((u) => u.source.codes))].sort().join(", ")} but not ${pr.codesWithout.join(", ")} (no trade records with value and mass under ${pr.codesWithout.length > 1 ? "those codes" : "that code"})`);
  if (avg && /contain|content|equivalent/i.test(ctx.measure)) {
    warnings.push(`volumes are USGS "${ctx.measure}"; unit values are per tonne of the traded product (${avg.source.codes.join("+")}, gross weight), so costs per tonne of content are understated where the product is an ore or a compound`);
  }
  return {
    basis: trade === 0 ? "default" : trade === suppliers.length ? "trade" : "mixed",
    unit,
    suppliers,
    coverage: { complete: defaulted.length === 0 && !!avg && !pr?.baskets.length && !pr?.codesWithout.length, warnings },
    meaning:
      "price: unit value (USD per tonne) of the supplier's shipments, from CEPII BACI (reconciled, every importer) where it has quantities, else from " +
      "trade records (Comtrade, Comext) that carry both value and mass; per origin the year nearest the plan year; source names dataset, edition, year and codes. " +
      "partners: what that partner's members paid that supplier (the supplier's price for all importers when they bought none). " +
      "basis 'default' means no such records for that origin ('why' says what stands in)",
  };
}

function list(xs: string[]): string {
  return xs.length > 8 ? `${xs.length} origins (${xs.slice(0, 8).join(", ")}, …)` : xs.join(", ");
}

/** Assumptions to add when prices are defaults, so nobody reads them as data. */
export function priceAssumptions(report: PricesReport): Record<string, Assumption> {
  const d = report.suppliers.find((s) => s.price.basis === "default")?.price;
  if (!d) return {};
  return {
    defaultUnitCost: { value: d.value, unit: report.unit, meaning: "price used for every supplier without its own unit value in the trade data; see prices.suppliers[].price.basis", source: `default: ${d.why}` },
  };
}
