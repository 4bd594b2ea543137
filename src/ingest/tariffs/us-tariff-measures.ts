import { readFileSync } from "node:fs";
import { ChokepointError, type Problem } from "../../domain/error.ts";
import { MeasuresFileSchema } from "../../tariffs/measure.ts";
import { readCsv, validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * `us-tariff-measures`: US tariff measures as data. Two file kinds: `scope_lists.csv`
 * (`list,prefix,annex,effective_date,source_file`: named HTS prefix lists such as Section 232 annexes;
 * load it first) and `measures.json` (instrument, Federal Register citation, dates, rules; see
 * src/tariffs/measure.ts). Every rule's scope list must exist. A file replaces what the store held.
 *
 * @example
 * await ingest(store, "us-tariff-measures", ["data/us-tariffs/scope_lists.csv", "data/us-tariffs/measures.json"]);
 */
export const usTariffMeasuresLoader: Loader = {
  id: "us-tariff-measures",
  description: "US tariff measures (measures.json) and their HTS scope lists (scope_lists.csv)",
  async load({ store, file, dataset }) {
    if (/\.json$/i.test(file)) return loadMeasures(store, file, dataset);
    const { records } = readCsv(file, ["list", "prefix", "annex", "effective_date", "source_file"]);
    const problems: Problem[] = [];
    for (const { line, values: v } of records) {
      if (!/^[a-z0-9-]+$/.test(v.list)) problems.push({ code: "invalid_value", path: [line, "list"], message: "expected a list name (a-z, 0-9, -)", file, line, field: "list", value: v.list });
      if (!/^\d{2,10}$/.test(v.prefix)) problems.push({ code: "invalid_value", path: [line, "prefix"], message: "expected 2–10 digits", file, line, field: "prefix", value: v.prefix });
      if (v.effective_date && !isDate(v.effective_date)) problems.push({ code: "invalid_value", path: [line, "effective_date"], message: "expected YYYY-MM-DD or empty", file, line, field: "effective_date", value: v.effective_date });
    }
    if (problems.length) throw validationError(file, problems);
    await store.run("DELETE FROM tariff_scope");
    await store.append("tariff_scope", records.map(({ values: v }) => [v.list, v.prefix, v.annex || null, v.effective_date || null, v.source_file, dataset]));
    return records.length;
  },
};

async function loadMeasures(store: Parameters<Loader["load"]>[0]["store"], file: string, dataset: string): Promise<number> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new ChokepointError("validation_failed", `${file}: not valid JSON: ${(e as Error).message}`, [{ code: "malformed_json", path: [], message: (e as Error).message, file }]);
  }
  const r = MeasuresFileSchema.safeParse(raw);
  if (!r.success) {
    throw validationError(file, r.error.issues.map((i) => ({ code: i.code, path: i.path.map(String), message: i.message, file, field: i.path.join(".") })));
  }
  const lists = new Set((await store.all<{ list: string }>("SELECT DISTINCT list FROM tariff_scope")).map((x) => x.list));
  const problems: Problem[] = [];
  const ids = new Set<string>();
  r.data.measures.forEach((m, mi) => {
    if (ids.has(m.id)) problems.push({ code: "duplicate", path: ["measures", mi, "id"], message: `duplicate measure id '${m.id}'`, file, field: `measures.${mi}.id`, value: m.id });
    ids.add(m.id);
    m.rules.forEach((rule, ri) => {
      const where = `measures.${mi}.rules.${ri}`;
      for (const l of [...(rule.scope.lists ?? []), ...(rule.scope.excludeLists ?? [])]) {
        if (!lists.has(l)) problems.push({ code: "unknown_list", path: ["measures", mi, "rules", ri, "scope"], message: `unknown scope list '${l}' (load scope_lists.csv first)`, file, field: `${where}.scope`, value: l });
      }
      if (!isDate(rule.from) || (rule.to && (!isDate(rule.to) || rule.to <= rule.from))) problems.push({ code: "invalid_value", path: ["measures", mi, "rules", ri], message: "dates must be real days and to > from", file, field: `${where}.to`, value: rule.to });
      if (!rule.scope.all && !rule.scope.prefixes?.length && !rule.scope.lists?.length) problems.push({ code: "invalid_value", path: ["measures", mi, "rules", ri, "scope"], message: "scope names no products", file, field: `${where}.scope` });
    });
  });
  if (problems.length) throw validationError(file, problems);
  await store.run("DELETE FROM tariff_measures");
  await store.append("tariff_measures", r.data.measures.map((m, i) => [m.id, i, JSON.stringify(m), r.data.edition, dataset]));
  return r.data.measures.length;
}
