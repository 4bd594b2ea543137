import { ChokepointError } from "../../domain/error.ts";
import { restrictionsInForce } from "../../store/queries/restrictions.ts";
import type { Store } from "../../store/store.ts";
import type { WhatIf } from "./what-if.ts";

/**
 * The trade variable given to a supplier with an export measure in force for the bloc: 1.5, the
 * largest t the EU 2023 study assigns for export restrictions (China for two materials, Myanmar for
 * one; most restricting suppliers get 1.1). An assumption, overridable with `--restriction-t`.
 */
export const RESTRICTION_T = 1.5;

/**
 * What-ifs from the measures on record: every country with an export measure in force on `date`
 * that reaches the bloc (all destinations, or naming a member) on the material, a group above it or a
 * member below it, gets trade variable `t`. The same query exposure and alerts use (`restrictionsInForce`).
 *
 * @example await restrictionWhatIfs(store, { date: "2026-12-05", destination: ["JPN"], material: "gallium" }) // [{ iso3: "CHN", t: 1.5 }]
 */
export async function restrictionWhatIfs(
  store: Store,
  q: { date: string; destination: readonly string[]; material: string; t?: number },
): Promise<WhatIf[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(q.date) || Number.isNaN(Date.parse(q.date))) {
    throw new ChokepointError("invalid_input", `invalid --restrictions-on '${q.date}' (expected a date such as 2026-12-05)`);
  }
  const t = q.t ?? RESTRICTION_T;
  if (!(t >= 0 && t <= 5)) throw new ChokepointError("invalid_input", `--restriction-t ${t}: t must be within 0–5`);
  const countries = new Set((await restrictionsInForce(store, { date: q.date, destination: q.destination, material: q.material })).map((r) => r.country));
  return [...countries].sort().map((iso3) => ({ iso3, t }));
}
