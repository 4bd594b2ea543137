import type { SourceRef } from "../domain/vocabulary.ts";
import { ChokepointError } from "../domain/error.ts";
import type { Coverage } from "../analytics/sourcing/select.ts";
import type { Store } from "../store/store.ts";
import { inBloc } from "./build-model.ts";
import { compareSeparate, type Comparison } from "./compare.ts";
import { PLAN_DEFAULTS, DEMAND_SHARE, type Assumption } from "./defaults.ts";
import { buildProblem, type PlanContext, type PlanPolicyReport } from "./inputs.ts";
import { solveOrRelax, type Feasibility } from "./feasibility.ts";
import { loadPlanData, type PlanData } from "./plan-data.ts";
import { priceAssumptions, pricesReport, type PricesReport } from "./prices-report.ts";
import type { PlanProblem } from "./problem.ts";
import { splitBloc, type PlanInput, type PlanRequest } from "./request.ts";
import { compareWithPlan, currentMix, type CurrentMix } from "./current-mix.ts";
import { sizeStockpile, type StockpileSizing } from "./stockpile.ts";
import { importsAtOtherStage, otherStageWarnings } from "../analytics/other-stage-imports.ts";

export interface PlanSupplier {
  country: string;
  share: number;
  volume: number;
  inBloc: boolean;
  trusted: boolean;
  newCapacity: number;
  /** The named new-capacity option this row is (see `newCapacityOptions`). */
  option?: string;
}

/** A named new-capacity option offered to the plan, and how much of it the plan builds. */
export interface NewCapacityOption {
  id: string;
  name: string;
  country: string;
  kind: string;
  built: number;
  capacityByHorizon: number;
  horizonYear: number;
  capexUsd: number;
  annualisedCapexPerTpa: number;
  annualCost: number;
  opexUsdPerTonne: number;
  opexBasis: "source" | "assumption";
  capexScope: string;
  sources: { title: string; url: string }[];
}

export interface PlanReport {
  material: string;
  stage: string;
  /** the bloc's id (`ALLIANCE`, `KOR,EU27`); its members in `blocMembers` */
  bloc: string;
  blocMembers: string[];
  year: number;
  units: { volume: string; cost: string; perYear: true };
  demand: { total: number; partners: { id: string; demand: number; share: number }[] };
  plan: {
    suppliers: PlanSupplier[];
    cost: number;
    costBreakdown: { sourcing: number; investment: number; stockpile: number; shortfallPenalty: number };
    risk: { expectedShortfall: number; governanceRisk: number; topThirdCountry: { country: string; share: number } | null };
    stockpile: number;
    stockpileDays: number;
    partners?: { id: string; cost: number; stockpileDays: number; suppliers: { country: string; share: number }[] }[];
    binding: string[];
    source: SourceRef[];
  };
  /** The bloc's sourcing today at the plan's stage, in shares of tonnes like the plan (null: not asked, or no import records). */
  current: CurrentMix | null;
  shadowPrices: { country: string; option?: string; trusted: boolean; valuePerUnit: number; newCapacity: number; meaning: string }[];
  feasibility: Feasibility;
  policy: PlanPolicyReport;
  newCapacityOptions: NewCapacityOption[];
  /** The stockpile to read: the scenario sizing when one was asked for, else the optimiser's own. */
  stockpileHeadline: { days: number | null; basis: "scenario sizing" | "optimiser"; explanation: string };
  comparison?: Comparison;
  stockpileSizing?: StockpileSizing;
  prices: PricesReport;
  assumptions: Record<string, Assumption>;
  sources: SourceRef[];
  /** Whether every figure behind the plan is data (prices, production, today's mix), and what is not. */
  coverage: Coverage;
  notes: string[];
}

const round = (x: number, d = 6) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Plan the sourcing mix, new trusted capacity and stockpile of a bloc for one material: least
 * expected cost under the single-third-country cap and a minimum trusted share (HiGHS LP/MILP).
 * @example
 * const r = await plan(store, { material: "gallium", bloc: "ALLIANCE", maxShare: 0.65, compareSeparate: true });
 * r.plan.suppliers[0] // { country: "CHN", share: 0.65, … }
 * Pass `data` (from `loadPlanData`) to plan many materials without re-reading the store. The CLI
 * and the API pass the bloc resolved at the edge (`withBloc`); a spec is resolved against `data.blocs`.
 */
