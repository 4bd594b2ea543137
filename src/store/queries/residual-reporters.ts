import { RESIDUAL_REPORTERS, type ResidualReporter } from "../../domain/residual-reporters.ts";
import type { Store } from "../store.ts";
import { listCountries } from "./countries.ts";

/**
 * The reporters to read trade for: `reporters` plus each residual pseudo-reporter whose whole group
 * they hold (every EU27 member → also "XEU", EI's "Other EU" LNG row), and the group members each
 * residual stands for.
 *
 * @example await withResiduals(store, euMembers) // { reporters: [...euMembers, "XEU"], residuals: Map { "XEU" → euMembers } }
 */
export async function withResiduals(store: Store, reporters: readonly string[]): Promise<{ reporters: string[]; residuals: Map<ResidualReporter, string[]> }> {
  const eu = (await listCountries(store)).filter((c) => c.eu27).map((c) => c.iso3);
  const has = new Set(reporters);
  const residuals = new Map<ResidualReporter, string[]>();
  for (const code of Object.keys(RESIDUAL_REPORTERS) as ResidualReporter[]) {
    const group = RESIDUAL_REPORTERS[code].group === "EU27" ? eu : [];
    if (group.length && group.every((m) => has.has(m)) && !has.has(code)) residuals.set(code, group);
  }
  return { reporters: [...reporters, ...residuals.keys()], residuals };
}
