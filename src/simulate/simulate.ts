import { blocsFrom } from "../store/queries/blocs.ts";
import { mergeCoverage, type Coverage } from "../domain/coverage.ts";
import type { SourceRef } from "../domain/vocabulary.ts";
import { listCountries } from "../store/queries/countries.ts";
import type { Store } from "../store/store.ts";
import { compileScenario, consumerMembers, marketsOf, reportBlocs, type BlocResolver } from "./compile.ts";
import { monteCarloOffThread } from "./monte-carlo-thread.ts";
import { checkActors, idleActorNotes } from "./check-actors.ts";
import { loadMarket, type EndUse } from "./load-market.ts";
import type { Market } from "./market.ts";
import { monteCarlo, type TargetResult, type TargetView, type ValueAddedBasis } from "./monte-carlo.ts";
import { withOverrides, type ParamName, type ParamRange } from "./params.ts";
import { round } from "./quantiles.ts";
import type { Scenario } from "./scenario.ts";
import { gdpTable } from "../store/queries/gdp.ts";
import { gdpContext, missingGdpWarning, type GdpContext } from "./gdp-check.ts";
import { nationalValueAdded } from "../store/queries/national-va.ts";
import { japanValueAdded, type JapanValueAdded } from "./japan-va.ts";

export interface SimulateOptions {
  runs?: number;
  seed?: number;
  /** Called after each Monte Carlo run (for progress bars): market index, run index, runs per market. */
  onProgress?: (market: number, run: number, runs: number) => void;
  /** Run the Monte Carlo on a worker thread (the server: keeps the event loop free). No progress then. */
  offThread?: boolean;
}

/** A target's result with its value added at risk set against GDP (null when no value added is modelled). */
export type SimulatedTarget = TargetResult & { gdp: GdpContext | null };

/** What one market's simulation reports besides its targets. */
export interface MarketResult {
  material: string;
  stage: string;
  year: number;
  worldTonnes: number | null;
  suppliers: { country: string; share: number }[];
  consumers: { id: string; group: string; basis: "trade" | "world-mix"; weight: number; actorShare: Record<string, number> }[];
  demandShares: Record<string, [number, number]>;
  /** the EU's value added behind the material (EU 2023 study end uses × NACE sector VA), when EU members are consumers */
  valueAdded: { annualMeur: number; substitutionIndex: number; source: SourceRef } | null;
  /** Japan's (same end uses × the OECD IOT group holding each NACE division, in EUR), when Japan is a consumer */
  valueAddedJapan: (JapanValueAdded & { substitutionIndex: number }) | null;
  sources: SourceRef[];
  notes: string[];
  /** world production and the importers' mixes behind this market: complete only when both are whole */
  coverage: Coverage;
  targets: Record<string, SimulatedTarget>;
}

export interface SimulationResult {
  scenario: Scenario;
  runs: number;
  seed: number;
  units: Record<string, string>;
  parameters: Record<ParamName, ParamRange>;
  /** The first market's targets (most scenarios hit one market); every market is in `markets`. */
  targets: Record<string, SimulatedTarget>;
  markets: MarketResult[];
  /** every market's coverage, each warning prefixed with its market */
  coverage: Coverage;
}

const UNITS = {
  shortfall: "fraction of the target's pre-shock demand not met (0–1)",
  stockpile: "stock left at month end, in days of the target's demand",
  price: "relative change of the world price (0.5 = +50 %)",
  monthsCovered: "months from the first gap until stockpiles no longer cover it",
  valueAddedAtRisk: "million EUR of sector value added over the horizon (EU members: EU 2023 study sector VA; Japan: OECD national IOT VA at the ECB rate)",
  gdp: "gdpMeur: annual GDP, million EUR (World Bank current US$ at the ECB annual rate of the GDP year); vaShare: p50 value added at risk ÷ GDP over the horizon (0–1)",
};

/**
 * Simulate a scenario against the store's data: one market per (material, stage) shocked,
 * Monte Carlo over the uncertain parameters, results for every target bloc and member with data.
 * Same scenario and seed → identical result (and byte-identical JSON).
 *
 * @example
 * const store = await openStore();
 * const out = await simulate(store, loadScenario("scenarios/china-gallium-alliance.yaml"), { runs: 200 });
 * out.targets.JPN.peakShortfall.p50 // e.g. 0.7
 */
