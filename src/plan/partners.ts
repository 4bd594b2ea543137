import { ChokepointError } from "../domain/error.ts";
import { splitResolvedBloc, type Bloc } from "../domain/blocs.ts";
import type { SourceRef } from "../domain/vocabulary.ts";
import { wgiScale } from "../analytics/concentration.ts";
import { resolveStage, type Material } from "../store/queries/materials.ts";
import { baciCodesIn, baciFlows, baciYearsFor, type BaciFlow } from "../store/queries/baci-flows.ts";
import type { Store } from "../store/store.ts";
import { loadPlanData, wgiFor, type PlanData } from "./plan-data.ts";
import { parsePartnersRequest, type PartnersRequest } from "./partners-request.ts";
import { resolvePolicy } from "./policy.ts";
import { findMaterial } from "./production.ts";
import { allianceLinks, sum } from "./partners-alliance.ts";
import { wgiEdition } from "../domain/wgi-edition.ts";
import { compareViews, sourcingView, type BaciView, type Share } from "./partners-sourcing.ts";
import type { Alternative, BlocPartners, PartnersReport, Tier } from "./partners-report.ts";

/** A partners request whose bloc the edge (CLI/API, `withBloc`) may already have resolved. */
export type PartnersInput = Omit<PartnersRequest, "bloc" | "limit" | "threshold"> & Partial<Pick<PartnersRequest, "limit" | "threshold">> & { bloc: string | Bloc };

export type { Alternative, BlocPartners, Dependency, PartnersReport, Tier } from "./partners-report.ts";

const METHOD =
  "Dependencies come from the sourcing engine — the bloc's imports by partner as exposure (basis sourcing), overview, plan and simulate show them: per member the best " +
  "source (complete reported data such as Eurostat Comext CN8 or Japan's Comtrade HS6, then CEPII BACI, then mirror or truncated data), by value in USD or by tonnes, " +
  "flows between bloc members left out; BACI only when the engine has no import records. A dependency is a third country above the threshold (default 50 %) of " +
  "the bloc's imports from outside it, or above the CRM Act's 65 %. Alternatives are world-export evidence from CEPII BACI (summed over the material's HS6 codes " +
  "at the stage): every other exporter outside the bloc, sanctioned countries excluded, in tiers: the other alliance half (Japan for the EU, EU members for Japan), " +
  "trusted partners (data/policy/trusted.json), then others; within a tier by share of world exports (value); sellsToBloc is BACI's figure. Where the engine and BACI " +
  "name a different largest supplier or different dependencies, coverage.warnings says so with both figures and why.";

