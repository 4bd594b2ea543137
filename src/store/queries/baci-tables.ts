import type { Store } from "../store.ts";
import { BACI_TRADE_EMPTY, extraDdl } from "../schema/extra.ts";

/**
 * BACI years live in one table each (`baci_trade_2023`), with the year's world exports per
 * (product, exporter) beside it (`baci_world_2023`), behind the view `baci_trade`. A year is loaded
 * into staging tables by autocommitted `CREATE TABLE … AS` (DuckDB's own CSV speed, and checks that
 * statistics answer) and published by renaming them in one small transaction with its bookkeeping.
 * Table names are built from an integer year only, never from user text.
 */
export type BaciTableKind = "trade" | "world" | "stage" | "stage_world";

const PREFIX: Record<BaciTableKind, string> = {
  trade: "baci_trade_",
  world: "baci_world_",
  stage: "baci_stage_",
  stage_world: "baci_stagew_",
};

/**
 * The name of a year's table of one kind.
 * @example baciTable("trade", 2023) // "baci_trade_2023"
 */
export function baciTable(kind: BaciTableKind, year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`not a BACI year: ${year}`);
  return PREFIX[kind] + year;
}

/** Names of the BACI tables present, by kind and year. */
export async function baciTablesPresent(store: Store): Promise<{ kind: BaciTableKind; year: number; name: string }[]> {
  const rows = await store.all<{ name: string }>(
    "SELECT table_name AS name FROM duckdb_tables() WHERE regexp_matches(table_name, '^baci_(trade|world|stage|stagew)_[0-9]{4}$') AND schema_name = 'main' AND NOT temporary",
  );
  const kinds = Object.entries(PREFIX) as [BaciTableKind, string][];
  return rows.map((r) => {
    const [kind, prefix] = kinds.find(([, p]) => r.name.startsWith(p) && /^\d{4}$/.test(r.name.slice(p.length)))!;
    return { kind, year: Number(r.name.slice(prefix.length)), name: r.name };
  });
}

/**
 * (Re)define the view `baci_trade` as every year table, so ad-hoc SQL and older readers see one
 * table of BACI's six columns. Call inside the transaction that adds or drops a year table.
 *
 * @example await refreshBaciView(store);
 */
export async function refreshBaciView(store: Store): Promise<void> {
  const years = (await baciTablesPresent(store)).filter((t) => t.kind === "trade").map((t) => t.year).sort();
  const body = years.length ? years.map((y) => `SELECT * FROM ${baciTable("trade", y)}`).join(" UNION ALL ") : BACI_TRADE_EMPTY;
  await store.run(`CREATE OR REPLACE VIEW baci_trade AS ${body}`);
}

/**
 * Build a year's world exports per (product, exporter) from its trade table: the bloc-independent
 * half of the scan, computed once at load (~0.17 s for 10 M rows) instead of in every scan. One
 * packed INTEGER key, `hs6 * 1000 + exporter` (both ranges are checked at load), groups ~25 %
 * faster than two columns.
 */
export function worldTableSql(target: string, source: string): string {
  return `CREATE TABLE ${target} AS SELECT hs6 * 1000 + exporter AS key, sum(value_kusd) AS value_kusd FROM ${source} GROUP BY key`;
}

/** Drop staging tables (of one year, or all) left by a failed or killed load. */
export async function dropBaciStaging(store: Store, year?: number): Promise<void> {
  for (const t of await baciTablesPresent(store)) {
    if ((t.kind === "stage" || t.kind === "stage_world") && (year === undefined || t.year === year)) {
      await store.run(`DROP TABLE IF EXISTS ${t.name}`);
    }
  }
}

/**
 * Create the BACI tables (`baci_loads`, `baci_countries`, `baci_products`, the view `baci_trade`;
 * DDL in `src/store/schema/extra.ts`) if missing, and move a database written before years had
 * tables of their own (one table `baci_trade`) to that layout. Loaders and the scan call this
 * because a database keeps its schema version while the user's own loads are in it.
 *
 * @example await ensureBaciSchema(store);
 */
export async function ensureBaciSchema(store: Store): Promise<void> {
  // One catalog lookup decides (the scan calls this every time): duckdb_tables() lists base tables
  // only, so `baci_trade` there is the old one-table layout. ~1 ms; information_schema ~12 ms.
  const present = await store.all<{ name: string }>(
    "SELECT table_name AS name FROM duckdb_tables() WHERE table_name IN ('baci_trade', 'baci_loads') AND schema_name = 'main' AND NOT temporary",
  );
  const oldLayout = present.some((t) => t.name === "baci_trade");
  if (!oldLayout && present.some((t) => t.name === "baci_loads")) return;
  if (oldLayout) {
    await store.transaction(async () => {
      const years = await store.all<{ year: number }>("SELECT DISTINCT year::INTEGER AS year FROM baci_trade WHERE year IS NOT NULL");
      for (const { year } of years) {
        await store.run(`CREATE TABLE ${baciTable("trade", year)} AS SELECT * FROM baci_trade WHERE year = $1`, [year]);
        await store.run(worldTableSql(baciTable("world", year), baciTable("trade", year)));
      }
      await store.run("DROP TABLE baci_trade");
      await refreshBaciView(store);
    });
  }
  for (const sql of extraDdl.filter((s) => s.includes(" baci_"))) await store.run(sql);
}
