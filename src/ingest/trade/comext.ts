import { basename } from "node:path";
import type { Problem } from "../../domain/error.ts";
import { appendTrade, countryCodes, type CountryCodes, type TradeRow } from "../../store/queries/trade.ts";
import { parseNumber, validationError } from "../core/csv.ts";
import { readTradeCsv, resolveColumns, withEncodingField, type Resolved } from "./comtrade-csv.ts";
import { streamCsv } from "../core/csv-stream.ts";
import type { CsvRecord } from "../core/csv.ts";
import type { Store } from "../../store/store.ts";
import { fileBar, type OnProgress } from "./baci-progress.ts";
import { statSync } from "node:fs";
import { eurostatToIso3 } from "./comext-geo.ts";
import { LIMITS } from "../../domain/limits.ts";
import { STREAMING_LOAD_MEMORY_MB, type Loader, type LoadContext } from "../core/loader.ts";

/**
 * Column names of the Eurostat Comext bulk/extraction files. The older bulk layout
 * (`DECLARANT_ISO`, `PARTNER_ISO`, `VALUE_IN_EUROS`, `QUANTITY_IN_KG`) and the `full_v2`
 * layout (`REPORTER`, `PARTNER`, `VALUE_EUR`, `QUANTITY_KG`) are both accepted.
 */
const COLUMNS = {
  declarant: { names: ["DECLARANT_ISO", "REPORTER"] },
  partner: { names: ["PARTNER_ISO", "PARTNER"] },
  product: { names: ["PRODUCT_NC"] },
  flow: { names: ["FLOW"] },
  // Eurostat splits a flow by statistical procedure (normal trade, processing): rows that differ by
  // it are parts of one flow and add up; rows equal in it too are duplicates.
  regime: { names: ["STAT_REGIME", "STAT_PROCEDURE"], optional: true },
  period: { names: ["PERIOD"] },
  value: { names: ["VALUE_IN_EUROS", "VALUE_EUR"] },
  quantity: { names: ["QUANTITY_IN_KG", "QUANTITY_KG"], optional: true },
} as const;

/** What parsing one Comext file gives: rows to write, and skipped rows counted by reason. */
export interface ComextParse {
  rows: TradeRow[];
  skipped: Record<string, number>;
  problems: Problem[];
}

/**
 * Parse a Comext CSV into trade rows (no writes; the whole file in memory — the loader streams).
 * PERIOD is `YYYY`, `YYYY52` (Eurostat's annual period) or `YYYYMM`; FLOW 1 = import, 2 = export;
 * values in EUR, quantities in kg.
 *
 * @example
 * const { rows, skipped } = parseComext("imports.csv", codes);
 */
export function parseComext(file: string, codes: CountryCodes): ComextParse {
  const { cols, records } = readTradeCsv(file, COLUMNS);
  const out: ComextParse = { rows: [], skipped: {}, problems: [] };
  const row = comextRow(file, cols, codes, out.skipped, true);
  for (const r of records) {
    const t = row(r, out.problems);
    if (t) out.rows.push(t);
  }
  return out;
}

/**
 * Check one Comext record and turn it into a trade row (undefined: a problem was added, or the row
 * is skipped and counted). With `checkDuplicates`, a repeated key is a problem (kept in memory; the
 * streaming loader checks duplicates in DuckDB instead).
 */
function comextRow(file: string, cols: Resolved<keyof typeof COLUMNS>, codes: CountryCodes, skipped: Record<string, number>, checkDuplicates: boolean) {
  const seen = new Map<string, number>();
  return ({ line, values }: CsvRecord, problems: Problem[]): TradeRow | undefined => {
    const before = problems.length;
    const bad = (field: string, value: string, code: string, message: string) =>
      problems.push({ code, path: [line, field], message, file, line, field, value });
    const get = (k: keyof typeof COLUMNS) => (cols[k] ? values[cols[k]!].trim() : "");
    const reporter = eurostatToIso3(get("declarant"), codes);
    const partner = eurostatToIso3(get("partner"), codes);
    if (!reporter || "skip" in reporter) {
      bad(cols.declarant!, get("declarant"), "unknown_country", `unknown declarant code '${get("declarant")}'`);
    }
    if (!partner) bad(cols.partner!, get("partner"), "unknown_country", `unknown partner code '${get("partner")}'`);
    const product = get("product");
    const productOk = /^\d{8}$/.test(product);
    if (!productOk && !/^\d{0,7}X+$/i.test(product)) {
      bad(cols.product!, product, "invalid_product", `product code must be 8 digits (CN8), got '${product}'`);
    }
    const flow = get("flow") === "1" ? "M" : get("flow") === "2" ? "X" : undefined;
    if (!flow) bad(cols.flow!, get("flow"), "invalid_flow", `FLOW must be 1 (import) or 2 (export), got '${get("flow")}'`);
    const period = parsePeriod(get("period"));
    if (!period) bad(cols.period!, get("period"), "invalid_period", `PERIOD must be YYYY, YYYY52 or YYYYMM, got '${get("period")}'`);
    const at = { file, line, problems };
    const value = parseNumber(values[cols.value!], { ...at, field: cols.value! });
    if (value !== undefined && value < 0) bad(cols.value!, get("value"), "negative_value", "value must not be negative");
    const quantity = cols.quantity ? parseNumber(values[cols.quantity], { ...at, field: cols.quantity }, { allowEmpty: true }) : undefined;
    if (quantity !== undefined && quantity < 0) bad(cols.quantity!, get("quantity"), "negative_value", "quantity must not be negative");
    if (problems.length > before) return undefined;
    if (checkDuplicates) {
      const key = [get("declarant"), get("partner"), product, get("flow"), get("period"), get("regime")].join("|");
      const first = seen.get(key);
      if (first !== undefined) {
        bad(cols.product!, product, "duplicate_key", `same declarant, partner, product, flow and period${cols.regime ? " and procedure" : ""} as line ${first} (a duplicate would be summed)`);
        return undefined;
      }
      seen.set(key, line);
    }
    if (partner && "skip" in partner) {
      skipped[partner.skip] = (skipped[partner.skip] ?? 0) + 1;
      return undefined;
    }
    if (!productOk) {
      skipped["confidential product"] = (skipped["confidential product"] ?? 0) + 1;
      return undefined;
    }
    return {
      flow: flow!, reporter: (reporter as { iso3: string }).iso3, partner: partner!.iso3,
      classification: "CN8", product, year: period!.year, month: period!.month,
      value: value!, currency: "EUR", quantity: quantity ?? null, qtyUnit: quantity === undefined ? null : "kg",
    };
  };
}

