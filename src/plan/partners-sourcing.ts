import { ChokepointError } from "../domain/error.ts";
import type { Bloc } from "../domain/blocs.ts";
import type { Coverage } from "../domain/coverage.ts";
import type { SourceRef, Stage } from "../domain/vocabulary.ts";
import { sourcingSuppliers, type SupplyMix } from "../analytics/supply-mix.ts";
import type { Material } from "../store/queries/materials.ts";
import type { Store } from "../store/store.ts";

/** One supplier's share of what a bloc imports from outside itself. */
export interface Share {
  country: string;
  share: number;
  amount: number;
}

/** The sourcing engine's view of a bloc's imports (the figures exposure, overview, plan and simulate show). */
export interface SourcingView {
  year: number;
  /** what the shares count: "value" (in `unit`, USD when every currency converts) or "quantity" (`unit`, e.g. t) */
  measure: "value" | "quantity";
  unit: string;
  /** the bloc's imports from outside itself, in `unit` */
  total: number;
  /** the ten largest suppliers from outside the bloc */
  topSuppliers: Share[];
  /** the datasets and codes the engine read */
  products: NonNullable<SupplyMix["products"]>;
  sources: SourceRef[];
  coverage: Coverage;
}

/** BACI's view of the same bloc, as the partner finder computes it. */
export interface BaciView {
  release: string;
  year: number;
  /** HS6 codes with BACI rows in the year */
  codes: string[];
  /** the material's HS6 codes at the stage that BACI has no rows for */
  absentCodes: string[];
  totalUsd: number;
  ranked: Share[];
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const r3 = (x: number) => Math.round(x * 1e3) / 1e3;

/**
 * The sourcing engine's mix for one bloc at the partner finder's stage and year (the engine's
 * default year when that year has no records), flows from bloc members left out. Null with the
 * engine's reason when it has no import records at all.
 * @example (await sourcingView(store, graphite, "extraction", eu27, 2024)).view?.topSuppliers[0] // { country: "CHN", share: 0.523383, … }
 */
export async function sourcingView(store: Store, m: Material, stage: Stage, bloc: Bloc, year: number, hs = ""): Promise<{ view: SourcingView | null; all: Share[]; reason: string | null }> {
  let mix: SupplyMix;
  try {
    mix = await sourcingSuppliers(store, m, stage, bloc, year, hs).catch((e) => {
      if (e instanceof ChokepointError && e.code === "no_data") return sourcingSuppliers(store, m, stage, bloc, undefined, hs);
      throw e;
    });
  } catch (e) {
    if (e instanceof ChokepointError && e.code === "no_data") return { view: null, all: [], reason: e.message };
    throw e;
  }
  const members = new Set(bloc.members);
  const rows = mix.rows.filter((r) => !members.has(r.country) && !r.aggregate);
  const total = rows.reduce((t, r) => t + r.amount, 0);
  const all = rows.map((r) => ({ country: r.country, share: r6(total > 0 ? r.amount / total : 0), amount: r3(r.amount) })).sort((a, b) => b.amount - a.amount);
  const view: SourcingView = {
    year: mix.year,
    measure: mix.measure ?? (mix.unit === "t" ? "quantity" : "value"),
    unit: mix.unit,
    total: r3(total),
    topSuppliers: all.slice(0, 10),
    products: mix.products ?? [],
    sources: mix.sources,
    coverage: { complete: mix.coverage.complete, warnings: [...mix.coverage.warnings] },
  };
  return { view, all, reason: null };
}

/** Countries that pass the dependency rule: above the threshold or above the CRM Act's 65 %. */
export function above(shares: readonly Share[], threshold: number): string[] {
  return shares.filter((s) => s.share > threshold || s.share > 0.65).map((s) => s.country);
}

const pc = (x: number) => `${(x * 100).toFixed(1)} %`;
const amount = (x: number, unit: string) =>
  unit === "t" ? `${Math.round(x).toLocaleString("en")} t` : `${unit} ${x >= 1e9 ? `${(x / 1e9).toFixed(2)} bn` : x >= 1e6 ? `${(x / 1e6).toFixed(1)} m` : `${(x / 1e3).toFixed(0)} k`}`;
const list = (cs: readonly string[]) => (cs.length ? cs.join(", ") : "none");

/**
 * Whether the sourcing engine and BACI agree on the bloc's largest supplier and on which countries
 * pass the dependency rule; when not, one line naming both figures, both sources and why they can
 * differ (measure, product scope, kind of data, year).
 * @example compareViews("EU27", s, all, b, 0.5).agreement // { largest: false, dependencies: false }
 */
export function compareViews(
  bloc: string,
  s: SourcingView,
  all: readonly Share[],
  b: BaciView,
  threshold: number,
  /** the sourcing engine on BACI's one code alone (its CN8/HS lines under that HS6), to separate scope from source */
  onBaciCode?: { code: string; view: SourcingView } | null,
): { agreement: { largest: boolean; dependencies: boolean }; warning: string | null } {
  const sTop = all[0] ?? null;
  const bTop = b.ranked[0] ?? null;
  const sDeps = above(all, threshold);
  const bDeps = above(b.ranked, threshold);
  const largest = (sTop?.country ?? null) === (bTop?.country ?? null);
  const dependencies = [...sDeps].sort().join() === [...bDeps].sort().join();
  const agreement = { largest, dependencies };
  if (largest && dependencies) return { agreement, warning: null };
  const cut = `above ${pc(Math.min(threshold, 0.65)).replace(".0 ", " ")}`;
  const what = [...(largest ? [] : ["the largest supplier"]), ...(dependencies ? [] : [`which countries are ${cut}`])].join(" and ");
  const scope = s.products.map((p) => `${p.dataset} ${p.classification} ${p.codes.join(", ")}`).join(" + ") || "no codes";
  const side = (top: Share | null, deps: string[]) => `largest ${top ? `${top.country} ${pc(top.share)}` : "none"}, ${cut}: ${list(deps)}`;
  const measure = s.measure === "quantity" ? `by ${s.unit === "t" ? "tonnes" : s.unit}` : `by value`;
  const reasons: string[] = [];
  reasons.push(s.measure === "quantity" ? `measure: ${s.unit === "t" ? "tonnes" : s.unit} (sourcing) vs USD value (BACI)` : "same measure (value)");
  const sCodes = [...new Set(s.products.flatMap((p) => p.codes))].sort().join(",");
  const sameScope = s.products.length > 0 && sCodes === [...b.codes].sort().join(",");
  reasons.push(
    sameScope
      ? `same product scope (HS6 ${b.codes.join(", ")})`
      : `product scope: ${scope} vs BACI HS6 ${b.codes.join(", ")}${b.absentCodes.length ? ` (the loaded BACI has no rows for ${b.absentCodes.join(", ")})` : ""}`,
  );
  const kinds = [...new Set(s.products.map((p) => p.kind))];
  if (kinds.some((k) => k !== "reconciled")) {
    reasons.push(`source: ${kinds.join("/")} import records vs BACI's reconciled flows${kinds.includes("reported") ? " (reported import values are CIF, BACI's FOB-type)" : ""}`);
  }
  reasons.push(s.year === b.year ? `same year (${b.year})` : `year: ${s.year} (sourcing) vs ${b.year} (BACI)`);
  const like = onBaciCode?.view;
  const likeTop = like?.topSuppliers[0];
  const alike = like && likeTop
    ? ` On HS ${onBaciCode.code} alone the sourcing engine has largest ${likeTop.country} ${pc(likeTop.share)} of ${amount(like.total, like.unit)} (${like.products.map((p) => `${p.classification} ${p.codes.join(", ")}`).join(" + ")}), ${likeTop.country === bTop?.country ? "as BACI does: the product scope explains the difference" : "not BACI's: the product scope does not explain it all"}.`
    : "";
  const warning =
    `${bloc}: the sourcing engine and CEPII BACI disagree on ${what} — ` +
    `sourcing (${scope}; ${s.year}; ${measure}, ${amount(s.total, s.unit)} from outside ${bloc}): ${side(sTop, sDeps)}; ` +
    `CEPII BACI ${b.release} (HS6 ${b.codes.join(", ")}; ${b.year}; by value, ${amount(b.totalUsd, "USD")}): ${side(bTop, bDeps)}. ` +
    `Why they can differ: ${reasons.join("; ")}.${alike} Dependencies follow the sourcing engine; alternatives are BACI's world exporters.`;
  return { agreement, warning };
}
