/**
 * Crash safety of `ingest baci` (issue 8): start a load of a BACI year in a child process, kill it
 * with SIGKILL at a random moment, reopen the database and check that the file is either wholly
 * loaded or not at all — also when the kill lands while a newer release replaces a year already
 * loaded (then the old release must be there whole). Repeats --runs times (default 24).
 *
 * Usage: npx tsx scripts/crash-test.ts [--runs 24] [--rows 2000000] [--seed 7]
 * Data: synthetic BACI files from bench/baci-generate.ts (never real figures).
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateBaci, rng } from "../bench/baci-generate.ts";
import { scan } from "../src/analytics/scan.ts";
import { fileHash, ingest } from "../src/ingest/ingest.ts";
import { createSchema } from "../src/store/schema.ts";
import { Store } from "../src/store/store.ts";
import { baciTable } from "../src/store/queries/baci-tables.ts";
import { baciLoad } from "../src/store/queries/scan.ts";

const SELF = fileURLToPath(import.meta.url);

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}

interface Expect {
  hash: string;
  rows: number;
  sum: number;
  release: string;
}

/**
 * The state the product sees for the year after reopening: "none" (no record; stray rows of an
 * interrupted load are ignored and removed by the next load), a release wholly loaded (rows, sum
 * and bookkeeping agree), "torn" (a record whose row count does not match: the scan refuses the
 * year and the next load repairs it), or INCONSISTENT (wrong data the product would use).
 */
async function state(db: string, year: number, files: Expect[]): Promise<string> {
  const store = await Store.open(db);
  try {
    const t = await store.one<{ n: number; s: number | null }>(
      "SELECT count(*)::DOUBLE AS n, sum(value_kusd) AS s FROM baci_trade WHERE year = $1",
      [year],
    );
    const load = await store.one<{ release: string; rows: number }>("SELECT release, rows FROM baci_loads WHERE year = $1", [year]);
    const hashes = (await store.all<{ hash: string }>("SELECT hash FROM loaded_files")).map((h) => h.hash);
    const recorded = files.filter((f) => hashes.includes(f.hash));
    if (!load) return recorded.length === 0 ? "none" : `INCONSISTENT: no record but ${recorded.map((f) => f.release)} marked loaded`;
    // What the scan sees: rows present only with both of the year's tables (trade and world).
    const seen = await baciLoad(store, year);
    if (load.rows !== seen?.present) return `torn (${seen?.present} rows present, ${load.rows} recorded)`;
    const w = await store.one<{ s: number | null }>(`SELECT sum(value_kusd) AS s FROM ${baciTable("world", year)}`);
    if (Math.abs((w?.s ?? 0) - (t!.s ?? 0)) > 1e-6 * Math.max(1, t!.s ?? 0)) return `INCONSISTENT world table sum ${w?.s} vs rows ${t!.s}`;
    for (const f of files) {
      const whole =
        t!.n === f.rows && Math.abs((t!.s ?? 0) - f.sum) < 1e-6 * Math.max(1, f.sum) && load.release === f.release &&
        recorded.length === 1 && recorded[0] === f;
      if (whole) return f.release;
    }
    return `INCONSISTENT rows=${t!.n} sum=${t!.s} load=${JSON.stringify(load)} recorded=${recorded.map((f) => f.release)}`;
  } finally {
    store.close();
  }
}

/** Staging tables a killed load left (committed, but no reader looks at them). */
async function stagingLeft(db: string): Promise<string> {
  const store = await Store.open(db);
  try {
    const rows = await store.all<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'baci_stage%' ORDER BY 1");
    return rows.map((r) => r.name).join(", ");
  } finally {
    store.close();
  }
}

/** What a user gets after a torn commit: the scan clears the year, and loading the file again works. */
async function repairAndReload(db: string, year: number, file: string, files: Expect[]): Promise<string> {
  const store = await Store.open(db);
  try {
    const refused = await scan(store, { year, bloc: { id: "DEU", members: ["DEU"] } }).then(() => false, () => true);
    const [r] = await ingest(store, "baci", [file]);
    if (!refused || r.skipped) return "NOT repaired";
  } finally {
    store.close();
  }
  return `scan refused and cleared it, reloaded: ${await state(db, year, files)}`;
}

/** Run one ingest in a child; with `killAfterMs`, SIGKILL it that long after it starts loading. */
function runChild(db: string, file: string, killAfterMs?: number): Promise<{ killed: boolean; loadMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", SELF, "--child", db, file], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    let started = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on("data", (d) => (err += d));
    child.stdout.on("data", (d: Buffer) => {
      if (!started && d.toString().includes("start")) {
        started = performance.now();
        if (killAfterMs !== undefined) timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const loadMs = performance.now() - started;
      if (signal === "SIGKILL") resolve({ killed: true, loadMs });
      else if (code === 0) resolve({ killed: false, loadMs });
      else reject(new Error(`child failed (${code}): ${err}`));
    });
  });
}

