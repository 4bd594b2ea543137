import { ChokepointError } from "../domain/error.ts";
import type { Bloc, BlocBook } from "../domain/blocs.ts";
import type { SourceRef } from "../domain/vocabulary.ts";
import { wgiScale } from "../analytics/concentration.ts";
import { crf, DEMAND_SHARE, PLAN_DEFAULTS as D } from "./defaults.ts";
import type { PlanData } from "./plan-data.ts";
import { materialPrices, type MaterialPrices } from "./prices.ts";
import { findMaterial, productionView } from "./production.ts";
import { optionsFor, type PricedOption } from "./capacity-options.ts";
import { resolvePolicy } from "./policy.ts";
import type { Partner, PlanParams, PlanProblem, Supplier } from "./problem.ts";
import type { PlanRequest } from "./request.ts";

/** Everything the report needs besides the solution: units, provenance, risk profiles, caveats. */
export interface PlanContext {
  material: string;
  stage: string;
  bloc: string;
  blocMembers: string[];
  year: number;
  volumeUnit: string; // "t" or "% of world supply"
  costUnit: string; // "USD" or "relative"
  worldSupply: number;
  /** What the volumes measure (USGS series description, or world exports, or study shares). */
  measure: string;
  prices: MaterialPrices | null;
  risk: (country: string) => { governance: number; disruption: number; unitCost: number };
  /** Sanctions and trusted lists applied, and the suppliers they took out. */
  policy: PlanPolicyReport;
  /** Named new-capacity options offered to the LP (supplier rows with `option` set). */
  options: PricedOption[];
  sources: SourceRef[];
  notes: string[];
}

export interface PlanPolicyReport {
  maxShare: number;
  sanctionsSource: string;
  excluded: { country: string; production: number; regimes: string[]; note?: string }[];
  allowed: string[];
  trusted: string[];
  trustedSource: string;
}

/** Partners of a bloc: the alliance plans as EU27 + JPN; any other bloc is one partner. */
function partnersOf(blocs: BlocBook, bloc: Bloc, demandShare: number | undefined): { id: string; members: string[]; share: number }[] {
  const specs = bloc.id === "ALLIANCE" ? ["EU27", "JPN"] : [bloc.id];
  return specs.map((spec) => {
    const b = spec === bloc.id ? bloc : blocs.resolve(spec);
    const share = (specs.length === 1 ? demandShare : undefined) ?? DEMAND_SHARE[b.id]?.value;
    if (share === undefined) {
      throw new ChokepointError("invalid_input", `no demand share is known for bloc ${b.id}: pass --demand-share (its share of world demand, 0–1)`);
    }
    return { id: b.id, members: b.members, share };
  });
}

/**
 * Build the planning problem from loaded data: world production by country (USGS, as exposure's production basis),
 * availability = production × (own demand share + (1 − own demand share) ×
 * contestable), costs from trade unit values, governance from WGI, disruption odds from both.
 * Where the EU and Japan each have import unit values from a supplier, each partner pays its own.
 * `bloc`: the `Bloc` the edge resolved; without it `req.bloc` is resolved against `data.blocs`.
 * @example const { problem, context } = buildProblem(await loadPlanData(store), { material: "gallium", bloc: "ALLIANCE" });
 */