export async function simulate(store: Store, scenario: Scenario, opts: SimulateOptions = {}): Promise<SimulationResult> {
  const runs = opts.runs ?? scenario.runs;
  const seed = opts.seed ?? scenario.seed;
  const countries = await listCountries(store);
  checkActors(scenario, countries);
  const book = await blocsFrom(store); // countries and configured blocs read once; specs resolved against it
  const resolve: BlocResolver = (spec) => book.resolve(spec).members;
  const eu = new Set(resolve("EU27"));
  // Results are keyed by each bloc's id, so `targets: [Japan]` reports under JPN, not JAPAN.
  const blocs = [...new Set(reportBlocs(scenario).map((b) => book.resolve(b).id))];
  const targetSpecs = scenario.shocks.flatMap((k) => k.targets).filter((t) => t.trim().toUpperCase() !== "ALL");
  const stockKeys = Object.keys(scenario.responses.stockpileDays);
  for (const k of stockKeys) resolve(k); // unknown blocs fail before any work
  let universe = [...new Set([...blocs, ...targetSpecs].flatMap(resolve))];
  if (universe.some((c) => eu.has(c))) universe = [...new Set([...universe, ...eu])];
  universe.sort();
  const groupOf = (c: string) => (eu.has(c) ? "EU27" : c);
  const ranges = withOverrides(scenario.params);

  const markets: MarketResult[] = [];
  const keys = marketsOf(scenario);
  const gdp = await gdpTable(store, scenario.year);
  const nameOf = new Map(countries.map((c) => [c.iso3, c.name]));
  const name = (c: string) => nameOf.get(c) ?? c;
  for (let mi = 0; mi < keys.length; mi++) {
    const key = keys[mi];
    const { market, endUse, coverage } = await loadMarket(store, key.material, key.stage, scenario.year, { countries: universe, groupOf }, scenario.demandShares ?? {});
    const ms = compileScenario(scenario, key, market, resolve);
    const views = targetViews(market, blocs, resolve);
    const japanConsumes = market.consumers.some((_, c) => isJapan(market, c, resolve));
    const jpVa = endUse && japanConsumes ? japanValueAdded(endUse.rows, await nationalValueAdded(store, "JPN", scenario.year)) : null;
    const va = valueAddedBasis(market, endUse, resolve, eu, jpVa);
    const japanCounted = va?.parts.some((p) => p.region === "JPN") === true;
    const mcSeed = (seed + 7919 * mi) >>> 0;
    const targets = opts.offThread
      ? await monteCarloOffThread({ market, ms, ranges, runs, seed: mcSeed, views, va })
      : monteCarlo(market, ms, ranges, runs, mcSeed, views, va, (r) => opts.onProgress?.(mi, r, runs));
    market.notes.push(...idleActorNotes(market, key.shocks.map((k) => k.actor)));
    // GDP of the members whose value added is counted: EU members, and Japan when its part is modelled.
    const counted = (c: string) => eu.has(c) || (c === "JPN" && japanCounted);
    const checked = withGdp(targets, { material: key.material, scenario, gdp, name, members: (k) => resolve(k).filter(counted) });
    const missing = missingGdpWarning(Object.fromEntries(Object.entries(checked).map(([k, t]) => [k, t.gdp])), name);
    const jpWarnings = japanCounted && jpVa ? jpVa.warnings : [];
    const jpMissing = endUse && !jpVa && japanConsumes
      ? ["Japan's value added at risk not modelled: no national value added table for Japan is loaded (chokepoint ingest oecd-iot-va FILE)"]
      : [];
    const warnings = [...(missing ? [missing] : []), ...Object.values(checked).flatMap((t) => (t.gdp?.warning ? [t.gdp.warning] : [])), ...jpWarnings, ...jpMissing];
    const described = describe(market, key.shocks.map((k) => k.actor), va && endUse ? { va, endUse } : null, checked);
    const valueAddedJapan = japanCounted && jpVa && va ? { ...jpVa, annualMeur: round(jpVa.annualMeur, 1), annualMusd: round(jpVa.annualMusd, 1), substitutionIndex: va.si } : null;
    markets.push({ ...described, valueAddedJapan, coverage: { ...coverage, warnings: [...coverage.warnings, ...warnings] } });
  }
  return { scenario, runs, seed, units: UNITS, parameters: ranges, targets: markets[0].targets, markets, coverage: mergeCoverage(markets.map((m) => ({ label: `${m.material} ${m.stage}`, coverage: m.coverage }))) };
}

/**
 * Every target with a value added at risk gets its GDP context (docs/simulator.md, "Sanity check against
 * GDP"): the GDP of the members whose value added is counted (EU members; Japan when its part is modelled).
 */
