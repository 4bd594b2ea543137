import { restrictionsOn, today, type Restriction } from "../../store/queries/restrictions.ts";
import { datasetInfo } from "../../store/queries/exposure.ts";
import type { Store } from "../../store/store.ts";
import type { RestrictionsRequest } from "../request.ts";

/** What `chokepoint restrictions` and `GET /api/restrictions` answer. */
export interface RestrictionsAnswer {
  date: string;
  restrictions: Restriction[];
  source: { dataset: string; edition: string | null };
  coverage: { complete: boolean; warnings: string[] };
}

/** Last day the shipped compilation covers: later announcements (extensions, new measures) are unknown to it. */
export const RESTRICTIONS_COVERED_TO = "2026-01-31";

/**
 * Export measures on record on a date (default today) — in force, suspended (with the day the
 * suspension ends) or ended — for a destination, material and restricting country.
 *
 * @example (await listRestrictions(store, { date: "2026-12-05", destination: "JPN" })).restrictions[0].status
 */
export async function listRestrictions(store: Store, req: RestrictionsRequest): Promise<RestrictionsAnswer> {
  const date = req.date ?? today();
  const restrictions = await restrictionsOn(store, { date, destination: req.destination, material: req.material, country: req.country });
  const [info] = await datasetInfo(store, ["export-restrictions"]);
  const warnings = ["a secondary compilation of official notices: check each measure at its url before citing it"];
  if (date > RESTRICTIONS_COVERED_TO) {
    warnings.push(`measures on record run to ${RESTRICTIONS_COVERED_TO}: a suspension's end assumes no later extension or new notice`);
  }
  if (restrictions.some((r) => !r.url)) warnings.push("some measures have no official URL in the compilation (url null)");
  return { date, restrictions, source: { dataset: "export-restrictions", edition: info?.edition ?? null }, coverage: { complete: false, warnings } };
}
