import { ChokepointError } from "./error.ts";
import { readConfig } from "./config.ts";
import { closest, editDistance } from "./suggest.ts";
import type { CountryRow } from "./country.ts";

/** A resolved bloc: its id as the user gave it and its member countries (ISO3). */
export interface Bloc {
  id: string;
  members: string[];
}

/** Whether a value is a resolved `Bloc` ({ id, members }) rather than a spec. */
export function isBloc(b: unknown): b is Bloc {
  return typeof b === "object" && b !== null && typeof (b as Bloc).id === "string" && Array.isArray((b as Bloc).members);
}

/**
 * A request whose bloc the edge (CLI/API, `withBloc`) may already have resolved: the request with
 * the bloc's id in its place (what the request schemas accept) and the `Bloc`, or null for a spec.
 * @example splitResolvedBloc({ material: "gallium", bloc: { id: "JPN", members: ["JPN"] } }) // { input: { …, bloc: "JPN" }, bloc: { id: "JPN", … } }
 */
export function splitResolvedBloc<T extends object>(input: T): { input: T; bloc: Bloc | null } {
  const b = (input as { bloc?: unknown }).bloc;
  return isBloc(b) ? { input: { ...input, bloc: b.id }, bloc: b } : { input, bloc: null };
}

export const BUILTIN_BLOCS = ["EU27", "JPN", "ALLIANCE", "G7"] as const;

/** User-defined blocs from `chokepoint.config.json` (or $CHOKEPOINT_CONFIG): `{ "blocs": { "QUAD": ["AUS", …] } }`. */
export function configuredBlocs(): Record<string, string[]> {
  return (readConfig()?.data.blocs as Record<string, string[]> | undefined) ?? {};
}

/**
 * Resolve a bloc spec — `EU27`, `JPN`, `ALLIANCE` (= EU27 ∪ JPN), `G7`, a configured name,
 * or a comma list of countries and blocs (ISO3 codes, names or common spellings, bloc ids:
 * `JPN,KOR`, `Japan, South Korea`, `KOR,EU27`, `EU27,JPN,KOR`)
 * — against the country table. A list given by names gets the ISO3 codes as its id.
 *
 * @example
 * resolveBlocFrom("ALLIANCE", countries).members.length // 28
 * resolveBlocFrom("Japan", countries).id // "JPN"
 */
export function resolveBlocFrom(spec: string, countries: readonly CountryRow[], custom: Record<string, string[]> = configuredBlocs()): Bloc {
  const id = spec.trim().toUpperCase();
  const eu = countries.filter((c) => c.eu27).map((c) => c.iso3);
  let members: string[];
  if (id === "EU27" || id === "EU") members = eu;
  else if (id === "ALLIANCE") members = [...eu, "JPN"];
  else if (id === "G7") members = countries.filter((c) => c.g7).map((c) => c.iso3);
  else if (custom[spec] ?? custom[id]) members = (custom[spec] ?? custom[id]).map((c) => c.toUpperCase());
  else {
    const lookup = countryLookup(countries);
    const tokens = spec.split(",").map((s) => s.trim()).filter(Boolean);
    // A coalition may mix blocs and countries (`KOR,EU27`, `EU27,JPN,KOR`): a bloc token adds its members.
    const blocOf = (t: string): string[] | undefined => {
      const u = t.toUpperCase();
      if (u === "EU27" || u === "EU") return eu;
      if (u === "ALLIANCE") return [...eu, "JPN"];
      if (u === "G7") return countries.filter((c) => c.g7).map((c) => c.iso3);
      const c = custom[t] ?? custom[u];
      return c?.map((x) => x.toUpperCase());
    };
    if (tokens.length > 1 && tokens.some((t) => blocOf(t) && !lookup.has(t.toLowerCase()))) {
      const parts = tokens.map((t) => (lookup.has(t.toLowerCase()) ? [lookup.get(t.toLowerCase())!] : blocOf(t)));
      const bad = tokens.find((_, i) => !parts[i]);
      if (bad === undefined) {
        return { id: tokens.map((t, i) => (blocOf(t) && !lookup.has(t.toLowerCase()) ? t.toUpperCase().replace(/^EU$/, "EU27") : parts[i]![0])).join(","), members: [...new Set(parts.flat() as string[])].sort() };
      }
    }
    const resolved = tokens.map((t) => lookup.get(t.toLowerCase()));
    const bad = tokens.find((_, i) => !resolved[i]);
    if (bad !== undefined || tokens.length === 0) {
      const wrong = bad ?? spec;
      // A bloc within two edits leads the list ('EUU' → EU27, before ECU): blocs are typed more than codes.
      const blocs = [...BUILTIN_BLOCS, ...Object.keys(custom)];
      const nearBloc = closest(wrong, blocs, 1).filter((b) => editDistance(wrong.toUpperCase(), b.toUpperCase()) <= 2);
      const hint = [...new Set([...nearBloc, ...closest(wrong, countries.map((c) => c.iso3), 3)])].slice(0, 3);
      throw new ChokepointError(
        "unknown_bloc",
        `unknown bloc or country '${wrong}' (did you mean: ${hint.join(", ")}?). ` +
          `A bloc is one of ${blocs.join(", ")} or a comma list of countries such as JPN,KOR`,
      );
    }
    members = resolved as string[];
    const byCode = tokens.every((t, i) => t.toUpperCase() === resolved[i]);
    return { id: byCode ? id : [...new Set(members)].join(","), members: [...new Set(members)].sort() };
  }
  return { id: id === "EU" ? "EU27" : id, members: [...new Set(members)].sort() };
}

