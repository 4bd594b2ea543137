import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ChokepointError } from "./error.ts";
import { closest } from "./suggest.ts";
import type { CountryRow } from "../store/queries/countries.ts";

/** A resolved bloc: its id as the user gave it and its member countries (ISO3). */
export interface Bloc {
  id: string;
  members: string[];
}

export const BUILTIN_BLOCS = ["EU27", "JPN", "ALLIANCE", "G7"] as const;

/** User-defined blocs from `chokepoint.config.json` (or $CHOKEPOINT_CONFIG): `{ "blocs": { "QUAD": ["AUS", …] } }`. */
export function configuredBlocs(): Record<string, string[]> {
  const path = resolve(process.env.CHOKEPOINT_CONFIG ?? "chokepoint.config.json");
  if (!existsSync(path)) return {};
  try {
    const cfg = JSON.parse(readFileSync(path, "utf8")) as { blocs?: Record<string, string[]> };
    return cfg.blocs ?? {};
  } catch (e) {
    throw new ChokepointError("invalid_input", `${path}: not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Resolve a bloc spec — `EU27`, `JPN`, `ALLIANCE` (= EU27 ∪ JPN), `G7`, a configured name,
 * or a comma list of ISO3 codes — against the country table.
 *
 * @example
 * resolveBlocFrom("ALLIANCE", countries).members.length // 28
 */
export function resolveBlocFrom(spec: string, countries: readonly CountryRow[]): Bloc {
  const id = spec.trim().toUpperCase();
  const eu = countries.filter((c) => c.eu27).map((c) => c.iso3);
  const known = new Set(countries.map((c) => c.iso3));
  const custom = configuredBlocs();
  let members: string[];
  if (id === "EU27" || id === "EU") members = eu;
  else if (id === "ALLIANCE") members = [...eu, "JPN"];
  else if (id === "G7") members = countries.filter((c) => c.g7).map((c) => c.iso3);
  else if (custom[spec] ?? custom[id]) members = (custom[spec] ?? custom[id]).map((c) => c.toUpperCase());
  else {
    members = id.split(",").map((s) => s.trim()).filter(Boolean);
    const bad = members.filter((m) => !known.has(m));
    if (bad.length || members.length === 0) {
      const valid = [...BUILTIN_BLOCS, ...Object.keys(custom)];
      const hint = closest(bad[0] ?? spec, [...valid, ...known]);
      throw new ChokepointError(
        "unknown_bloc",
        `unknown bloc or country '${bad[0] ?? spec}' (did you mean: ${hint.join(", ")}?). ` +
          `A bloc is one of ${valid.join(", ")} or a comma list of ISO3 codes such as JPN,KOR`,
      );
    }
  }
  return { id: id === "EU" ? "EU27" : id, members: [...new Set(members)].sort() };
}
