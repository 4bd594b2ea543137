import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { ChokepointError, type Problem } from "../../domain/error.ts";
import { appendTrade, countryCodes, type CountryCodes, type TradeRow } from "../../store/queries/trade.ts";
import { validationError } from "../core/csv.ts";
import type { Loader } from "../core/loader.ts";

/** Trade Map rows that are not countries ("Special categories": partners withheld by the reporter). */
const ITC_AGGREGATE = /^(world|area nes|free zones|ship stores and bunkers|bunkers|special categories|.*,? nes)$/i;

/** What the file name tells: whose list it is, which way, which product (from file or folder name). */
export interface TradeMapFile {
  reporterName: string;
  flow: "M" | "X";
  mirror: boolean;
  product: string | undefined;
}

/**
 * Read the reporter, flow and HS code of an ITC Trade Map text export from its path. Trade Map
 * writes none of them inside the file: the reporter is in the default file name
 * (`Trade_Map_-_List_of_supplying_markets_for_a_product_imported_by_Japan.txt`), and the HS code must
 * start the file or folder name (`282520 Lithium hydroxide/…`).
 *
 * @example
 * tradeMapFile("282520 Li/Trade_Map_-_List_of_supplying_markets_for_a_product_imported_by_Korea__Republic_of.txt");
 * // { reporterName: "Korea, Republic of", flow: "M", mirror: false, product: "282520" }
 */
export function tradeMapFile(path: string): TradeMapFile | undefined {
  const m = /(imported|exported)_by_(.+?)(_\(Mirror\))?\.txt$/i.exec(basename(path));
  if (!m) return undefined;
  const code = (s: string) => /^(\d{6}|\d{4})(?!\d)/.exec(s)?.[1];
  return {
    reporterName: m[2].replace(/__/g, ", ").replace(/_/g, " "),
    flow: m[1].toLowerCase() === "imported" ? "M" : "X",
    mirror: m[3] !== undefined,
    product: code(basename(path)) ?? code(basename(dirname(path))),
  };
}

export interface ItcParse {
  rows: TradeRow[];
  skipped: Record<string, number>;
  problems: Problem[];
}

/**
 * Parse an ITC Trade Map "List of supplying markets for a product imported by X" (or "importing
 * markets … exported by X") tab-separated export of quantities: year columns
 * `2021-Imported quantity, Tons`, or `2021-Imported quantity` with a `2021-Unit` column. Only tonnes
 * are kept (`Mixed` and `No Quantity` cells are skipped and counted); World and "nes" rows skipped.
 *
 * @example
 * const { rows } = parseItc(file, codes); // rows[0]: { reporter: "JPN", partner: "CHN", quantity: …, qtyUnit: "t" }
 */
export function parseItc(file: string, codes: CountryCodes): ItcParse {
  const out: ItcParse = { rows: [], skipped: {}, problems: [] };
  const bad = (line: number, field: string, value: string, code: string, message: string) =>
    out.problems.push({ code, path: [line, field], message, file, line, field, value });
  const meta = tradeMapFile(file);
  if (!meta || !meta.product) {
    throw new ChokepointError("validation_failed", `${file}: cannot tell reporter and HS code from the path: keep Trade Map's file name (…_imported_by_<Country>.txt) and start the file or folder name with the HS code`, [
      { code: "unnamed_file", path: [], message: "reporter or HS code not in the path", file },
    ]);
  }
  const reporter = codes.byAlias.get(meta.reporterName.toLowerCase());
  if (!reporter) bad(1, "file name", meta.reporterName, "unknown_country", `unknown reporter '${meta.reporterName}'`);
  const lines = readTsv(file);
  const header = lines[0].record;
  const years = yearColumns(header, meta.flow);
  const partnerCol = meta.flow === "M" ? "Exporters" : "Importers";
  if (header[0] !== partnerCol || years.length === 0) {
    const field = header[0] !== partnerCol ? partnerCol : `YYYY-${meta.flow === "M" ? "Imported" : "Exported"} quantity`;
    throw new ChokepointError("validation_failed", `${file}:1: missing column '${field}' (found: ${header.join(", ")})`, [
      { code: "missing_column", path: [1, field], message: `missing column '${field}'`, file, line: 1, field },
    ]);
  }
  const skip = (why: string) => (out.skipped[why] = (out.skipped[why] ?? 0) + 1);
  for (const { record, line } of lines.slice(1)) {
    const name = (record[0] ?? "").trim();
    if (record.length < header.length - 1) {
      bad(line, header[record.length] ?? partnerCol, record.join("\t"), "truncated_row", `row has ${record.length} fields, header has ${header.length} (truncated file?)`);
      continue;
    }
    const partner = ITC_AGGREGATE.test(name) ? "skip" : codes.byAlias.get(name.toLowerCase());
    if (!partner) { bad(line, partnerCol, name, "unknown_country", `unknown partner '${name}'`); continue; }
    for (const y of years) {
      const cell = (record[y.index] ?? "").trim();
      const unit = y.unitIndex !== undefined ? (record[y.unitIndex] ?? "").trim() : y.unit;
      if (cell === "") continue;
      if (/^no quantity$/i.test(cell)) { skip("No Quantity"); continue; }
      const q = Number(cell.replace(/,/g, ""));
      if (!Number.isFinite(q) || q < 0) { bad(line, header[y.index], cell, "invalid_number", `not a quantity: '${cell}'`); continue; }
      if (partner === "skip") { skip("aggregate partner"); continue; }
      if (!/^tons$/i.test(unit)) { skip(`unit ${unit || "missing"}`); continue; }
      out.rows.push({
        flow: meta.flow, reporter: reporter ?? "", partner, classification: `HS${meta.product.length}`, product: meta.product,
        year: y.year, month: 0, value: null, currency: null, quantity: q, qtyUnit: "t",
      });
    }
  }
  return out;
}