async function main(): Promise<number> {
  const runs = Number(arg("runs", "24"));
  const rows = Number(arg("rows", "2000000"));
  const rand = rng(Number(arg("seed", "7")));
  const dir = `/tmp/chokepoint-crash-${rows}`;
  mkdirSync(dir, { recursive: true });
  const year = 2023;
  const a = generateBaci({ rows: Math.round(rows / 2), out: join(dir, "a"), year, seed: 11, version: "V202401" });
  const b = generateBaci({ rows, out: join(dir, "b"), year, seed: 12, version: "V202501" });

  // Base databases: schema + code lists; and the same with the older release of the year loaded.
  const base = join(dir, "base.duckdb");
  const baseA = join(dir, "base-a.duckdb");
  for (const p of [base, baseA]) for (const s of ["", ".wal"]) rmSync(p + s, { force: true });
  let store = await Store.open(base);
  await createSchema(store);
  await ingest(store, "baci", [b.countries, b.products]);
  store.close();
  copyFileSync(base, baseA);
  store = await Store.open(baseA);
  await ingest(store, "baci", [a.trade]);
  store.close();

  const expect = async (db: string, file: string, release: string): Promise<Expect> => {
    const s = await Store.open(db);
    const r = await s.one<{ n: number; s: number }>("SELECT count(*)::DOUBLE AS n, sum(value_kusd) AS s FROM baci_trade WHERE year = $1", [year]);
    s.close();
    return { hash: fileHash(file), rows: r!.n, sum: r!.s, release };
  };
  const ea = await expect(baseA, a.trade, "V202401");
  // One uninterrupted load gives the full duration and the expected end state. Replacing a year takes
  // longer than loading a fresh one, so each kind of run gets its own reference duration.
  const full = join(dir, "full.duckdb");
  const fullMs = { fresh: Infinity, replace: Infinity };
  for (const kind of ["fresh", "replace"] as const) {
    for (let i = 0; i < 2; i++) {
      // Twice, keeping the faster: on a shared machine one run can be much slower than usual.
      for (const sfx of ["", ".wal"]) rmSync(full + sfx, { force: true });
      copyFileSync(kind === "fresh" ? base : baseA, full);
      fullMs[kind] = Math.min(fullMs[kind], (await runChild(full, b.trade)).loadMs);
    }
  }
  const eb = await expect(full, b.trade, "V202501");
  console.log(
    `file: ${rows.toLocaleString("en-US")} rows; an uninterrupted ingest takes ${(fullMs.fresh / 1000).toFixed(2)} s (fresh year), ` +
      `${(fullMs.replace / 1000).toFixed(2)} s (replacing a release); kills land 0–120 % of that after it starts`,
  );

  const outcomes: Record<string, number> = {};
  let bad = 0;
  let torn = 0;
  let killed = 0;
  let reloaded = 0;
  for (let i = 0; i < runs; i++) {
    const replacing = i % 2 === 1;
    const db = join(dir, "run.duckdb");
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
    copyFileSync(replacing ? baseA : base, db);
    const killAt = Math.round(rand() * fullMs[replacing ? "replace" : "fresh"] * 1.2);
    const r = await runChild(db, b.trade, killAt);
    const wal = existsSync(`${db}.wal`);
    const staging = await stagingLeft(db);
    if (r.killed) killed++;
    let s = await state(db, year, replacing ? [ea, eb] : [eb]);
    if (s.startsWith("torn")) s += ` → ${await repairAndReload(db, year, b.trade, replacing ? [ea, eb] : [eb])}`;
    // Whatever the kill left (staging tables, a WAL), loading the file again must give it whole.
    if (!s.startsWith("torn") && s !== "V202501") {
      const reload = await Store.open(db);
      try {
        await ingest(reload, "baci", [b.trade]);
      } finally {
        reload.close();
      }
      const after = await state(db, year, replacing ? [ea, eb] : [eb]);
      if (after !== "V202501") s = `INCONSISTENT after reloading: ${after}`;
      else reloaded++;
    }
    if (s.startsWith("INCONSISTENT") || s.includes("NOT repaired") || s.includes("INCONSISTENT")) bad++;
    if (s.startsWith("torn")) torn++;
    const label = `${replacing ? "replace" : "fresh"}→${s.startsWith("torn") ? "torn" : s.startsWith("INCONSISTENT") ? "INCONSISTENT" : s}`;
    outcomes[label] = (outcomes[label] ?? 0) + 1;
    console.log(
      `run ${String(i + 1).padStart(2)}  ${replacing ? "replacing V202401" : "empty year       "}  kill at ${(killAt / 1000).toFixed(2)} s` +
        `${r.killed ? "" : " (finished first)"}  →  ${s === "none" ? "nothing loaded" : s.startsWith("V") ? `${s} wholly loaded` : s}${wal ? "  [WAL left by the killed process, replayed on open]" : ""}${staging ? `  [staging left: ${staging}; read by nothing, dropped by the next load]` : ""}`,
    );
  }
  console.log(`\n${runs} runs (${killed} killed mid-ingest, ${runs - killed} finished first): ${Object.entries(outcomes).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`reloaded after the kill (staging tables or WAL left behind): ${reloaded}, each then wholly loaded`);
  console.log(`torn commits (DuckDB replayed part of a cut WAL; detected, cleared by the scan, reloaded): ${torn}; inconsistent or not repaired: ${bad}`);
  return bad === 0 ? 0 : 1;
}

if (process.argv[2] === "--child") {
  const store = await Store.open(process.argv[3]);
  process.stdout.write("start\n");
  await ingest(store, "baci", [process.argv[4]]);
  store.close();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exit(await main());
}
