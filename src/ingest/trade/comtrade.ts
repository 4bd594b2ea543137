import { basename } from "node:path";
import { ChokepointError, type Problem } from "../../domain/error.ts";
import { appendTrade, countryCodes, type CountryCodes, type TradeRow } from "../../store/queries/trade.ts";
import { parseNumber, validationError } from "../core/csv.ts";
import { readTradeCsv, resolveColumns, withEncodingField, type Resolved } from "./comtrade-csv.ts";
import { streamCsv } from "../core/csv-stream.ts";
import type { CsvRecord } from "../core/csv.ts";
import { fileBar } from "./baci-progress.ts";
import { statSync } from "node:fs";
import { LIMITS } from "../../domain/limits.ts";
import { comtradeToIso3 } from "./comtrade-geo.ts";
import { STREAMING_LOAD_MEMORY_MB, type Loader } from "../core/loader.ts";

/** UN Comtrade API / Comtrade+ CSV columns this loader reads (the rest are ignored). */
const COLUMNS = {
  refYear: { names: ["refYear"], optional: true },
  refMonth: { names: ["refMonth"], optional: true },
  period: { names: ["period"], optional: true },
  reporterISO: { names: ["reporterISO"], optional: true },
  reporterCode: { names: ["reporterCode"], optional: true },
  flow: { names: ["flowCode"] },
  partnerISO: { names: ["partnerISO"], optional: true },
  partnerCode: { names: ["partnerCode"], optional: true },
  partner2: { names: ["partner2Code", "partner2ISO"], optional: true },
  mot: { names: ["motCode"], optional: true },
  customs: { names: ["customsCode"], optional: true },
  mos: { names: ["mosCode"], optional: true },
  cmd: { names: ["cmdCode"] },
  primaryValue: { names: ["primaryValue"], optional: true },
  cifvalue: { names: ["cifvalue", "cifValue"], optional: true },
  fobvalue: { names: ["fobvalue", "fobValue"], optional: true },
  netWgt: { names: ["netWgt"], optional: true },
  qty: { names: ["qty"], optional: true },
  qtyUnit: { names: ["qtyUnitAbbr"], optional: true },
} as const;
type Col = keyof typeof COLUMNS;

/** Columns of which at least one must be present, named as a group in the error. */
const ONE_OF: readonly (readonly Col[])[] = [
  ["refYear", "period"],
  ["reporterISO", "reporterCode"],
  ["partnerISO", "partnerCode"],
  ["primaryValue", "cifvalue", "fobvalue"],
];

/** What parsing one Comtrade file gives: rows to write, and skipped rows counted by reason. */
export interface ComtradeParse {
  rows: TradeRow[];
  /** The reporter's own World rows (partner W00 / 0), kept apart as totals to measure completeness against. */
  totals: TradeRow[];
  skipped: Record<string, number>;
  problems: Problem[];
}

/**
 * Parse a UN Comtrade CSV (API `…/get/C/{A|M}/HS` or Comtrade+ download) into trade rows.
 * Only totals are kept so nothing is double counted: rows with a second partner, a mode of
 * transport, a customs procedure or a mode of supply other than "total" are skipped, as are
 * partner World and Comtrade's non-country areas, and flows other than M and X (re-exports,
 * processing flows are subsets of those). Values in USD; quantity = net weight in kg.
 *
 * @example
 * const { rows, skipped } = parseComtrade("TradeData.csv", codes);
 */
export function parseComtrade(file: string, codes: CountryCodes): ComtradeParse {
  const { cols, records } = readTradeCsv(file, COLUMNS);
  checkOneOf(file, cols);
  const out: ComtradeParse = { rows: [], totals: [], skipped: {}, problems: [] };
  const row = comtradeRow(file, cols, codes, out.skipped);
  for (const r of records) {
    const t = row(r, out.problems);
    if (t && !out.problems.length) (t.partner === "WLD" ? out.totals : out.rows).push(t);
  }
  return out;
}