export async function plan(store: Store, request: PlanInput | PlanRequest | Record<string, unknown>, data?: PlanData): Promise<PlanReport> {
  const { req, bloc } = splitBloc(request);
  const built = buildProblem(data ?? (await loadPlanData(store)), req, bloc ?? undefined);
  const ctx = built.context;
  const notes = [...ctx.notes];
  const { problem: p, solution: sol, feasibility } = await solveOrRelax(built.problem, ctx.costUnit === "USD" ? (ctx.prices?.average?.usdPerTonne ?? null) : null, req.strict);
  if (!feasibility.feasible) notes.push(`no plan meets the request as asked; shown: the plan under ${feasibility.change!.map((c) => `${c.field} ${c.to}`).join(", ")} (see feasibility)`);
  const prices = pricesReport(p, ctx);
  const demand = p.partners.reduce((t, q) => t + q.demand, 0);
  const totals = p.suppliers.map((_, i) => sol.partners.reduce((t, q) => t + q.volumes[i], 0));
  const suppliers: PlanSupplier[] = p.suppliers
    .map((s, i) => ({ country: s.country, share: round(totals[i] / demand), volume: round(totals[i], 4), inBloc: inBloc(p, s.country), trusted: s.trusted, newCapacity: round(sol.newCapacity[i], 4), ...(s.option ? { option: s.option } : {}) }))
    .filter((s) => s.volume > 1e-9 || s.newCapacity > 1e-9)
    .sort((a, b) => b.share - a.share);
  const third = suppliers.filter((s) => !s.inBloc);
  const stock = sol.partners.reduce((t, q) => t + q.stockpile, 0);
  const penalty = p.params.risk === "shortfall" ? p.params.voll * sol.expectedShortfall : 0;
  const report: PlanReport = {
    material: ctx.material,
    stage: ctx.stage,
    bloc: ctx.bloc,
    blocMembers: ctx.blocMembers,
    year: ctx.year,
    units: { volume: ctx.volumeUnit, cost: ctx.costUnit, perYear: true },
    demand: { total: round(demand, 4), partners: p.partners.map((q) => ({ id: q.id, demand: round(q.demand, 4), share: DEMAND_SHARE[q.id]?.value ?? req.demandShare ?? 0 })) },
    plan: {
      suppliers,
      cost: round(sol.objective, 3),
      costBreakdown: { sourcing: round(sol.sourcingCost, 3), investment: round(sol.investmentCost, 3), stockpile: round(sol.holdingCost, 3), shortfallPenalty: round(penalty, 3) },
      risk: { expectedShortfall: round(sol.expectedShortfall), governanceRisk: round(sol.governanceRisk), topThirdCountry: third[0] ? { country: third[0].country, share: third[0].share } : null },
      stockpile: round(stock, 4),
      stockpileDays: round((stock / demand) * 365, 2),
      ...(p.partners.length > 1
        ? {
            partners: sol.partners.map((q) => ({
              id: q.id,
              cost: round(q.cost, 3),
              stockpileDays: round((q.stockpile / q.demand) * 365, 2),
              suppliers: p.suppliers.map((s, i) => ({ country: s.country, share: round(q.volumes[i] / q.demand) })).filter((s) => s.share > 0).sort((a, b) => b.share - a.share),
            })),
          }
        : {}),
      binding: sol.binding,
      source: ctx.sources,
    },
    current: req.current === false ? null : await currentMix(store, req.year, ctx, p, notes),
    shadowPrices: p.suppliers
      .map((s, i) => ({ country: s.country, ...(s.option ? { option: s.option } : {}), trusted: s.trusted, valuePerUnit: round(sol.capacityShadow[i], 4), newCapacity: round(sol.newCapacity[i], 4) }))
      .filter((s) => s.valuePerUnit > 1e-9)
      .sort((a, b) => b.valuePerUnit - a.valuePerUnit)
      .map((s) => ({ ...s, meaning: `${ctx.costUnit} per year saved by one more ${ctx.volumeUnit}/yr available from ${s.option ?? s.country}` })),
    feasibility,
    policy: ctx.policy,
    newCapacityOptions: ctx.options.map((o) => {
      const i = p.suppliers.findIndex((s) => s.option === o.id);
      const b = i >= 0 ? sol.newCapacity[i] : 0;
      const used = i >= 0 ? totals[i] : 0;
      return {
        id: o.id, name: o.name, country: o.country, kind: o.kind,
        built: round(b, 4), capacityByHorizon: o.capacityByHorizon, horizonYear: o.horizonYear,
        capexUsd: Math.round(o.capexUsd), annualisedCapexPerTpa: Math.round(o.capexUsdPerTpaYear),
        annualCost: Math.round(b * o.capexUsdPerTpaYear + used * o.opexUsdPerTonne),
        opexUsdPerTonne: Math.round(o.opexUsdPerTonne), opexBasis: o.opexBasis, capexScope: o.capexScope, sources: o.sources,
      };
    }),
    stockpileHeadline: {
      days: round((stock / demand) * 365, 2),
      basis: "optimiser",
      explanation: "the optimiser's stock: the reserve that minimises holding cost plus the expected cost of supplier cuts under the model's disruption odds (assumptions disruptionBase, disruptionMonths)",
    },
    prices,
    assumptions: { ...PLAN_DEFAULTS, ...priceAssumptions(prices), ...Object.fromEntries(p.partners.map((q) => [`demandShare${q.id}`, DEMAND_SHARE[q.id] ?? { value: req.demandShare!, unit: "share of world supply", meaning: `${q.id} share of world demand`, source: "--demand-share" }])) },
    sources: ctx.sources,
    coverage: { complete: true, warnings: [] },
    notes,
  };
  if (report.current) {
    const priceOf = (i: number) => p.partners.reduce((t, _, pi) => t + sol.partners[pi].volumes[i] * (p.suppliers[i].partnerCost?.[pi] ?? p.suppliers[i].unitCost), 0) / Math.max(totals[i], 1e-12);
    report.current.versusPlan = compareWithPlan(report.current, p.suppliers.map((s, i) => ({ country: s.country, volume: totals[i], price: priceOf(i) })));
  }
  // Without imports at the plan's stage, say what the bloc's imports at the other stage rest on (as overview does).
  const elsewhere = req.current !== false && !report.current
    ? otherStageWarnings(ctx.bloc, ctx.stage, await importsAtOtherStage(store, ctx.material, ctx.stage, { id: ctx.bloc, members: ctx.blocMembers }))
    : [];
  report.coverage = planCoverage(report, ctx, elsewhere);
  if (req.compareSeparate) {
    if (p.partners.length < 2) throw new ChokepointError("invalid_input", `--compare-separate needs the ALLIANCE bloc (got ${ctx.bloc})`);
    report.comparison = await compareSeparate(p, sol, ctx.costUnit);
  }
  if (req.scenario !== undefined) {
    const z = await sizeStockpile(store, req, report);
    report.stockpileSizing = z;
    report.stockpileHeadline = {
      days: z.stockpileDays,
      basis: "scenario sizing",
      explanation:
        `sized against ${z.scenario}: the smallest stock keeping the simulated peak monthly shortfall ≤ ${z.threshold} in ${z.protect} of draws; ` +
        `it replaces the optimiser's ${report.plan.stockpileDays.toFixed(0)} days, which only balance holding cost against the model's expected loss and do not protect against a named scenario`,
    };
  }
  return report;
}

