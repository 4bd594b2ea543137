import { z } from "zod";
import type { Problem } from "../../domain/error.ts";
import { readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";
import { zodProblems } from "../core/zod-problems.ts";

const flag = z.enum(["0", "1"], { message: "must be 0 or 1" });
const CountryRow = z.object({
  iso3: z.string().regex(/^[A-Z]{3}$/, "must be three capital letters (ISO 3166 alpha-3)"),
  iso2: z.string().regex(/^[A-Z]{2}$/, "must be two capital letters (ISO 3166 alpha-2)"),
  m49: z.string().regex(/^(\d{3})?$/, "must be a three-digit UN M49 code or empty"),
  name: z.string().min(1, "name is required"),
  region: z.string(),
  sub_region: z.string(),
  eu27: flag,
  oecd: flag,
  g7: flag,
});

/**
 * `countries`: the country reference list (ISO codes, UN M49 regions, EU27/OECD/G7 flags) from
 * `data/countries/countries.csv`. Rows are upserted by iso3, so a corrected file replaces old rows.
 *
 * @example
 * await ingest(store, "countries", ["data/countries/countries.csv"]);
 */
export const countriesLoader: Loader = {
  id: "countries",
  description: "Country list: iso3, iso2, m49, name, region, sub_region, eu27, oecd, g7 (0/1 flags)",
  async load({ store, file }) {
    const { records } = readCsv(file, Object.keys(CountryRow.shape));
    const problems: Problem[] = [];
    const rows: (string | boolean | null)[][] = [];
    const seen = new Map<string, number>();
    for (const { line, values } of records) {
      const r = CountryRow.safeParse(values);
      if (!r.success) {
        problems.push(...zodProblems(r.error, file, line, values));
        continue;
      }
      const c = r.data;
      if (seen.has(c.iso3)) {
        problems.push({ code: "duplicate", path: [line, "iso3"], message: `iso3 repeats line ${seen.get(c.iso3)}`, file, line, field: "iso3", value: c.iso3 });
      }
      seen.set(c.iso3, line);
      rows.push([c.iso3, c.iso2, c.m49 || null, c.name, c.region || null, c.sub_region || null, c.eu27 === "1", c.oecd === "1", c.g7 === "1"]);
    }
    if (problems.length) throw validationError(file, problems);
    await store.run("DELETE FROM countries WHERE iso3 IN (SELECT unnest(string_split($1, chr(10))))", [[...seen.keys()].join("\n")]);
    await store.append("countries", rows);
    return rows.length;
  },
};
