import { ChokepointError } from "../domain/error.ts";
import { resolveBlocFrom } from "../domain/blocs.ts";
import type { SourceRef } from "../domain/vocabulary.ts";
import { exposure, type Exposure } from "../analytics/exposure.ts";
import { wgiScale } from "../analytics/concentration.ts";
import { listCountries, wgiEstimates } from "../store/queries/countries.ts";
import { resolveMaterial } from "../store/queries/materials.ts";
import { unitValuesByOrigin } from "../store/queries/plan.ts";
import type { Store } from "../store/store.ts";
import { crf, DEMAND_SHARE, PLAN_DEFAULTS as D } from "./defaults.ts";
import type { Partner, PlanParams, PlanProblem, Supplier } from "./problem.ts";
import type { PlanRequest } from "./request.ts";

/** Everything the report needs besides the solution: units, provenance, risk profiles, caveats. */
export interface PlanContext {
  material: string;
  stage: string;
  bloc: string;
  year: number;
  volumeUnit: string; // "t" or "% of world supply"
  costUnit: string; // "USD" or "relative"
  worldSupply: number;
  production: Exposure;
  risk: (country: string) => { governance: number; disruption: number; unitCost: number };
  sources: SourceRef[];
  notes: string[];
}

/** Partners of a bloc: the alliance plans as EU27 + JPN; any other bloc is one partner. */
async function partnersOf(store: Store, blocId: string, members: string[], demandShare: number | undefined): Promise<{ id: string; members: string[]; share: number }[]> {
  const countries = await listCountries(store);
  const specs = blocId === "ALLIANCE" ? ["EU27", "JPN"] : [blocId];
  return specs.map((spec) => {
    const b = spec === blocId ? { id: blocId, members } : resolveBlocFrom(spec, countries);
    const share = (specs.length === 1 ? demandShare : undefined) ?? DEMAND_SHARE[b.id]?.value;
    if (share === undefined) {
      throw new ChokepointError("invalid_input", `no demand share is known for bloc ${b.id}: pass --demand-share (its share of world demand, 0–1)`);
    }
    return { id: b.id, members: b.members, share };
  });
}

/**
 * Build the planning problem from the store: world production by country (the lead's exposure,
 * basis production), availability = production × (own demand share + (1 − own demand share) ×
 * contestable), costs from trade unit values, governance from WGI, disruption odds from both.
 * @example const { problem, context } = await buildProblem(store, { material: "gallium", bloc: "ALLIANCE" });
 */
export async function buildProblem(store: Store, req: PlanRequest): Promise<{ problem: PlanProblem; context: PlanContext }> {
  const prod = await exposure(store, { material: req.material, stage: req.stage, bloc: req.bloc, year: req.year, basis: "production" });
  const material = await resolveMaterial(store, prod.material);
  const countries = await listCountries(store);
  const bloc = resolveBlocFrom(req.bloc, countries);
  const notes: string[] = [];
  const partners = await partnersOf(store, bloc.id, bloc.members, req.demandShare);
  const beta = partners.reduce((t, q) => t + q.share, 0);
  const world = prod.total.amount;
  const volumeUnit = prod.total.unit === "t" ? "t" : "share of world supply";
  const trusted = new Set(bloc.members);
  for (const spec of req.trusted ?? []) for (const c of resolveBlocFrom(spec, countries).members) trusted.add(c);

  const wgi = await wgiEstimates(store, prod.year);
  const restricted = new Set(prod.restrictions.map((r) => r.country));
  const uv = volumeUnit === "t" ? await unitValuesByOrigin(store, [material.id, ...(material.parent ? [material.parent] : [])], prod.stage, prod.year) : [];
  const uvBy = new Map(uv.map((r) => [r.origin, r.usd / r.tonnes]));
  const totalUsd = uv.reduce((t, r) => t + r.usd, 0);
  const totalT = uv.reduce((t, r) => t + r.tonnes, 0);
  const ref = totalT > 0 ? totalUsd / totalT : 1;
  const costUnit = totalT > 0 ? "USD" : "relative";
  if (costUnit === "relative") notes.push("no trade unit values (value and mass) for this material: every supplier costs 1 per unit, so the plan is driven by risk and limits");
  else notes.push(`unit values from trade (${[...new Set(uv.flatMap((r) => r.datasets.split(",")))].join(", ")}) for ${uv.map((r) => r.origin).join(", ")}; others at the average ${ref.toFixed(0)} USD/t`);
  const noWgi: string[] = [];
  const risk = (country: string) => {
    const w = wgi.get(country);
    if (!w && country !== "OTHER") noWgi.push(country);
    const governance = w ? Math.min(1, Math.max(0, wgiScale(w.estimates) / 10)) : D.missingWgi.value;
    const disruption = Math.min(1, D.disruptionBase.value * governance + (restricted.has(country) ? D.disruptionRestricted.value : 0));
    return { governance, disruption, unitCost: uvBy.get(country) ?? ref };
  };

  const lead = prod.stage === "extraction" ? D.leadTimeExtraction.value : D.leadTimeProcessing.value;
  const rampYears = Math.max(0, D.horizonYears.value - lead);
  const availableShare = beta + (1 - beta) * D.contestable.value;
  const suppliers: Supplier[] = prod.suppliers
    .filter((s) => s.amount > 0)
    .map((s) => {
      const r = risk(s.country);
      const isTrusted = trusted.has(s.country);
      return {
        country: s.country,
        available: s.amount * availableShare,
        unitCost: r.unitCost,
        disruption: r.disruption,
        governance: r.governance,
        trusted: isTrusted,
        newCapacityMax: isTrusted && !s.aggregate ? s.amount * D.growth.value * rampYears : 0,
        capexPerTonne: D.capexFactor.value * r.unitCost * crf(0.08, 15),
      };
    });
  if (noWgi.length) notes.push(`no WGI scores for ${noWgi.join(", ")}: governance risk ${D.missingWgi.value} assumed`);
  if (prod.suppliers.some((s) => s.aggregate)) notes.push("USGS 'Other countries' is planned as one supplier (OTHER), capped like a single third country");
  const params: PlanParams = {
    maxShare: req.maxShare ?? 0.65,
    minTrusted: req.minTrusted ?? 0,
    risk: req.risk ?? "shortfall",
    voll: D.vollFactor.value * ref,
    governancePenalty: D.governancePenalty.value * ref,
    holdingCost: D.holdingRate.value * ref,
    disruptionMonths: D.disruptionMonths.value,
    investmentBlock: req.investmentBlock,
  };
  const planPartners: Partner[] = partners.map((q) => ({ id: q.id, members: q.members, demand: q.share * world }));
  return {
    problem: { partners: planPartners, suppliers, params, blocMembers: bloc.members, pooledStockpile: partners.length > 1, unit: volumeUnit },
    context: {
      material: prod.material,
      stage: prod.stage,
      bloc: bloc.id,
      year: prod.year,
      volumeUnit,
      costUnit,
      worldSupply: world,
      production: prod,
      risk,
      sources: prod.sources,
      notes: [...prod.coverage.notes, ...notes],
    },
  };
}
