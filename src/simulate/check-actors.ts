import { ChokepointError } from "../domain/error.ts";
import { closest } from "../domain/suggest.ts";
import type { CountryRow } from "../store/queries/countries.ts";
import type { Market } from "./market.ts";
import type { Scenario } from "./scenario.ts";

/**
 * Every shock's `actor` must be a known country: a typo (`CNH`, `XXX`) used to give a 0 %
 * shortfall with no note. Names the field, the value and the closest codes.
 *
 * @example checkActors(scenario, countries) // throws unknown_country: shocks.0.actor: unknown country 'CNH' (did you mean: CHN, …?)
 */
export function checkActors(s: Scenario, countries: readonly CountryRow[]): void {
  const codes = countries.map((c) => c.iso3);
  const known = new Set(codes);
  s.shocks.forEach((k, i) => {
    if (known.has(k.actor)) return;
    const field = `shocks.${i}.actor`;
    // A swapped pair (CNH for CHN) first: plain edit distance ranks it behind many unrelated codes.
    const sorted = (x: string) => [...x.toUpperCase()].sort().join("");
    const swapped = codes.filter((c) => sorted(c) === sorted(k.actor));
    const hint = [...new Set([...swapped, ...closest(k.actor, codes, 3)])].slice(0, 3);
    throw new ChokepointError("unknown_country", `${field}: unknown country '${k.actor}' (did you mean: ${hint.join(", ")}?). An actor is an ISO3 country code such as CHN`, [
      { code: "unknown_country", path: ["shocks", i, "actor"], field, value: k.actor, message: `unknown country (did you mean: ${hint.join(", ")}?)` },
    ]);
  });
}

/** A note for each actor that produces none of the market's supply (its shocks remove nothing). */
export function idleActorNotes(m: Market, actors: string[]): string[] {
  return [...new Set(actors)]
    .filter((a) => !m.suppliers.includes(a))
    .map((a) => `${a} is not among the producers of ${m.material} (${m.stage}) in the data for ${m.year}: its shocks remove nothing`);
}
