import { ChokepointError } from "../domain/error.ts";
import type { Store } from "../store/store.ts";
import type { PlanRequest } from "./request.ts";

export interface StockpileSizing {
  scenario: string;
  protect: number;
  stockpileDays: number;
}

/**
 * The smallest stockpile (days of consumption) that keeps the shortfall below the threshold in a
 * `protect` share of the simulator's draws for a scenario.
 */
export async function sizeStockpile(_store: Store, req: PlanRequest, _report: unknown): Promise<StockpileSizing> {
  throw new ChokepointError("not_implemented", `stockpile sizing for scenario ${req.scenario} needs the simulator (src/simulate), which is not available yet`);
}