/** At least one column of each ONE_OF group, else a problem naming the group. */
function checkOneOf(file: string, cols: Resolved<Col>): void {
  const missing = ONE_OF.filter((group) => group.every((c) => !cols[c]));
  if (!missing.length) return;
  const problems = missing.map((g): Problem => ({
    code: "missing_column", path: [1, COLUMNS[g[0]].names[0]], file, line: 1, field: COLUMNS[g[0]].names[0],
    message: `missing column '${COLUMNS[g[0]].names[0]}' (or ${g.slice(1).map((c) => `'${COLUMNS[c].names[0]}'`).join(", ")})`,
  }));
  throw new ChokepointError("validation_failed", `${file}:1: ${problems.map((p) => p.message).join("; ")}`, problems);
}

/**
 * Check one Comtrade record and turn it into a trade row (partner `WLD` = the reporter's World
 * total); undefined when a problem was added or the row is skipped (counted by reason).
 */
function comtradeRow(file: string, cols: Resolved<Col>, codes: CountryCodes, skipped: Record<string, number>) {
  const skip = (why: string) => void (skipped[why] = (skipped[why] ?? 0) + 1);
  return ({ line, values }: CsvRecord, problems: Problem[]): TradeRow | undefined => {
    const before = problems.length;
    const get = (k: Col) => (cols[k] ? values[cols[k]!].trim() : "");
    const bad = (k: Col, code: string, message: string) =>
      problems.push({ code, path: [line, cols[k]!], message, file, line, field: cols[k]!, value: get(k) });
    const when = comtradePeriod(get("refYear"), get("refMonth"), get("period"));
    if (!when) bad(cols.refYear ? "refYear" : "period", "invalid_period", `bad period (refYear '${get("refYear")}', refMonth '${get("refMonth")}', period '${get("period")}')`);
    const reporter = comtradeToIso3(get("reporterISO"), get("reporterCode"), codes);
    if (!reporter || "skip" in reporter) bad(cols.reporterISO ? "reporterISO" : "reporterCode", "unknown_country", "unknown reporter");
    const partner = comtradeToIso3(get("partnerISO"), get("partnerCode"), codes);
    if (!partner) bad(cols.partnerISO ? "partnerISO" : "partnerCode", "unknown_country", "unknown partner");
    const flow = get("flow");
    if (flow === "") bad("flow", "missing_value", "flowCode is required");
    const cmd = get("cmd");
    const classification = productClass(cmd);
    if (!classification && cmd.toUpperCase() !== "TOTAL") bad("cmd", "invalid_product", `cmdCode must be an HS code of 2, 4 or 6 digits, got '${cmd}'`);
    const at = { file, line, problems };
    const value = pickValue(cols, values, flow, at);
    const netWgt = cols.netWgt ? parseNumber(values[cols.netWgt], { ...at, field: cols.netWgt }, { allowEmpty: true }) : undefined;
    const qty = cols.qty ? parseNumber(values[cols.qty], { ...at, field: cols.qty }, { allowEmpty: true }) : undefined;
    if (problems.length > before) return undefined;
    if (!isTotal(get("partner2"), ["0", "W00"])) return skip("partner2 breakdown");
    if (!isTotal(get("mot"), ["0"])) return skip("mode-of-transport breakdown");
    if (!isTotal(get("customs"), ["C00"])) return skip("customs-procedure breakdown");
    if (!isTotal(get("mos"), ["0"])) return skip("mode-of-supply breakdown");
    if (flow !== "M" && flow !== "X") return skip(`flow ${flow}`);
    if (!classification) return skip("cmdCode TOTAL");
    const world = "skip" in partner! && partner.skip === "W00";
    if ("skip" in partner! && !world) return skip(`partner ${partner.skip}`);
    // Comtrade writes 0 where a weight was not reported; a zero weight with a value is "unknown".
    const kg = netWgt && netWgt > 0 ? netWgt : get("qtyUnit").toLowerCase() === "kg" && qty && qty > 0 ? qty : null;
    return {
      flow, reporter: (reporter as { iso3: string }).iso3, partner: world ? "WLD" : (partner as { iso3: string }).iso3, classification, product: cmd,
      year: when!.year, month: when!.month, value: value!, currency: "USD", quantity: kg, qtyUnit: kg === null ? null : "kg",
    };
  };
}

