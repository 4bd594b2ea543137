import { extraDdl } from "../store/schema/extra.ts";
import type { Store } from "../store/store.ts";

/**
 * Create the BACI tables (`baci_trade`, `baci_loads`, `baci_countries`, `baci_products`, defined in
 * `src/store/schema/extra.ts`) if missing. Loaders call this because a database built before these
 * tables existed keeps its schema version until `data/` changes; every statement is IF NOT EXISTS.
 *
 * @example await ensureBaciSchema(store);
 */
export async function ensureBaciSchema(store: Store): Promise<void> {
  for (const sql of extraDdl.filter((s) => s.includes(" baci_"))) await store.run(sql);
}
