import { listValue } from "@duckdb/node-api";
import { basename } from "node:path";
import type { Problem } from "../../domain/error.ts";
import type { Store } from "../../store/store.ts";
import { baciTable, refreshBaciView } from "../../store/queries/baci-tables.ts";
import { validationError } from "../core/csv.ts";
import { diagnoseBaciCsv, type BaciRules } from "./baci-diagnose.ts";
import type { BaciFileInfo } from "./baci-files.ts";
import { published, withCount, type StagedYear } from "./baci-stage.ts";

/**
 * Step 2, inside the load's transaction: check the codes against the release's country list,
 * replace any earlier release of the year (a newer release supersedes the older one) and record the
 * load. Renaming the staging tables is the whole publication, so it costs milliseconds.
 */
export async function publishBaciTrade(store: Store, file: string, info: BaciFileInfo, dataset: string, staged: StagedYear): Promise<number> {
  const { year, rows, codes } = staged;
  const countries = new Set((await store.all<{ code: number }>("SELECT code FROM baci_countries")).map((c) => c.code));
  const unknown = codes.filter((c) => countries.size > 0 && !countries.has(c));
  if (unknown.length) {
    const { problems, badRows } = await diagnoseBaciCsvOrList(file, { year, countries }, unknown);
    throw withCount(validationError(file, problems), badRows);
  }
  await forgetYear(store, year);
  await store.run(`ALTER TABLE ${baciTable("stage", year)} RENAME TO ${baciTable("trade", year)}`);
  await store.run(`ALTER TABLE ${baciTable("stage_world", year)} RENAME TO ${baciTable("world", year)}`);
  published(store, year);
  await refreshBaciView(store);
  await store.run(
    `INSERT INTO baci_loads VALUES ($1, $2, $3, $4, $5, $6, $7::SMALLINT[], now())
     ON CONFLICT (year) DO UPDATE SET classification = excluded.classification, release = excluded.release,
       dataset = excluded.dataset, source_file = excluded.source_file, rows = excluded.rows, codes = excluded.codes,
       loaded_at = now()`,
    [year, info.classification ?? "HS", info.version ?? null, dataset, basename(file), rows, listValue(codes)],
  );
  return rows;
}

/**
 * Remove what a previous load of the year left: its bookkeeping (so the replaced file can be
 * loaded again later) and its tables.
 */
async function forgetYear(store: Store, year: number): Promise<void> {
  const old = await store.one<{ source_file: string; rows: number }>("SELECT source_file, rows FROM baci_loads WHERE year = $1", [year]);
  if (old) {
    await store.run("DELETE FROM baci_loads WHERE year = $1", [year]);
    await store.run("DELETE FROM loaded_files WHERE loader = 'baci' AND path = $1 AND rows = $2", [old.source_file, old.rows]);
  }
  await store.run(`DROP TABLE IF EXISTS ${baciTable("trade", year)}`);
  await store.run(`DROP TABLE IF EXISTS ${baciTable("world", year)}`);
}

async function diagnoseBaciCsvOrList(file: string, rules: BaciRules, codes: number[]) {
  if (file.toLowerCase().endsWith(".csv")) return diagnoseBaciCsv(file, rules);
  const problems: Problem[] = codes.slice(0, 20).map((c) => ({
    code: "unknown_country_code", path: ["i"], message: `country code ${c} is not in the loaded BACI country_codes file`, file, value: c,
  }));
  return { problems, badRows: problems.length };
}
