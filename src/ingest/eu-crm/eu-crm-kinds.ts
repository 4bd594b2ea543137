import type { DuckDBValue } from "@duckdb/node-api";
import type { CsvRecord } from "../core/csv.ts";
import { cleanName, parseFlag, parsePercent, parseStudyNumber, type CellAt } from "./eu-crm-parse.ts";
import type { Problem } from "../../domain/error.ts";

/**
 * One table of the EU 2023 criticality study: recognised by its header, mapped row by row
 * onto one store table. `row` returns undefined to skip a record (after recording problems).
 */
export interface StudyFileKind {
  id: string;
  table: string;
  columns: string[];
  row(r: CsvRecord, cell: (field: string) => CellAt, ctx: KindContext): DuckDBValue[] | undefined;
}

/** What rows may need: the study's country labels → ISO3 (loaded from country_names.csv). */
export interface KindContext {
  file: string;
  countries: Map<string, string>;
  problems: Problem[];
  seen: Set<string>;
}

const STAGE: Record<string, string> = { E: "extraction", P: "processing" };
const BASES = new Set(["GS+EU", "GSonly", "EUonly", ""]);

function stage(raw: string, at: CellAt): string | null {
  const s = STAGE[raw.trim()];
  if (!s) at.problems.push({ code: "invalid_stage", path: [at.line, at.field], message: `stage must be E or P, got '${raw}'`, file: at.file, line: at.line, field: at.field, value: raw });
  return s ?? null;
}

function basis(raw: string, at: CellAt): string | null {
  // The transcription writes "EU" once (molybdenum processing): the study's EU-only basis.
  const s = raw.trim() === "EU" ? "EUonly" : raw.trim();
  if (!BASES.has(s)) at.problems.push({ code: "invalid_basis", path: [at.line, at.field], message: `supply basis must be GS+EU, GSonly or EUonly, got '${raw}'`, file: at.file, line: at.line, field: at.field, value: raw });
  return s === "" ? null : s;
}

function shares(scope: "global" | "eu"): StudyFileKind {
  return {
    id: `${scope}-shares`,
    table: "eu_supply_shares",
    columns: ["material", "stage", "country", "share_pct", "share_qualifier", "t_trade_variable"],
    row(r, cell, ctx) {
      const v = r.values;
      const label = cleanName(v.country);
      const iso3 = ctx.countries.get(label);
      if (!iso3) {
        const at = cell("country");
        ctx.problems.push({ code: "unknown_country", path: [r.line, "country"], message: `country label not in country_names.csv: '${label}'`, file: at.file, line: r.line, field: "country", value: v.country });
      }
      const pct = parseStudyNumber(v.share_pct, cell("share_pct"), { min: 0, max: 100 });
      const t = parseStudyNumber(v.t_trade_variable, cell("t_trade_variable"), { min: 0.5, max: 2 });
      const st = stage(v.stage, cell("stage"));
      const q = v.share_qualifier.trim() || null;
      return [scope, cleanName(v.material), st, label, iso3 ?? null, pct === null ? null : pct / 100, q, t];
    },
  };
}

const inputs: StudyFileKind = {
  id: "inputs",
  table: "eu_crm_inputs",
  columns: ["material", "stages_assessed", "supply_basis_extraction", "supply_basis_processing", "ir_extraction_pct", "ir_processing_pct", "eol_rir_pct", "si_ei", "si_sr"],
  row(r, cell) {
    const v = r.values;
    const pct = (f: string) => {
      const n = parseStudyNumber(v[f], cell(f), { allowEmpty: true, min: 0, max: 100 });
      return n === null ? null : n / 100;
    };
    const si = (f: string) => parseStudyNumber(v[f], cell(f), { allowEmpty: true, min: 0, max: 1 });
    return [
      cleanName(v.material), v.stages_assessed.trim(), basis(v.supply_basis_extraction, cell("supply_basis_extraction")),
      basis(v.supply_basis_processing, cell("supply_basis_processing")), pct("ir_extraction_pct"), pct("ir_processing_pct"),
      pct("eol_rir_pct"), si("si_ei"), si("si_sr"),
    ];
  },
};

