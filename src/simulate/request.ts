import { z } from "zod";
import { RunsField, SeedField } from "../domain/request.ts";

export { ScenarioSchema } from "./scenario.ts";

/** How to run a scenario (CLI --runs/--seed, API query): each overrides the scenario's own value. */
export const SimulateRunSchema = z.strictObject({
  runs: RunsField.optional().describe("Monte Carlo runs (overrides the scenario)"),
  seed: SeedField.optional().describe("random seed (overrides the scenario); same seed, same output"),
});
export type SimulateRun = z.output<typeof SimulateRunSchema>;