export function buildProblem(data: PlanData, req: PlanRequest, resolved?: Bloc): { problem: PlanProblem; context: PlanContext } {
  const bloc = resolved ?? data.blocs.resolve(req.bloc);
  const material = findMaterial(data, req.material);
  const prod = productionView(data, material.id, req.stage, req.year, bloc.members);
  const notes: string[] = [];
  const partners = partnersOf(data.blocs, bloc, req.demandShare);
  const beta = partners.reduce((t, q) => t + q.share, 0);
  const world = prod.total.amount;
  const volumeUnit = prod.total.unit === "%" ? "share of world supply" : prod.total.unit;
  const asked = req.trusted?.flatMap((spec) => data.blocs.resolve(spec).members);
  const eu = data.blocs.resolve("EU27").members;
  const policy = resolvePolicy(bloc.members, { trusted: asked, allow: req.allow }, eu);
  const trusted = policy.trusted;

  const wgi = prod.wgi;
  const restricted = prod.restricted;
  const prices = volumeUnit === "t" ? materialPrices(data, material, prod.stage, prod.year, partners) : null;
  const uvBy = new Map([...(prices?.byOrigin ?? [])].map(([o, u]) => [o, u.usdPerTonne]));
  const ref = prices?.average?.usdPerTonne ?? 1;
  const costUnit = prices?.average ? "USD" : "relative";
  if (costUnit === "relative") notes.push("prices are defaults: no trade unit values (value and mass in the same record) for this material, so every supplier costs 1 per unit and the plan is driven by risk and limits");
  else if (prices!.averageBasis === "other stage") notes.push(`no unit values at the ${prod.stage} stage: every supplier priced at the material's average at another stage, ${ref.toFixed(0)} USD/t (${prices!.average!.source.dataset} ${prices!.average!.year}, ${prices!.average!.source.codes.join("+")}) — a default, not data`);
  else notes.push(`unit values from trade (${prices!.average!.datasets.join(", ")}) for ${uvBy.size} origins; others at the average ${ref.toFixed(0)} USD/t (a default, not data; see prices.coverage)`);
  const partnerUv = (country: string) => partners.map((q) => prices?.byPartner.get(q.id)?.get(country)?.usdPerTonne);
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
  const excluded = prod.suppliers.filter((s) => s.amount > 0 && policy.sanctioned.has(s.country));
  const suppliers: Supplier[] = prod.suppliers
    .filter((s) => s.amount > 0 && !policy.sanctioned.has(s.country))
    .map((s) => {
      const r = risk(s.country);
      const isTrusted = trusted.has(s.country);
      return {
        country: s.country,
        available: s.amount * availableShare,
        unitCost: r.unitCost,
        ...(partners.length > 1 && partnerUv(s.country).some((x) => x !== undefined) ? { partnerCost: partnerUv(s.country).map((x) => x ?? r.unitCost) } : {}),
        disruption: r.disruption,
        governance: r.governance,
        trusted: isTrusted,
        newCapacityMax: isTrusted && !s.aggregate ? s.amount * D.growth.value * rampYears : 0,
        capexPerTonne: D.capexFactor.value * r.unitCost * crf(0.08, 15),
      };
    });
  const options = volumeUnit === "t" ? optionsFor(material.id, prod.stage, prod.year + D.horizonYears.value, ref).filter((o) => trusted.has(o.country)) : [];
  for (const o of options) {
    const r = risk(o.country);
    suppliers.push({
      country: o.country,
      option: o.id,
      available: 0,
      unitCost: o.opexUsdPerTonne,
      disruption: r.disruption,
      governance: r.governance,
      trusted: true,
      newCapacityMax: o.capacityByHorizon,
      capexPerTonne: o.capexUsdPerTpaYear,
    });
  }
  if (excluded.length) notes.push(`excluded under sanctions (${policy.sanctionsSource}): ${excluded.map((s) => s.country).join(", ")}; allow one with --allow ISO3`);
  if (noWgi.length) notes.push(`no WGI scores for ${noWgi.join(", ")}: governance risk ${D.missingWgi.value} assumed`);
  if (prod.suppliers.some((s) => s.aggregate)) notes.push("USGS 'Other countries' is planned as one supplier (OTHER), capped like a single third country");
  const maxShare = req.maxShare ?? 0.65;
  const params: PlanParams = {
    maxShare,
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
      blocMembers: bloc.members,
      year: prod.year,
      volumeUnit,
      costUnit,
      worldSupply: world,
      measure: prod.measure,
      prices,
      risk,
      policy: {
        maxShare,
        sanctionsSource: policy.sanctionsSource,
        excluded: excluded.map((s) => ({ country: s.country, production: s.amount, ...policy.sanctioned.get(s.country)! })),
        allowed: policy.allowed,
        trusted: [...trusted].sort(),
        trustedSource: policy.trustedSource,
      },
      options,
      sources: prod.sources,
      notes: [...prod.notes, ...notes],
    },
  };
}
