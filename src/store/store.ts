import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ChokepointError } from "../domain/error.ts";

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/** Default database path: `.chokepoint/chokepoint.duckdb`, overridden by `CHOKEPOINT_DB`. */
export function defaultDbPath(): string {
  return resolve(process.env.CHOKEPOINT_DB ?? ".chokepoint/chokepoint.duckdb");
}

/**
 * A DuckDB database with one connection: the only place that runs SQL.
 * Values are always bound as parameters, never spliced into SQL text.
 *
 * @example
 * const store = await Store.open(":memory:");
 * const rows = await store.all<{ x: number }>("select $1::DOUBLE as x", [42]);
 */
export class Store {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    /** Opened READ_ONLY: any number of processes may read the file at once, none may write. */
    readonly readOnly = false,
  ) {}

  /**
   * Open (creating if needed) a database file, or `:memory:`. `readOnly` takes DuckDB's shared
   * lock, so other read-only openers (a running `chokepoint serve`, CLI reads) do not block it;
   * a read-write open needs the file to itself and fails with `database_locked` while anyone holds it.
   */
  static async open(path: string, opts: { readOnly?: boolean } = {}): Promise<Store> {
    const readOnly = opts.readOnly === true && path !== ":memory:";
    if (path !== ":memory:" && !readOnly) mkdirSync(dirname(path), { recursive: true });
    try {
      const instance = await DuckDBInstance.create(path, readOnly ? { access_mode: "READ_ONLY" } : {});
      const conn = await instance.connect();
      return new Store(path, instance, conn, readOnly);
    } catch (e) {
      const msg = (e as Error).message;
      const pid = /Conflicting lock is held in .*?\(PID (\d+)\)/.exec(msg)?.[1];
      if (pid !== undefined || /Could not set lock/.test(msg)) {
        throw new ChokepointError("database_locked", `database ${path} is in use by another process${pid ? ` (PID ${pid})` : ""}: ${readOnly ? "it is writing" : "reads can share it, writes need it to themselves"}`);
      }
      throw new ChokepointError("io_error", `cannot open database ${path}: ${msg}`);
    }
  }

  /** Run a statement that returns nothing. */
  async run(sql: string, params?: Params): Promise<void> {
    await this.track(this.conn.run(sql, params));
  }

  /** Run a query and return rows as plain JS objects (BIGINT arrives as bigint: cast in SQL). */
  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.track(this.conn.runAndReadAll(sql, params));
    return reader.getRowObjectsJS() as T[];
  }

  /** Statements DuckDB is still running: `close()` must not pull the database from under them. */
  private readonly pending = new Set<Promise<unknown>>();
  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    p.then(
      () => this.pending.delete(p),
      () => this.pending.delete(p),
    );
    if (!this.readOnly) return p;
    return p.catch((e: Error) => {
      if (!/read-only mode/.test(e?.message ?? "")) throw e;
      throw new ChokepointError("database_locked", `database ${this.path} is open read-only because another process (a running \`chokepoint serve\`?) holds it; stop that process to load or change data`);
    });
  }

  /** First row of a query, or undefined. */
  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Insert many rows fast through DuckDB's appender (column order as in the table). */
  async append(table: string, rows: readonly (readonly DuckDBValue[])[]): Promise<void> {
    const appender = await this.conn.createAppender(table);
    try {
      for (const row of rows) {
        for (const v of row) appendValue(appender, v);
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /**
   * Run `fn` with DuckDB's memory limit lowered to `mb` MiB (never raised), restoring the previous
   * limit after. A streaming load appends millions of rows inside one transaction: under the
   * default limit (80 % of RAM) DuckDB keeps every written block and the duplicate-key hash table
   * in memory, so RSS grew with the file; under a limit it evicts and spills to its temp directory
   * (bench/comext-rss.ts: 4 M Comext rows 857 MB peak RSS before, 8 M rows 765 MB at 512 MiB).
   * @example await store.withMemoryLimit(512, () => loader.load(ctx));
   */
  async withMemoryLimit<T>(mb: number, fn: () => Promise<T>): Promise<T> {
    const [{ v }] = await this.all<{ v: string }>("SELECT current_setting('memory_limit') AS v");
    const m = /^([\d.]+) ?(bytes|[KMGT]i?B)$/.exec(v);
    const unit = m ? 1024 ** "bKMGT".indexOf(m[2][0]) : Infinity;
    if (!m || Number(m[1]) * unit <= mb * 2 ** 20) return fn();
    await this.run(`SET memory_limit = '${Math.floor(mb)}MiB'`);
    try {
      return await fn();
    } finally {
      // DuckDB shows the limit rounded ("18.8 GiB"): the default comes back exactly by RESET.
      await this.run("RESET memory_limit");
      const [{ now }] = await this.all<{ now: string }>("SELECT current_setting('memory_limit') AS now");
      if (now !== v) await this.run(`SET memory_limit = '${m[1]} ${m[2]}'`);
    }
  }

  /**
   * Run `fn` in a transaction: on any error the database is left exactly as it was.
   * Nested calls join the outer transaction.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return fn();
    this.depth++;
    this.memos.clear();
    await this.conn.run("BEGIN TRANSACTION");
    try {
      const out = await fn();
      await this.conn.run("COMMIT");
      this.memos.clear();
      this.gen++;
      return out;
    } catch (e) {
      await this.conn.run("ROLLBACK");
      throw e;
    } finally {
      this.depth--;
    }
  }
  private depth = 0;

  /**
   * How many writes through `transaction` this store has committed: a cache of answers keyed by
   * it (the API's) never serves an answer computed before a load, `watch` or `extract`.
   * @example const key = `${store.generation} ${request}`;
   */
  get generation(): number {
    return this.gen;
  }
  private gen = 0;

  /**
   * Memoise a read of reference data (countries, catalogue, WGI) for this store. Every write
   * through `transaction` clears the memo, so a load is seen at once.
   * @example const countries = await store.memo("countries", () => store.all("SELECT * FROM countries"));
   */
  memo<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let p = this.memos.get(key) as Promise<T> | undefined;
    if (!p) {
      p = fn();
      this.memos.set(key, p);
      p.catch(() => this.memos.delete(key));
    }
    return p;
  }
  private readonly memos = new Map<string, Promise<unknown>>();

  /**
   * Close the connection and the database. When idle this happens at once (synchronously); when a
   * statement is still running (a server request abandoned by its client) it is interrupted and
   * awaited first: closing under a running statement blocked the process for good (a hung test run).
   * @example await store.close();
   */
  async close(): Promise<void> {
    if (this.closed) return;
    while (this.pending.size) {
      this.conn.interrupt();
      await Promise.allSettled([...this.pending]);
    }
    if (this.closed) return;
    this.closed = true;
    this.conn.closeSync();
    this.instance.closeSync();
  }
  private closed = false;
}

function appendValue(a: import("@duckdb/node-api").DuckDBAppender, v: DuckDBValue): void {
  if (v === null || v === undefined) a.appendNull();
  else if (typeof v === "number") a.appendDouble(v);
  else if (typeof v === "bigint") a.appendBigInt(v);
  else if (typeof v === "boolean") a.appendBoolean(v);
  else if (typeof v === "string") a.appendVarchar(v);
  else a.appendValue(v);
}