const endUse: StudyFileKind = {
  id: "end-use",
  table: "eu_end_use",
  columns: ["Material", "Application", "Share", "NACE sector", "VA in million €"],
  row(r, cell) {
    const v = r.values;
    const share = parsePercent(v.Share, cell("Share"));
    const va = parseStudyNumber(v["VA in million €"], cell("VA in million €"), { allowEmpty: true, min: 0 });
    return [cleanName(v.Material), cleanName(v.Application), share?.value ?? null, cleanName(v["NACE sector"]) || null, va];
  },
};

const scores: StudyFileKind = {
  id: "scores",
  table: "eu_crm_scores",
  columns: ["Material", "Year", "SR", "EI"],
  row(r, cell) {
    const v = r.values;
    const year = parseStudyNumber(v.Year, cell("Year"), { min: 2011, max: 2100 });
    return [cleanName(v.Material), year, parseStudyNumber(v.SR, cell("SR"), { allowEmpty: true, min: 0, max: 10 }), parseStudyNumber(v.EI, cell("EI"), { allowEmpty: true, min: 0, max: 10 })];
  },
};

const lists: StudyFileKind = {
  id: "lists",
  table: "eu_crm_lists",
  columns: ["material", "sr_2023", "ei_2023", "meets_thresholds_2023", "crm_list_2023", "srm_list_2023_proposal", "srm_list_reg_2024_1252"],
  row(r, cell, ctx) {
    const v = r.values;
    const name = cleanName(v.material);
    const sr = parseStudyNumber(v.sr_2023, cell("sr_2023"), { allowEmpty: true, min: 0, max: 10 });
    const ei = parseStudyNumber(v.ei_2023, cell("ei_2023"), { allowEmpty: true, min: 0, max: 10 });
    // The extraction repeats "Natural Teak wood" as an empty row after the line-broken one.
    if (ctx.seen.has(name) && sr === null && ei === null) return undefined;
    ctx.seen.add(name);
    return [
      name, sr, ei, parseFlag(v.meets_thresholds_2023, cell("meets_thresholds_2023")), parseFlag(v.crm_list_2023, cell("crm_list_2023")),
      parseFlag(v.srm_list_2023_proposal, cell("srm_list_2023_proposal")), parseFlag(v.srm_list_reg_2024_1252, cell("srm_list_reg_2024_1252")),
      cleanName(v.srm_scope_note ?? "") || null,
    ];
  },
};

const materials: StudyFileKind = {
  id: "materials",
  table: "eu_crm_materials",
  columns: ["id", "name", "group", "inputs_name", "list_name", "global_name", "eu_name_extraction", "eu_name_processing", "use_name"],
  row(r) {
    const v = r.values;
    const o = (s: string) => cleanName(s) || null;
    return [v.id.trim(), o(v.name), o(v.group), o(v.inputs_name), o(v.list_name), o(v.global_name), o(v.eu_name_extraction), o(v.eu_name_processing), o(v.use_name)];
  },
};

const countryNames: StudyFileKind = {
  id: "country-names",
  table: "eu_country_names",
  columns: ["label", "iso3", "note"],
  row(r, cell, ctx) {
    const iso3 = r.values.iso3.trim();
    if (!/^[A-Z]{3}$/.test(iso3)) {
      const at = cell("iso3");
      ctx.problems.push({ code: "invalid_iso3", path: [r.line, "iso3"], message: `expected an ISO3 code, got '${iso3}'`, file: at.file, line: r.line, field: "iso3", value: iso3 });
    }
    return [cleanName(r.values.label), iso3, r.values.note.trim() || null];
  },
};

const groupings: StudyFileKind = {
  id: "groupings",
  table: "eu_material_groupings",
  columns: ["screened_material", "perm_noXREE_noPGM", "perm_noXREE_PGM", "perm_XREE_noPGM", "perm_XREE_PGM"],
  row: () => undefined, // expanded to several rows by the loader (one per grouping column)
};

/** Every study file the `eu-crm` loader accepts, tried in this order. */
export const STUDY_FILE_KINDS: StudyFileKind[] = [shares("global"), shares("eu"), inputs, endUse, scores, lists, materials, countryNames, groupings];