/** The plan's coverage: its prices', its production rows' and today's mix's, each warning said once. */
function planCoverage(r: PlanReport, ctx: PlanContext, noCurrent: readonly string[]): Coverage {
  const warnings = [...r.prices.coverage.warnings];
  let complete = r.prices.coverage.complete;
  const unmapped = ctx.notes.filter((n) => /has no ISO3 code/.test(n));
  if (unmapped.length) {
    complete = false;
    warnings.push(...unmapped);
  }
  if (r.current) {
    complete &&= r.current.coverage.complete;
    warnings.push(...r.current.coverage.warnings.map((w) => `today's mix: ${w}`));
  } else if (noCurrent.length) {
    complete = false;
    warnings.push(...noCurrent.map((w) => `today's mix: ${w}`));
  }
  return { complete, warnings: [...new Set(warnings)] };
}

/** One entry of `planMany`: the report, or the error that request ended with. */
export type PlanOutcome = { request: PlanInput | PlanRequest | Record<string, unknown>; report: PlanReport; error?: undefined } | { request: PlanInput | PlanRequest | Record<string, unknown>; report?: undefined; error: ChokepointError };

/**
 * Plan many requests on one store, reading the store once (nine queries) instead of per plan.
 * Requests that fail with a ChokepointError (infeasible, no data) come back with the error.
 * @example
 * const out = await planMany(store, ["cobalt", "lithium"].map((material) => ({ material, bloc: "ALLIANCE", current: false })));
 * out[0].report?.plan.cost
 */
export async function planMany(store: Store, requests: readonly (PlanInput | PlanRequest | Record<string, unknown>)[]): Promise<PlanOutcome[]> {
  const data = await loadPlanData(store);
  const out: PlanOutcome[] = [];
  for (const request of requests) {
    try {
      out.push({ request, report: await plan(store, request, data) });
    } catch (e) {
      if (!(e instanceof ChokepointError)) throw e;
      out.push({ request, error: e });
    }
  }
  return out;
}
