import { blocBook, configuredBlocs, type Bloc, type BlocBook } from "../../domain/blocs.ts";
import type { Store } from "../store.ts";
import { listCountries } from "./countries.ts";

/**
 * The bloc book for this store: countries with their aliases (memoised per store state) and the
 * configured blocs from `chokepoint.config.json`, each read once per call. Resolve specs with it at
 * the edge and pass the `Bloc` down; many specs (a loop) resolve against one book.
 *
 * @example
 * const blocs = await blocsFrom(store);
 * blocs.resolve("ALLIANCE").members.length // 28
 */
export async function blocsFrom(store: Store): Promise<BlocBook> {
  return blocBook(await listCountries(store), configuredBlocs());
}

/**
 * A spec or an already resolved `Bloc` as a `Bloc`: capabilities accept either, so library callers
 * may pass a string while the CLI and the API pass the value they resolved at the edge.
 *
 * @example await resolveBloc(store, "KOR,EU27") // { id: "KOR,EU27", members: [...27 EU, "KOR"] }
 */
export async function resolveBloc(store: Store, spec: string | Bloc): Promise<Bloc> {
  return typeof spec === "string" ? (await blocsFrom(store)).resolve(spec) : spec;
}

/**
 * A parsed request with its `bloc` spec resolved: what the CLI and the API do at the edge before
 * calling a capability, so the capability gets the `Bloc` value and resolves nothing itself.
 *
 * @example exposure(store, await withBloc(store, parseRequest(ExposureRequestSchema, query, "exposure")))
 */
export async function withBloc<R extends { bloc: string | Bloc }>(store: Store, req: R): Promise<Omit<R, "bloc"> & { bloc: Bloc }> {
  return { ...req, bloc: await resolveBloc(store, req.bloc) };
}
