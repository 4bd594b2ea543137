/**
 * One measured phase of `bench/baci-bench.ts`, run in its own process so peak RSS is per phase:
 * `raw` (DuckDB's read_csv into a table), `ingest` (chokepoint's loader) or `scan` (chokepoint's
 * scan against a hand-written DuckDB query). Prints one JSON line.
 */
import { listValue } from "@duckdb/node-api";
import { pathToFileURL } from "node:url";
import { scan } from "../src/analytics/scan.ts";
import { fileHash, ingest } from "../src/ingest/ingest.ts";
import { createSchema } from "../src/store/schema.ts";
import { Store } from "../src/store/store.ts";
import { baciTable, worldTableSql } from "../src/store/queries/baci-tables.ts";

export interface PhaseResult {
  seconds: number;
  /** CPU time (user + system, all threads) of the measured part: steadier than wall time on a shared machine. */
  cpuSeconds?: number;
  rssMB: number;
  hashSeconds?: number;
  handSeconds?: number;
  /** Rebuilding the year's world table (the scan's bloc-independent half, built once at load). */
  worldSeconds?: number;
  products?: number;
  dependent?: number;
  hhiSum?: number;
  agree?: boolean;
  memberCodes?: number[];
}

const COLUMNS = "{'t': 'SMALLINT', 'i': 'SMALLINT', 'j': 'SMALLINT', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'DOUBLE'}";

/**
 * The scan's figures as an analyst would write them by hand in DuckDB SQL: join ISO3 codes, flag
 * bloc membership, window functions for shares and the top supplier.
 */
export const handScan = `
WITH t AS (
  SELECT b.hs6, e.iso3 AS exp, list_contains($members, e.iso3) AS e_in, list_contains($members, m.iso3) AS m_in, b.value_kusd AS v
  FROM baci_trade b JOIN baci_countries e ON e.code = b.exporter JOIN baci_countries m ON m.code = b.importer
  WHERE b.year = $year),
ext AS (SELECT hs6, exp, sum(v) AS v FROM t WHERE m_in AND NOT e_in GROUP BY hs6, exp),
ranked AS (SELECT hs6, exp, v, v / sum(v) OVER (PARTITION BY hs6) AS s,
                  row_number() OVER (PARTITION BY hs6 ORDER BY v DESC, exp) AS rk FROM ext),
world AS (SELECT hs6, exp, sum(v) AS v FROM t GROUP BY hs6, exp),
wtot AS (SELECT hs6, sum(v) AS total, sum(v * v) / (sum(v) * sum(v)) AS world_hhi FROM world GROUP BY hs6),
bloc AS (SELECT hs6, coalesce(sum(v) FILTER (m_in AND e_in), 0) AS intra, coalesce(sum(v) FILTER (e_in), 0) AS bloc_exports
         FROM t GROUP BY hs6),
prod AS (SELECT hs6, sum(v) AS imports, count(*) AS suppliers, sum(s * s) AS hhi,
                any_value(exp) FILTER (rk = 1) AS top, max(s) AS top_share FROM ranked GROUP BY hs6)
SELECT p.hs6, p.imports, p.suppliers, p.hhi, p.top, p.top_share, w.v / wt.total AS top_world, wt.world_hhi,
       p.hhi > 0.4 AND p.imports / (p.imports + b.intra) > 0.5 AND (b.bloc_exports = 0 OR p.imports / b.bloc_exports > 1) AS dependent
FROM prod p JOIN bloc b USING (hs6) JOIN wtot wt USING (hs6) JOIN world w ON w.hs6 = p.hs6 AND w.exp = p.top
ORDER BY dependent DESC, p.imports DESC`;

const cpu = (c0: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1e6;
};
const rss = () => process.resourceUsage().maxRSS / 1024;
const secs = (t0: number) => (performance.now() - t0) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function phase(name: string, a: Record<string, string>): Promise<PhaseResult> {
  const store = await Store.open(a.db);
  try {
    if (name === "raw") {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await store.run(`CREATE TABLE raw AS SELECT * FROM read_csv($1, header = true, columns = ${COLUMNS}, nullstr = ['NA', ''])`, [a.trade]);
      return { seconds: secs(t0), cpuSeconds: cpu(c0), rssMB: rss() };
    }
    if (name === "ingest") {
      await createSchema(store);
      // Code lists load once per release, not per year: outside the timed part (read_csv has none).
      await ingest(store, "baci", [a.countries, a.products]);
      const h0 = performance.now();
      fileHash(a.trade); // timed separately to report its share; ingest() below hashes again
      const hashSeconds = secs(h0);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await ingest(store, "baci", [a.trade]);
      return { seconds: secs(t0), cpuSeconds: cpu(c0), rssMB: rss(), hashSeconds };
    }
    const members = a.members.split(",");
    const reps = Number(a.reps ?? 3);
    const bloc = { id: "EU27", members };
    await scan(store, { bloc }); // warm the buffer pool for both contenders
    const ours: number[] = [];
    const hand: number[] = [];
    let r = await scan(store, { bloc });
    let h: { hs6: number; hhi: number; top_world: number; dependent: boolean }[] = [];
    const oursCpu: number[] = [];
    for (let i = 0; i < reps; i++) {
      let t0 = performance.now();
      const c0 = process.cpuUsage();
      r = await scan(store, { bloc });
      ours.push(secs(t0));
      oursCpu.push(cpu(c0));
      t0 = performance.now();
      h = await store.all(handScan, { members: listValue(members), year: r.year });
      hand.push(secs(t0));
    }
    const byHs = new Map(h.map((x) => [String(x.hs6).padStart(6, "0"), x]));
    const agree =
      h.length === r.products.length &&
      r.products.every((p) => {
        const x = byHs.get(p.hs6);
        return x && Math.abs(x.hhi - p.hhi) < 1e-9 && Math.abs(x.top_world - p.topWorldShare) < 1e-9 && x.dependent === p.dependent;
      });
    // The load builds the world aggregate once; time a rebuild so the scan can also be judged with it.
    const worlds: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      await store.run(worldTableSql("bench_world_rebuild", baciTable("trade", r.year)));
      worlds.push(secs(t0));
      await store.run("DROP TABLE bench_world_rebuild");
    }
    const codes = await store.all<{ code: number }>("SELECT code::INTEGER AS code FROM baci_countries WHERE list_contains($1, iso3)", [listValue(members)]);
    return {
      seconds: median(ours),
      cpuSeconds: median(oursCpu),
      handSeconds: median(hand),
      worldSeconds: median(worlds),
      rssMB: rss(),
      products: r.products.length,
      dependent: r.coverage.dependent,
      hhiSum: r.products.reduce((s, p) => s + p.hhi, 0),
      agree,
      memberCodes: codes.map((c) => c.code),
    };
  } finally {
    store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const out = await phase(process.argv[2], JSON.parse(process.argv[3]));
  process.stdout.write(JSON.stringify(out) + "\n");
}