/** Year columns of the header: quantity column index, and the unit (in the name or its own column). */
function yearColumns(header: string[], flow: "M" | "X") {
  const word = flow === "M" ? "Imported" : "Exported";
  const out: { year: number; index: number; unit: string; unitIndex?: number }[] = [];
  header.forEach((h, index) => {
    const m = new RegExp(`^(\\d{4})-${word} quantity(?:, (.+))?$`, "i").exec(h.trim());
    if (!m) return;
    const unitIndex = header.findIndex((u) => u.trim() === `${m[1]}-Unit`);
    out.push({ year: Number(m[1]), index, unit: m[2] ?? "", unitIndex: unitIndex >= 0 ? unitIndex : undefined });
  });
  return out;
}

/** Strict UTF-8, tab-separated, quoted names; problems name the line (and the cell for bad bytes). */
function readTsv(file: string): { record: string[]; line: number }[] {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new ChokepointError("io_error", `${file}: cannot read: ${(e as Error).message}`);
  }
  const raw = buf.toString("latin1").split("\n");
  for (let i = 0; i < raw.length; i++) {
    const bytes = Buffer.from(raw[i], "latin1");
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      const cells = raw[i].split("\t");
      const col = cells.findIndex((c) => /[^\x00-\x7f]/.test(c));
      const field = i === 0 ? "header" : (raw[0].split("\t")[col] ?? "").trim() || `column ${col + 1}`;
      const p: Problem = { code: "bad_encoding", path: [i + 1, field], message: "not valid UTF-8 (save the file as UTF-8; cp1252/Latin-1 is not accepted)", file, line: i + 1, field, value: cells[col] };
      throw new ChokepointError("validation_failed", `${file}:${i + 1}: field '${field}': ${p.message}`, [p]);
    }
  }
  // Tab is the delimiter, so quotes only wrap names: strip them rather than parse them (a file cut
  // inside a quoted name must still show up as a short row, not as a quoting error).
  const out: { record: string[]; line: number }[] = [];
  buf.toString("utf8").replace(/^\uFEFF/, "").split("\n").forEach((l, i) => {
    const text = l.replace(/\r$/, "");
    if (text.trim() === "") return;
    out.push({ line: i + 1, record: text.split("\t").map((c) => c.replace(/^"|"$/g, "").replace(/""/g, '"')) });
  });
  if (!out.length) {
    throw new ChokepointError("validation_failed", `${file}: empty file (no header)`, [{ code: "empty_file", path: [], message: "empty file", file, line: 1 }]);
  }
  return out;
}

/** Loader for ITC Trade Map quantity exports (tab-separated .txt, tonnes). */
export const itcLoader: Loader = {
  id: "itc",
  description: "ITC Trade Map 'List of supplying/importing markets' text export (quantities in tons); HS code from the file or folder name",
  async load({ store, file, dataset }) {
    const parsed = parseItc(file, await countryCodes(store));
    if (parsed.problems.length) throw validationError(file, parsed.problems);
    await appendTrade(store, dataset, basename(file), parsed.rows);
    return parsed.rows.length;
  },
};
