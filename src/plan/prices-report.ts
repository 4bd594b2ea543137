import type { Assumption } from "./defaults.ts";
import type { PlanContext } from "./inputs.ts";
import type { PlanProblem } from "./problem.ts";

/** A price the plan used: from trade data (with year and datasets) or a default, said as such. */
export interface PriceUsed {
  value: number;
  basis: "trade" | "default";
  year?: number;
  datasets?: string[];
}

export interface PricesReport {
  /** "trade" when every planned price comes from unit values, "mixed" when some are defaults, "default" when none do. */
  basis: "trade" | "mixed" | "default";
  unit: string;
  suppliers: { country: string; price: PriceUsed; partners?: Record<string, PriceUsed> }[];
  meaning: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Which price each supplier (and each partner, for the alliance) was planned at, and whether it is
 * data or a default. Defaults: the material's average unit value for origins without their own,
 * 1 per unit (relative) when the material has no unit values at all.
 * @example pricesReport(problem, context).basis // "mixed"
 */
export function pricesReport(p: PlanProblem, ctx: PlanContext): PricesReport {
  const pr = ctx.prices;
  const avg = pr?.average;
  const unit = avg ? "USD/t" : "relative (1 per unit)";
  const used = (u: { usdPerTonne: number; year: number; datasets: string[] } | undefined): PriceUsed =>
    u ? { value: round(u.usdPerTonne), basis: "trade", year: u.year, datasets: u.datasets } : { value: round(avg?.usdPerTonne ?? 1), basis: "default" };
  const suppliers = p.suppliers.map((s) => {
    const price = used(pr?.byOrigin.get(s.country));
    if (p.partners.length < 2) return { country: s.country, price };
    const partners = Object.fromEntries(p.partners.map((q) => [q.id, pr?.byPartner.get(q.id)?.get(s.country) ? used(pr.byPartner.get(q.id)!.get(s.country)) : { ...price, basis: "default" as const }]));
    return { country: s.country, price, partners };
  });
  const all = suppliers.flatMap((s) => [s.price, ...Object.values(s.partners ?? {})]);
  const trade = all.filter((x) => x.basis === "trade").length;
  return {
    basis: trade === 0 ? "default" : trade === all.length ? "trade" : "mixed",
    unit,
    suppliers,
    meaning:
      "price: unit value (USD per tonne) of the supplier's shipments in trade records that carry both value and mass, latest year ≤ the plan year; " +
      "partners: what that partner's members paid that supplier; basis 'default' means no such records: the material's tonnage-weighted average " +
      "unit value (a partner without its own falls back to the supplier's price for all importers), or 1 per unit when the material has none",
  };
}

/** Assumptions to add when prices are defaults, so nobody reads them as data. */
export function priceAssumptions(report: PricesReport): Record<string, Assumption> {
  if (report.basis === "trade") return {};
  const value = report.suppliers.find((s) => s.price.basis === "default")?.price.value ?? 1;
  return {
    defaultUnitCost: {
      value,
      unit: report.unit,
      meaning: "price used for every supplier (or partner) without its own unit value in the trade data; see prices.suppliers[].price.basis",
      source: report.basis === "default" ? "default: no trade records with value and mass for this material (costs are relative)" : "default: the material's average unit value from the trade records that have value and mass",
    },
  };
}
