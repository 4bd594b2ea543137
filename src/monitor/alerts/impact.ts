import type { SourceRef } from "../../domain/vocabulary.ts";
import type { Coverage } from "../../domain/coverage.ts";
import { simulate } from "../../simulate/simulate.ts";
import type { Scenario } from "../../simulate/scenario.ts";
import type { Band } from "../../simulate/quantiles.ts";
import { listMaterials } from "../../store/queries/materials.ts";
import type { Store } from "../../store/store.ts";
import { defaultScenario, type ShockSpec } from "./scenario.ts";

/** What the default scenario's simulation says for one bloc. */
export interface SimulatedImpact {
  peakShortfall: Band; // fraction of the bloc's pre-shock demand unmet in the worst month
  priceChange: Band;
  valueAddedAtRisk: Band | null; // million EUR over the horizon (EU members and Japan)
  year: number; // data year of the market
  runs: number;
  seed: number;
  sources: SourceRef[];
  /** The simulated market's coverage (its production and trade inputs). */
  coverage: Coverage;
}

/**
 * Impact used to rank alerts (0–1, higher first). Simulated: the mean of the bloc's peak-shortfall
 * p50 and p95, so tail risk counts as much as the central case. Not simulated (no production
 * data for the material, or an actor that is not one country): severity × the supplier's share
 * of the bloc's supply, the share at risk before any rerouting or stockpile.
 *
 * @example impactOf({ severity: 0.5, share: 0.9, sim: null }) // 0.45
 */
export function impactOf(x: { severity: number; share: number; sim: SimulatedImpact | null }): number {
  if (!x.sim) return round(x.severity * x.share);
  return round((x.sim.peakShortfall.p50 + x.sim.peakShortfall.p95) / 2);
}

/** Order of alerts: impact, then value added at risk (p50), then bloc for stable output. */
export function compareImpact(
  a: { impact: number; simulation: SimulatedImpact | null; bloc: string },
  b: { impact: number; simulation: SimulatedImpact | null; bloc: string },
): number {
  const va = (x: typeof a) => x.simulation?.valueAddedAtRisk?.p50 ?? 0;
  return b.impact - a.impact || va(b) - va(a) || a.bloc.localeCompare(b.bloc);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** What one alert scenario's simulation gives each bloc: the worst market and every material's peak shortfall. */
export interface AlertRun {
  scenario: Scenario;
  byBloc: Map<string, SimulatedImpact & { material: string; byMaterial: { material: string; peakShortfall: Band }[] }>;
  error?: string;
}

/** A simulator for alerts: one simulation per (shock, materials, reported blocs), cached for the call. */
export interface AlertSimulator {
  /** One scenario with a shock per material; per bloc, the worst market's impact and every material's peak shortfall. */
  run(shock: ShockSpec, materials: readonly string[], blocs: readonly string[]): Promise<AlertRun>;
  /** Number of distinct simulations run so far. */
  readonly count: number;
}

/**
 * Build the cached simulator: the material's stage comes from the catalogue (its default stage);
 * a market the simulator cannot build (no production data) gives no impacts and the error text.
 *
 * @example
 * const sim = alertSimulator(store);
 * const { byBloc } = await sim.run({ type: "export_ban", actor: "CHN", targets: ["JPN"], label: "x", year: 2024 }, ["gallium"], ["JPN"]);
 */
export function alertSimulator(store: Store, opts: { runs?: number } = {}): AlertSimulator {
  const cache = new Map<string, Promise<AlertRun>>();
  let stages: Promise<Map<string, string | undefined>> | null = null;
  const stageOf = async (material: string) => {
    stages ??= listMaterials(store).then((ms) => new Map(ms.map((m) => [m.id, m.default_stage ?? (m.stages.length === 1 ? m.stages[0] : undefined)])));
    return (await stages).get(material);
  };
  return {
    get count() {
      return cache.size;
    },
    run(shock, materials, blocs) {
      const key = JSON.stringify([shock.type, shock.actor, shock.targets, shock.severity, shock.year, materials, blocs]);
      if (!cache.has(key)) {
        cache.set(key, (async (): Promise<AlertRun> => {
          const withStage = await Promise.all(materials.map(async (m) => ({ material: m, stage: await stageOf(m) })));
          const scenario = defaultScenario(shock, withStage, blocs);
          try {
            const out = await simulate(store, scenario, { runs: opts.runs ?? scenario.runs, seed: scenario.seed });
            const byBloc: AlertRun["byBloc"] = new Map();
            for (const b of blocs) {
              const per = out.markets.filter((m) => m.targets[b]).map((m) => ({ m, t: m.targets[b] }));
              if (!per.length) continue;
              const worst = per.reduce((a, x) => (score(x.t.peakShortfall) > score(a.t.peakShortfall) ? x : a));
              byBloc.set(b, {
                material: worst.m.material, peakShortfall: worst.t.peakShortfall, priceChange: worst.t.priceChange, valueAddedAtRisk: worst.t.valueAddedAtRisk,
                year: worst.m.year, runs: out.runs, seed: out.seed, sources: worst.m.sources, coverage: worst.m.coverage,
                byMaterial: per.map((x) => ({ material: x.m.material, peakShortfall: x.t.peakShortfall })),
              });
            }
            return { scenario, byBloc };
          } catch (e) {
            return { scenario, byBloc: new Map(), error: (e as Error).message };
          }
        })());
      }
      return cache.get(key)!;
    },
  };
}

const score = (b: Band) => b.p50 + b.p95;
