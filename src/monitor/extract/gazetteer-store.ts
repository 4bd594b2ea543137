import { gazetteerRows } from "../../store/queries/monitor.ts";
import type { Store } from "../../store/store.ts";
import { buildGazetteer, type Gazetteer } from "./gazetteer.ts";

/**
 * The gazetteer generated from the store's country and material catalogues.
 * @example const g = await gazetteerFromStore(store); g.places.get("china") // "CHN"
 */
export async function gazetteerFromStore(store: Store): Promise<Gazetteer> {
  return buildGazetteer(await gazetteerRows(store));
}