/** refYear + refMonth (52 or empty = annual), or `period` as YYYY / YYYYMM. */
export function comtradePeriod(refYear: string, refMonth: string, period: string): { year: number; month: number } | undefined {
  let year: number, month: number;
  if (refYear !== "") {
    year = Number(refYear);
    month = refMonth === "" || refMonth === "52" ? 0 : Number(refMonth);
  } else {
    const m = /^(\d{4})(\d{2})?$/.exec(period);
    if (!m) return undefined;
    year = Number(m[1]);
    month = m[2] === undefined ? 0 : Number(m[2]);
  }
  if (!Number.isInteger(year) || year < LIMITS.years.min || year > LIMITS.years.max) return undefined;
  if (!Number.isInteger(month) || month < 0 || month > 12) return undefined;
  return { year, month };
}

/** HS2/HS4/HS6; a `+`-joined list of HS6 codes is a documented sum of several codes (HS6SUM). */
function productClass(cmd: string): string | undefined {
  if (/^\d{2}$|^\d{4}$|^\d{6}$/.test(cmd)) return `HS${cmd.length}`;
  if (/^\d{6}(\+\d{6})+$/.test(cmd)) return "HS6SUM";
  return undefined;
}

function isTotal(v: string, totals: readonly string[]): boolean {
  return v === "" || totals.includes(v) || (totals.includes("0") && Number(v) === 0);
}

/** primaryValue, else CIF for imports / FOB for exports. */
function pickValue(
  cols: Record<Col, string | undefined>,
  values: Record<string, string>,
  flow: string,
  at: { file: string; line: number; problems: Problem[] },
): number | undefined {
  const order: Col[] = flow === "X" ? ["primaryValue", "fobvalue", "cifvalue"] : ["primaryValue", "cifvalue", "fobvalue"];
  for (const c of order) {
    if (!cols[c] || values[cols[c]!].trim() === "") continue;
    const v = parseNumber(values[cols[c]!], { ...at, field: cols[c]! });
    if (v !== undefined && v < 0) {
      at.problems.push({ code: "negative_value", path: [at.line, cols[c]!], message: "value must not be negative", file: at.file, line: at.line, field: cols[c]!, value: values[cols[c]!] });
    }
    return v;
  }
  const field = cols.primaryValue ?? cols.cifvalue ?? cols.fobvalue!;
  at.problems.push({ code: "missing_value", path: [at.line, field], message: "no trade value (primaryValue, cifvalue or fobvalue)", file: at.file, line: at.line, field, value: "" });
  return undefined;
}

/** Rows appended per batch while streaming. */
const BATCH = 20_000;

/**
 * Loader for UN Comtrade CSV (API or Comtrade+ download; annual or monthly; HS). Streams the file:
 * rows are checked one by one and appended in batches inside the load's transaction (memory flat in
 * file size); any problem rolls the whole file back.
 */
export const comtradeLoader: Loader = {
  id: "comtrade",
  description: "UN Comtrade CSV (refYear/refMonth or period, reporterISO|reporterCode, flowCode, partnerISO|partnerCode, cmdCode, primaryValue, netWgt …), streamed",
  memoryLimitMb: STREAMING_LOAD_MEMORY_MB,
  async load({ store, file, dataset }) {
    const { header, cols, required } = resolveColumns(file, COLUMNS);
    checkOneOf(file, cols);
    const row = comtradeRow(file, cols, await countryCodes(store), {});
    const source = basename(file);
    let rows: TradeRow[] = [], totals: TradeRow[] = [];
    let written = 0;
    const flush = async () => {
      await appendTrade(store, dataset, source, rows);
      await appendTrade(store, dataset, source, totals, "trade_totals");
      written += rows.length;
      rows = [];
      totals = [];
    };
    const bar = statSync(file).size > 20e6 ? fileBar(source) : undefined;
    let problems: Problem[];
    try {
      ({ problems } = await streamCsv(file, () => required, async (r, problems) => {
        const t = row(r, problems);
        if (t && !problems.length) (t.partner === "WLD" ? totals : rows).push(t);
        if (rows.length + totals.length >= BATCH) await flush();
      }, { onProgress: bar?.update }).catch((e) => { throw withEncodingField(e, header); }));
    } finally {
      bar?.stop();
    }
    if (problems.length) throw validationError(file, problems);
    await flush();
    return written;
  },
};
