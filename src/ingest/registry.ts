import type { Loader } from "./loader.ts";
import { comextLoader } from "./comext.ts";
import { countriesLoader } from "./countries.ts";
import { countryAliasesLoader } from "./country-aliases.ts";

/**
 * Every loader by id. `chokepoint ingest <id> FILE…` and the starter build (data/<folder>/dataset.json)
 * both go through this table.
 */
export const loaders: Record<string, Loader> = {
  comext: comextLoader,
  countries: countriesLoader,
  "country-aliases": countryAliasesLoader,
};