/**
 * ISO3, name and every alias (lowercase) → ISO3, built once per country list: blocs are resolved in
 * loops (the planner's stockpile keys, the simulator's targets) and the list carries ~800 aliases.
 */
const lookups = new WeakMap<readonly CountryRow[], Map<string, string>>();
function countryLookup(countries: readonly CountryRow[]): Map<string, string> {
  const cached = lookups.get(countries);
  if (cached) return cached;
  const out = new Map<string, string>();
  lookups.set(countries, out);
  for (const c of countries) {
    for (const a of c.aliases ?? []) out.set(a.toLowerCase(), c.iso3);
    out.set(c.name.toLowerCase(), c.iso3);
  }
  for (const c of countries) out.set(c.iso3.toLowerCase(), c.iso3); // a code always means itself
  return out;
}

/** Every bloc a user can name, resolved once: built-in, then configured, with their members. */
export interface BlocBook {
  /**
   * A spec (`EU27`, `KOR,EU27`, `Japan`, a configured name) as a `Bloc`; a `Bloc` passes through.
   * `world: true` also accepts `WLD`/`WORLD` (the world total row of monthly trade) as `{ id: "WLD", members: ["WLD"] }`.
   */
  resolve(spec: string | Bloc, opts?: { world?: boolean }): Bloc;
  /** EU27, JPN, ALLIANCE, G7 and the configured blocs, each with its members (for `GET /api/blocs`). */
  list(): (Bloc & { configured: boolean })[];
}

/**
 * The bloc book over a country list and the configured blocs (read once by the caller):
 * resolve specs at the edge (CLI, API) and pass the `Bloc` value down.
 *
 * @example
 * const book = blocBook(countries, { QUAD: ["AUS", "IND", "JPN", "USA"] });
 * book.resolve("KOR,EU27").members.length // 28
 * book.list().map((b) => b.id) // ["EU27", "JPN", "ALLIANCE", "G7", "QUAD"]
 */
export function blocBook(countries: readonly CountryRow[], custom: Record<string, string[]> = configuredBlocs()): BlocBook {
  const cache = new Map<string, Bloc>();
  const resolve = (spec: string | Bloc, opts: { world?: boolean } = {}): Bloc => {
    if (typeof spec !== "string") return spec;
    if (opts.world && /^\s*(WLD|WORLD)\s*$/i.test(spec)) return { id: "WLD", members: ["WLD"] };
    let b = cache.get(spec);
    if (!b) cache.set(spec, (b = resolveBlocFrom(spec, countries, custom)));
    return b;
  };
  return {
    resolve,
    list: () => [
      ...BUILTIN_BLOCS.map((id) => ({ ...resolve(id), configured: false })),
      ...Object.keys(custom).filter((k) => !(BUILTIN_BLOCS as readonly string[]).includes(k.toUpperCase())).map((k) => ({ ...resolve(k), id: k, configured: true })),
    ],
  };
}