function withGdp(
  targets: Record<string, TargetResult>,
  o: { material: string; scenario: Scenario; gdp: Awaited<ReturnType<typeof gdpTable>>; name: (c: string) => string; members: (key: string) => string[] },
): Record<string, SimulatedTarget> {
  const sources = [o.gdp.gdpSource, o.gdp.fxSource].filter((x): x is SourceRef => x !== null);
  return Object.fromEntries(Object.entries(targets).map(([k, t]) => {
    const gdp = t.valueAddedAtRisk
      ? gdpContext({ target: k, name: o.name, material: o.material, vaP50Meur: t.valueAddedAtRisk.p50, horizonMonths: o.scenario.horizonMonths, scenarioYear: o.scenario.year, members: o.members(k), figures: o.gdp.figures, sources })
      : null;
    const { monthly, ...head } = t;
    return [k, { ...head, gdp, monthly }];
  }));
}

/** Blocs first (in report order), then each member with its own trade data, sorted. */
function targetViews(m: Market, blocs: string[], resolve: BlocResolver): TargetView[] {
  const views: TargetView[] = [];
  const memberKeys = new Set<number>();
  for (const b of blocs) {
    const set = new Set(resolve(b));
    const cs = m.consumers.map((_, c) => c).filter((c) => consumerMembers(m, c, resolve).every((x) => set.has(x)));
    if (!cs.length) continue;
    views.push({ key: b, members: cs.map((c) => m.consumers[c].id), consumers: cs });
    for (const c of cs) if (m.consumers[c].basis === "trade") memberKeys.add(c);
  }
  for (const c of [...memberKeys].sort((a, b) => m.consumers[a].id.localeCompare(m.consumers[b].id))) {
    if (views.some((v) => v.key === m.consumers[c].id)) continue;
    views.push({ key: m.consumers[c].id, members: [m.consumers[c].id], consumers: [c] });
  }
  return views;
}

/**
 * The value added behind the material by economy: the EU's (study end uses × EU sector VA) over its
 * consumers, Japan's (same end uses × OECD IOT groups, `japan-va.ts`) over Japan's consumer. Null when
 * neither applies.
 */
function valueAddedBasis(m: Market, endUse: EndUse | null, resolve: BlocResolver, eu: Set<string>, japan: JapanValueAdded | null): ValueAddedBasis | null {
  if (!endUse) return null;
  const parts: ValueAddedBasis["parts"] = [];
  const euAll = m.consumers.map((_, c) => c).filter((c) => consumerMembers(m, c, resolve).every((x) => eu.has(x)));
  if (euAll.length) parts.push({ region: "EU27", annualMeur: endUse.rows.reduce((a, r) => a + r.share * r.va_meur, 0), all: euAll });
  const jpAll = m.consumers.map((_, c) => c).filter((c) => isJapan(m, c, resolve));
  if (japan && jpAll.length) parts.push({ region: "JPN", annualMeur: japan.annualMeur, all: jpAll });
  return parts.length ? { si: endUse.si ?? 1, parts } : null;
}

const isJapan = (m: Market, c: number, resolve: BlocResolver) => consumerMembers(m, c, resolve).every((x) => x === "JPN");

function describe(m: Market, actors: string[], va: { va: ValueAddedBasis; endUse: EndUse } | null, targets: Record<string, SimulatedTarget>): Omit<MarketResult, "coverage" | "valueAddedJapan"> {
  const euPart = va?.va.parts.find((p) => p.region === "EU27");
  const order = [...m.suppliers.keys()].sort((a, b) => m.production[b] - m.production[a]);
  return {
    material: m.material,
    stage: m.stage,
    year: m.year,
    worldTonnes: m.worldTonnes === null ? null : round(m.worldTonnes, 1),
    suppliers: order.map((s) => ({ country: m.suppliers[s], share: round(m.production[s], 4) })),
    consumers: m.consumers.map((k) => ({
      id: k.id, group: k.group, basis: k.basis, weight: round(k.weight, 4),
      actorShare: Object.fromEntries([...new Set(actors)].map((a) => [a, round(m.suppliers.includes(a) ? k.sourcing[m.suppliers.indexOf(a)] : 0, 4)])),
    })),
    demandShares: m.demandShares,
    valueAdded: euPart && va ? { annualMeur: round(euPart.annualMeur, 1), substitutionIndex: va.va.si, source: va.endUse.source } : null,
    sources: m.sources,
    notes: m.notes,
    targets,
  };
}
