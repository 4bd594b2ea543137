import { ChokepointError } from "../domain/error.ts";
import { blocsFrom } from "../store/queries/blocs.ts";
import type { Store } from "../store/store.ts";
import { simulate, type Scenario } from "../simulate/index.ts";
import type { PlanRequest } from "./request.ts";

/** Default shortfall threshold: the bloc's worst month may miss at most this share of its demand. */
export const DEFAULT_THRESHOLD = 0.1;
/** The simulator reports p5/p50/p95, so these protection levels can be sized exactly. */
export const PROTECT_LEVELS = { 0.5: "p50", 0.95: "p95" } as const;
const MAX_DAYS = 3650; // the scenario schema's own limit on stockpileDays

export interface StockpileSizing {
  scenario: string;
  bloc: string;
  material: string;
  protect: number;
  threshold: number;
  /** Smallest whole number of days of the bloc's demand that protects; null if even 3650 days do not. */
  stockpileDays: number | null;
  /** The simulator's quantile (`protect`) of the bloc's peak monthly shortfall at that stockpile, and one day less. */
  atStockpile: number | null;
  oneDayLess: number | null;
  withoutStockpile: number;
  runs: number;
  seed: number;
  allianceSharing: boolean;
  simulations: number;
  method: string;
}

/** The scenario with every stockpile key inside the bloc replaced by one key for the bloc (`days`). */
export function withBlocStockpile(s: Scenario, bloc: string, inBloc: (key: string) => boolean, days: number): Scenario {
  const kept = Object.entries(s.responses.stockpileDays).filter(([k]) => !inBloc(k));
  const report = [...new Set([...(s.report ?? []), bloc])];
  return { ...s, report, responses: { ...s.responses, stockpileDays: { ...Object.fromEntries(kept), [bloc]: days } } };
}

/**
 * Smallest monotone-true integer in [lo, hi] by bisection, given ok(hi) and not ok(lo).
 * @example await bisectDays(0, 100, async (d) => d >= 37) // 37
 */
export async function bisectDays(lo: number, hi: number, ok: (d: number) => Promise<boolean>): Promise<number> {
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (await ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The smallest stockpile (days of the bloc's consumption) that keeps the bloc's peak monthly
 * shortfall at or below `threshold` in a `protect` share of the simulator's draws for a scenario:
 * the bloc's stockpile in the scenario's responses is set to d days and d found by doubling then
 * bisection. Same scenario seed → same draws for every d, so the search is deterministic.
 * @example (await sizeStockpile(store, { material: "gallium", bloc: "ALLIANCE", scenario: loadScenario("scenarios/china-gallium-alliance.yaml"), protect: 0.95 }, report)).stockpileDays // report: a PlanReport (bloc and blocMembers)
 */
export async function sizeStockpile(store: Store, req: PlanRequest, plan: { material: string; bloc: string; blocMembers: string[] }): Promise<StockpileSizing> {
  const protect = req.protect ?? 0.95;
  const q = PROTECT_LEVELS[protect as keyof typeof PROTECT_LEVELS];
  if (!q) throw new ChokepointError("invalid_input", `--protect ${protect} cannot be sized: the simulator reports the ${Object.keys(PROTECT_LEVELS).join(" and ")} quantiles (use one of them)`);
  const threshold = req.threshold ?? DEFAULT_THRESHOLD;
  const scenario = req.scenario!;
  const file = req.scenarioLabel ?? `scenario '${scenario.name}'`;
  // The scenario's stockpile keys are specs in its own data: resolved against one book, read once.
  const book = await blocsFrom(store);
  const members = new Set(plan.blocMembers);
  const inBloc = (key: string) => book.resolve(key).members.some((c) => members.has(c));
  if (!scenario.shocks.some((k) => k.material === plan.material)) {
    throw new ChokepointError("invalid_input", `scenario ${file} does not shock ${plan.material} (it shocks ${[...new Set(scenario.shocks.map((k) => k.material))].join(", ")})`);
  }
  const cache = new Map<number, number>();
  const peak = async (days: number): Promise<number> => {
    if (!cache.has(days)) {
      const out = await simulate(store, withBlocStockpile(scenario, plan.bloc, inBloc, days));
      const market = out.markets.find((m) => m.material === plan.material) ?? out.markets[0];
      const t = market.targets[plan.bloc];
      if (!t) throw new ChokepointError("no_data", `scenario ${file}: the ${plan.material} market has no consumers in ${plan.bloc} to size a stockpile for`);
      cache.set(days, t.peakShortfall[q]);
    }
    return cache.get(days)!;
  };
  const ok = async (d: number) => (await peak(d)) <= threshold;
  let days: number | null = 0;
  if (!(await ok(0))) {
    let lo = 0, hi = 30;
    while (hi < MAX_DAYS && !(await ok(hi))) [lo, hi] = [hi, Math.min(MAX_DAYS, hi * 2)];
    days = (await ok(hi)) ? await bisectDays(lo, hi, ok) : null;
  }
  return {
    scenario: file,
    bloc: plan.bloc,
    material: plan.material,
    protect,
    threshold,
    stockpileDays: days,
    atStockpile: days === null ? null : await peak(days),
    oneDayLess: days === null || days === 0 ? null : await peak(days - 1),
    withoutStockpile: await peak(0),
    runs: scenario.runs,
    seed: scenario.seed,
    allianceSharing: scenario.responses.allianceSharing,
    simulations: cache.size,
    method:
      `the simulator's ${q} (over ${scenario.runs} draws, seed ${scenario.seed}) of ${plan.bloc}'s peak monthly shortfall (fraction of its demand) ` +
      `with ${plan.bloc}'s stockpile set to d days in the scenario's responses (other stockpile keys kept); the smallest whole d with ${q} ≤ ${threshold}, ` +
      `found by doubling from 30 days and bisection (the shortfall does not rise with more stock; same seed → same draws for every d)`,
  };
}
