import { exposure } from "../exposure.ts";
import { ChokepointError } from "../../domain/error.ts";
import type { Stage } from "../../domain/vocabulary.ts";
import type { Store } from "../../store/store.ts";
import type { Supplier } from "./hhi-wgi.ts";

/**
 * A bloc's sourcing mix from trade (the lead's `exposure` with basis "sourcing": extra-bloc imports by
 * partner, values in USD), or null with the reason when trade data cannot give it.
 *
 * @example (await blocSourcing(store, "gallium", "processing", "JPN")).mix?.[0] // { iso3: "CHN", share: …, t: 1 }
 */
export async function blocSourcing(store: Store, material: string, stage: Stage, bloc: string): Promise<{ mix: Supplier[] | null; notes: string[] }> {
  try {
    const e = await exposure(store, { material, stage, bloc, basis: "sourcing" });
    const countries = e.suppliers.filter((s) => !s.aggregate);
    if (!countries.length) return { mix: null, notes: [`no ${bloc} imports by partner in trade data`] };
    return {
      mix: countries.map((s) => ({ iso3: s.country, share: s.share, t: 1 })),
      notes: [`${bloc} sourcing: imports by partner ${e.year} (${e.sources.map((s) => s.dataset).join(", ")})`],
    };
  } catch (err) {
    if (err instanceof ChokepointError) return { mix: null, notes: [`${bloc} sourcing mix unavailable: ${err.message}`] };
    throw err;
  }
}
