/**
 * The coercion and disruption simulator: scenario files, the pure monthly model and the
 * store-backed `simulate`. See docs/simulator.md.
 * @example
 * import { simulate, loadScenario } from "chokepoint";
 * const out = await simulate(store, loadScenario("scenarios/china-gallium-alliance.yaml"));
 */
export { simulate, type SimulationResult, type SimulateOptions, type MarketResult } from "./simulate.ts";
export { runModel, stepModel, type ModelScenario, type ModelRun } from "./model.ts";
export { loadScenario, parseScenario, validateScenario, ScenarioSchema, type Scenario } from "./scenario.ts";
export { DEFAULT_PARAMS, DEMAND_SHARES, type ModelParams } from "./params.ts";
export { gaGeBacktest, type BacktestResult } from "./backtest.ts";
export type { Market } from "./market.ts";