/** HS6 codes of a material at a stage (own and group's; stage-less codes count for every stage). */
function hs6Codes(data: PlanData, m: Material, stage: string): number[] {
  const out = new Set<number>();
  for (const id of [m.id, ...(m.parent ? [m.parent] : [])]) {
    for (const c of data.codes.get(id) ?? []) if (c.classification === "HS6" && (!c.stage || c.stage === stage)) out.add(Number(c.code));
  }
  return [...out].sort((a, b) => a - b);
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

type SourcingOf = Awaited<ReturnType<typeof sourcingView>>;

function blocPartners(id: string, members: Set<string>, flows: BaciFlow[], tiers: (c: string) => Tier, excluded: Set<string>, req: PartnersRequest, wgi: ReturnType<typeof wgiFor>, src: SourcingOf): BlocPartners {
  const extra = flows.filter((f) => members.has(f.importer) && !members.has(f.exporter));
  const total = sum(extra);
  const by = new Map<string, BaciFlow[]>();
  for (const f of extra) by.set(f.exporter, [...(by.get(f.exporter) ?? []), f]);
  const ranked = [...by].map(([country, fs]) => ({ country, ...sum(fs) })).sort((a, b) => b.usd - a.usd);
  const share = (usd: number) => (total.usd > 0 ? usd / total.usd : 0);
  const world = new Map<string, BaciFlow[]>();
  for (const f of flows) world.set(f.exporter, [...(world.get(f.exporter) ?? []), f]);
  const worldTotal = sum(flows).usd;
  const measure = src.view?.measure === "quantity" ? `by ${src.view.unit === "t" ? "tonnes" : src.view.unit}` : "by value";
  const deps: (Share & { unit: string; usd: number | null })[] = src.view
    ? src.all.filter((s) => s.share > req.threshold || s.share > 0.65).map((s) => ({ ...s, unit: src.view!.unit, usd: src.view!.unit === "USD" ? s.amount : null }))
    : ranked.filter((s) => share(s.usd) > req.threshold || share(s.usd) > 0.65).map((s) => ({ country: s.country, share: r6(share(s.usd)), amount: Math.round(s.usd), unit: "USD", usd: Math.round(s.usd) }));
  return {
    bloc: id,
    dependencyBasis: src.view ? "sourcing" : "baci",
    sourcing: src.view,
    agreement: null,
    disagreement: null,
    extraImports: total,
    topSuppliers: ranked.slice(0, 10).map((s) => ({ country: s.country, share: r6(share(s.usd)), usd: Math.round(s.usd), tonnes: s.tonnes })),
    dependencies: deps.map((d) => {
      const alts = [...world]
        .filter(([c]) => c !== d.country && !members.has(c) && !excluded.has(c))
        .map(([country, fs]): Alternative => {
          const all = sum(fs);
          const toBloc = sum(fs.filter((f) => members.has(f.importer)));
          const elsewhere = sum(fs.filter((f) => !members.has(f.importer)));
          const withQty = fs.filter((f) => f.tonnes !== null && f.tonnes > 0);
          const t = withQty.reduce((a, f) => a + f.tonnes!, 0);
          const w = wgi.get(country);
          return {
            country,
            tier: tiers(country),
            worldExportShare: r6(worldTotal > 0 ? all.usd / worldTotal : 0),
            worldExports: all,
            sellsToBloc: { ...toBloc, share: r6(share(toBloc.usd)) },
            exportsElsewhere: elsewhere,
            spareVolume: null,
            unitValueUsdPerTonne: t > 0 ? Math.round(withQty.reduce((a, f) => a + f.usdWithQty, 0) / t) : null,
            governance: w ? { risk: Math.round(wgiScale(w.estimates) * 100) / 100, year: w.year } : null,
          };
        });
      const order: Tier[] = ["alliance", "trusted", "other"];
      const alternatives = order.flatMap((tier) => alts.filter((a) => a.tier === tier).sort((a, b) => b.worldExportShare - a.worldExportShare).slice(0, req.limit));
      const reasons = [
        ...(d.share > req.threshold ? [`above ${req.threshold * 100} % of the bloc's extra-bloc imports (${measure})`] : []),
        ...(d.share > 0.65 ? ["above the CRM Act's 65 % single-third-country benchmark"] : []),
      ];
      return { country: d.country, share: d.share, amount: d.amount, unit: d.unit, usd: d.usd, reasons, alternatives };
    }),
  };
}

/**
 * Who else could supply a bloc where it depends on one country: per dependency, the other exporters
 * of the product in tiers (the other alliance half, trusted partners, others) with world export
 * share, what they already sell the bloc, what they sell elsewhere and governance; for the alliance,
 * where each half already supplies the other and where it could.
 * @example const r = await partners(store, { material: "permanent-magnets", bloc: "EU27" }); r.blocs[0].dependencies[0].alternatives[0].country // "JPN"
 */
export async function partners(store: Store, request: PartnersInput | PartnersRequest | Record<string, unknown>, data?: PlanData): Promise<PartnersReport> {
  const { input, bloc: given } = splitResolvedBloc(request);
  const req = parsePartnersRequest(input);
  const d = data ?? (await loadPlanData(store));
  const m = findMaterial(d, req.material);
  const bloc = given ?? d.blocs.resolve(req.bloc);
  const eu = d.blocs.resolve("EU27").members;
  let stage = resolveStage(m, req.stage);
  let codes = hs6Codes(d, m, stage);
  let years = await baciYearsFor(store, codes);
  const warnings: string[] = [];
  if (!years.length && req.stage === undefined) {
    const other = m.stages.find((s) => s !== stage);
    const alt = other ? hs6Codes(d, m, other) : [];
    const altYears = await baciYearsFor(store, alt);
    if (altYears.length) {
      warnings.push(`no BACI rows for ${m.id} at the ${stage} stage (codes ${codes.join(", ") || "none"}): showing ${other}`);
      [stage, codes, years] = [other as typeof stage, alt, altYears];
    }
  }
  if (!years.length) {
    throw new ChokepointError("no_data", `no CEPII BACI rows for ${m.id} (${stage}; HS6 codes ${codes.join(", ") || "none in the catalogue"}): load BACI with \`chokepoint ingest baci <folder>\``);
  }
  const year = req.year ?? years[0].year;
  const y = years.find((x) => x.year === year);
  if (!y) throw new ChokepointError("no_data", `no BACI rows for ${m.id} in ${year}; years with data: ${years.map((x) => x.year).join(", ")}`);
  const flows = await baciFlows(store, codes, year);
  const policy = resolvePolicy(bloc.members, { allow: req.allow }, eu);
  const excluded = new Set(policy.sanctioned.keys());
  const wgi = wgiFor(d, year);
  const halves = bloc.id === "ALLIANCE" ? [{ id: "EU27", members: eu }, { id: "JPN", members: ["JPN"] }] : [{ id: bloc.id, members: bloc.members }];
  const isEu = (c: string) => eu.includes(c);
  const inBaci = await baciCodesIn(store, codes, year);
  const release = y.release ?? "unknown release";
  let complete = y.withQuantity;
  const blocs: BlocPartners[] = [];
  for (const h of halves) {
    const other = h.id === "EU27" ? (c: string) => c === "JPN" : h.id === "JPN" ? isEu : () => false;
    const trusted = resolvePolicy(h.members, { allow: req.allow }, eu).trusted;
    const src = await sourcingView(store, m, stage, h, year);
    const b = blocPartners(h.id, new Set(h.members), flows, (c) => (other(c) ? "alliance" : trusted.has(c) ? "trusted" : "other"), excluded, req, wgi, src);
    if (!src.view) {
      warnings.push(`${h.id}: the sourcing engine has no import mix (${src.reason}): dependencies from CEPII BACI`);
    } else {
      const baci: BaciView = {
        release,
        year,
        codes: inBaci.map(String),
        absentCodes: codes.filter((c) => !inBaci.includes(c)).map(String),
        totalUsd: b.extraImports.usd,
        ranked: rankedShares(flows, new Set(h.members)),
      };
      // With one BACI code and a broader sourcing scope, the engine on that code alone separates scope from source.
      const narrower = inBaci.length === 1 && src.view.products.some((p) => p.codes.join() !== String(inBaci[0]));
      const onCode = narrower ? (await sourcingView(store, m, stage, h, src.view.year, String(inBaci[0]))).view : null;
      const cmp = compareViews(h.id, src.view, src.all, baci, req.threshold, onCode ? { code: String(inBaci[0]), view: onCode } : null);
      b.agreement = cmp.agreement;
      b.disagreement = cmp.warning;
      if (cmp.warning) warnings.push(cmp.warning);
      if (src.view.year !== year && !cmp.warning) warnings.push(`${h.id}: the sourcing mix is for ${src.view.year} (no import records in ${year}), BACI's for ${year}`);
      complete &&= src.view.coverage.complete;
      warnings.push(...src.view.coverage.warnings.map((w) => `${h.id} sourcing: ${w}`));
    }
    blocs.push(b);
  }
  if (!y.withQuantity) warnings.push(`BACI ${year} carries no quantities for these codes: tonnes and unit values are null`);
  if (inBaci.length > 1) warnings.push(`BACI flows are summed over ${inBaci.length} HS6 codes (${inBaci.join(", ")})`);
  if (inBaci.length < codes.length) warnings.push(`the loaded BACI has no ${year} rows for HS6 ${codes.filter((c) => !inBaci.includes(c)).join(", ")}: alternatives and BACI figures cover ${inBaci.join(", ") || "nothing"} only`);
  if ([811292, 850511, 280469].some((c) => codes.includes(c))) warnings.push("an HS6 basket: the code covers more than this material (see data SOURCE.md)");
  const wgiYears = [...wgi.values()].map((w) => w.year);
  return {
    material: m.id,
    stage,
    bloc: bloc.id,
    blocMembers: bloc.members,
    year,
    codes: codes.map(String),
    units: { value: "USD", volume: "t" },
    blocs,
    ...(bloc.id === "ALLIANCE" ? { alliance: allianceLinks(flows, eu, req.limit) } : {}),
    policy: { excluded: [...excluded].sort(), sanctionsSource: policy.sanctionsSource, trustedSource: policy.trustedSource },
    sources: [
      ...uniqueSources(blocs.flatMap((b) => b.sourcing?.sources ?? [])),
      { dataset: "CEPII BACI", edition: release, year },
      ...(wgiYears.length ? [{ dataset: "Worldwide Governance Indicators", edition: wgiEdition(Math.max(...wgiYears)), year: Math.max(...wgiYears) }] : []),
    ],
    coverage: { complete, warnings },
    method: METHOD,
  };
}

/** Every supplier from outside the bloc in BACI, by value, largest first (the comparison needs more than the top ten). */
function rankedShares(flows: readonly BaciFlow[], members: Set<string>): Share[] {
  const by = new Map<string, number>();
  for (const f of flows) if (members.has(f.importer) && !members.has(f.exporter)) by.set(f.exporter, (by.get(f.exporter) ?? 0) + f.usd);
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  return [...by].map(([country, usd]) => ({ country, share: r6(total > 0 ? usd / total : 0), amount: usd })).sort((a, b) => b.amount - a.amount);
}

function uniqueSources(refs: readonly SourceRef[]): SourceRef[] {
  const seen = new Map(refs.map((r) => [`${r.dataset}|${r.edition}|${r.year}`, r]));
  return [...seen.values()];
}
