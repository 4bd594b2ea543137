import { z } from "zod";
import type { Store } from "../store.ts";
import { listCountries } from "./countries.ts";

/** What the country list is asked: nothing (every country in the store). */
export const CountriesRequestSchema = z.strictObject({});

/**
 * Country names by ISO3 code, with EU membership (for labels and the bloc picker).
 * @example (await countries(store)).countries.find((c) => c.iso3 === "KOR")?.name // "Korea, Republic of"
 */
export async function countries(store: Store): Promise<{ countries: { iso3: string; name: string; eu27: boolean }[] }> {
  return { countries: (await listCountries(store)).map((c) => ({ iso3: c.iso3, name: c.name, eu27: c.eu27 })) };
}
