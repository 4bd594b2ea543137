import type { SourceRef } from "../domain/vocabulary.ts";
import type { AllianceLinks, Flow } from "./partners-alliance.ts";
import type { SourcingView } from "./partners-sourcing.ts";

// What the partners finder answers (`partners()` in partners.ts; CLI `chokepoint partners`, GET /api/partners).

export type Tier = "alliance" | "trusted" | "other";


/** Another exporter of the product, as evidence for a dialogue: size, what it already sells the bloc, governance. */
export interface Alternative {
  country: string;
  tier: Tier;
  worldExportShare: number;
  worldExports: Flow;
  sellsToBloc: Flow & { share: number };
  /** Exports to everyone else: what could be redirected. Not spare capacity. */
  exportsElsewhere: Flow;
  /** Spare production capacity, when a source gives it (none does yet: null). */
  spareVolume: null;
  unitValueUsdPerTonne: number | null;
  /** WGI on the EC 0–10 risk scale (higher = worse governance), null without scores. */
  governance: { risk: number; year: number } | null;
}

export interface Dependency {
  country: string;
  /** share of the bloc's imports from outside it, in the measure of `basis` (the sourcing engine's, or BACI's value) */
  share: number;
  amount: number;
  unit: string;
  /** the amount in USD; null when the shares count tonnes (or a currency without a rate) */
  usd: number | null;
  reasons: string[];
  alternatives: Alternative[];
}

export interface BlocPartners {
  bloc: string;
  /** where the dependencies come from: the sourcing engine (as exposure shows them) or, without a sourcing mix, BACI */
  dependencyBasis: "sourcing" | "baci";
  /** the sourcing engine's view of the same bloc, material, stage and year; null when it has no import records */
  sourcing: SourcingView | null;
  /** whether the sourcing engine and BACI name the same largest supplier and the same dependencies; null without a sourcing view */
  agreement: { largest: boolean; dependencies: boolean } | null;
  /** the coverage warning naming both views and why they differ, when they disagree; else null */
  disagreement: string | null;
  /** BACI: the bloc's imports from outside it (value, tonnes) */
  extraImports: Flow;
  /** BACI: the ten largest suppliers from outside the bloc */
  topSuppliers: { country: string; share: number; usd: number; tonnes: number | null }[];
  dependencies: Dependency[];
}

export interface PartnersReport {
  material: string;
  stage: string;
  /** the bloc's id; its members in `blocMembers` */
  bloc: string;
  blocMembers: string[];
  year: number;
  codes: string[];
  units: { value: "USD"; volume: "t" };
  blocs: BlocPartners[];
  alliance?: AllianceLinks;
  policy: { excluded: string[]; sanctionsSource: string; trustedSource: string };
  sources: SourceRef[];
  coverage: { complete: boolean; warnings: string[] };
  method: string;
}