/** `2024` and `202452` → annual (month 0); `202403` → March. */
export function parsePeriod(raw: string): { year: number; month: number } | undefined {
  const m = /^(\d{4})(\d{2})?$/.exec(raw.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const mm = m[2] === undefined ? 0 : Number(m[2]);
  if (year < LIMITS.years.min || year > LIMITS.years.max) return undefined;
  if (mm === 52 || mm === 0) return { year, month: 0 };
  return mm >= 1 && mm <= 12 ? { year, month: mm } : undefined;
}

/** Rows appended per batch while streaming (about 4 MB of JS objects). */
const BATCH = 20_000;

/**
 * Loader for Eurostat Comext bulk/extraction CSV (EU member states' trade by partner, CN8, EUR).
 * Streams the file: rows are checked one by one and appended in batches inside the load's
 * transaction, so memory stays flat in file size; any problem rolls the whole file back.
 * Duplicate keys are found afterwards in DuckDB (a per-row key map would grow with the file).
 */
export const comextLoader: Loader = {
  id: "comext",
  description: "Eurostat Comext bulk/extraction CSV (DECLARANT_ISO, PARTNER_ISO, PRODUCT_NC, FLOW, PERIOD, VALUE_IN_EUROS[, QUANTITY_IN_KG]), streamed",
  memoryLimitMb: STREAMING_LOAD_MEMORY_MB,
  async load(ctx: LoadContext & { onProgress?: OnProgress }) {
    const { store, file, dataset } = ctx;
    const { header, cols, required } = resolveColumns(file, COLUMNS);
    const row = comextRow(file, cols, await countryCodes(store), {}, false);
    const source = basename(file);
    let batch: TradeRow[] = [];
    let written = 0;
    const flush = async () => {
      await appendTrade(store, dataset, source, batch);
      written += batch.length;
      batch = [];
    };
    const bar = ctx.onProgress ? undefined : statSync(file).size > 20e6 ? fileBar(source) : undefined;
    let problems: Problem[];
    try {
      ({ problems } = await streamCsv(file, () => required, async (r, problems) => {
        const t = row(r, problems);
        if (t && !problems.length) batch.push(t);
        if (batch.length >= BATCH) await flush();
      }, { onProgress: ctx.onProgress ?? bar?.update }).catch((e) => { throw withEncodingField(e, header); }));
    } finally {
      bar?.stop();
    }
    if (problems.length) throw validationError(file, problems);
    await flush();
    await refuseDuplicates(store, file, dataset, source, cols);
    return written;
  },
};

/**
 * Two rows with the same declarant, partner, product, flow and period would be summed. With a
 * statistical-procedure column, Eurostat splits a flow into parts that do add up, so it is not
 * checked then. Lines are found by reading the file again, only when there are duplicates.
 */
async function refuseDuplicates(store: Store, file: string, dataset: string, source: string, cols: Resolved<keyof typeof COLUMNS>): Promise<void> {
  if (cols.regime) return;
  const dups = await store.all<{ reporter: string; partner: string; product: string; flow: string; year: number; month: number }>(
    `SELECT reporter, partner, product, flow, year, month FROM trade WHERE dataset = $1 AND source_file = $2
     GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL LIMIT 20`,
    [dataset, source],
  );
  if (!dups.length) return;
  const keys = new Set(dups.map((d) => `${d.reporter}|${d.partner}|${d.product}|${d.flow}|${d.year}|${d.month}`));
  const firstLine = new Map<string, number>();
  const problems: Problem[] = [];
  const row = comextRow(file, cols, await countryCodes(store), {}, false);
  await streamCsv(file, () => [], (r, p) => {
    const t = row(r, p);
    if (!t) return;
    const key = `${t.reporter}|${t.partner}|${t.product}|${t.flow}|${t.year}|${t.month}`;
    if (!keys.has(key)) return;
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, r.line);
    else problems.push({ code: "duplicate_key", path: [r.line, cols.product!], file, line: r.line, field: cols.product!, value: t.product,
      message: `same declarant, partner, product, flow and period as line ${first} (a duplicate would be summed)` });
  });
  const inFile = new Set(problems.map((p) => p.message.replace(/.*as line (\d+).*/, "$1")));
  for (const [k, first] of firstLine) {
    if (inFile.has(String(first))) continue; // repeated inside this file: reported above
    const [reporter, partner, product] = k.split("|");
    problems.push({ code: "duplicate_key", path: [first], file, line: first, field: cols.product!, value: product,
      message: `${reporter} from ${partner} is already loaded from a file of this name in dataset '${dataset}' (it would be summed)` });
  }
  throw validationError(file, problems.sort((a, b) => a.line! - b.line!));
}
