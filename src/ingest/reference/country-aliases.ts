import type { Problem } from "../../domain/error.ts";
import { readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";

/**
 * `country-aliases`: how other publishers spell countries (EU study, USGS, Comtrade, EI, ITC,
 * Eurostat codes) → ISO3. Aliases are stored lowercased; every iso3 must already be in `countries`.
 *
 * @example
 * await ingest(store, "country-aliases", ["data/countries/aliases.csv"]);
 */
export const countryAliasesLoader: Loader = {
  id: "country-aliases",
  description: "Country spellings: alias, iso3 (iso3 must exist in the countries table)",
  async load({ store, file }) {
    const { records } = readCsv(file, ["alias", "iso3"]);
    const known = new Set((await store.all<{ iso3: string }>("SELECT iso3 FROM countries")).map((r) => r.iso3));
    const problems: Problem[] = [];
    const byAlias = new Map<string, { iso3: string; line: number }>();
    for (const { line, values } of records) {
      const alias = values.alias.trim().toLowerCase();
      const iso3 = values.iso3.trim();
      if (!alias) problems.push({ code: "missing_value", path: [line, "alias"], message: "alias is required", file, line, field: "alias", value: values.alias });
      if (!known.has(iso3)) {
        problems.push({ code: "unknown_country", path: [line, "iso3"], message: `unknown iso3 '${iso3}' (load countries first)`, file, line, field: "iso3", value: values.iso3 });
      }
      const prev = byAlias.get(alias);
      if (prev && prev.iso3 !== iso3) {
        problems.push({ code: "conflict", path: [line, "alias"], message: `alias also maps to ${prev.iso3} on line ${prev.line}`, file, line, field: "alias", value: values.alias });
      }
      if (alias && !prev) byAlias.set(alias, { iso3, line });
    }
    if (problems.length) throw validationError(file, problems);
    await store.run("DELETE FROM country_aliases WHERE alias IN (SELECT unnest(string_split($1, chr(10))))", [[...byAlias.keys()].join("\n")]);
    await store.append("country_aliases", [...byAlias].map(([alias, { iso3 }]) => [alias, iso3]));
    return byAlias.size;
  },
};
