/**
 * Benchmark: peak RSS of a Comext-shaped load against file size (issue #18; goal ≤ 1.5 GB at 15 M
 * rows). Generates synthetic Comext bulk files (bench input only, never data) of each size in a
 * temp dir, loads each in a fresh process into a fresh on-disk database, and prints the child's
 * peak RSS (getrusage maxrss) with its ratio to the smallest size's. The child's stderr is this
 * process's, so on a terminal the loader's progress bar (cli-progress) shows during each load.
 * Run: nice npx tsx bench/comext-rss.ts [--rows 1000000,4000000,8000000,15000000]
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { once } from "node:events";

const arg = process.argv.indexOf("--rows");
const sizes = (arg > 0 ? process.argv[arg + 1] : "1000000,4000000,8000000,15000000").split(",").map(Number);

if (process.argv[2] === "--child") {
  // In the child: load one file and report peak RSS and time.
  const { Store } = await import("../src/store/store.ts");
  const { createSchema } = await import("../src/store/schema.ts");
  const { ingest } = await import("../src/ingest/ingest.ts");
  const [, , , file, db] = process.argv;
  const store = await Store.open(db);
  await createSchema(store);
  await ingest(store, "countries", ["data/countries/countries.csv"]);
  const t = Date.now();
  const [r] = await ingest(store, "comext", [file]);
  const secs = (Date.now() - t) / 1000;
  await store.close();
  console.log(JSON.stringify({ rows: r.rows, secs, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const DECL = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"];
const PART = ["CN", "US", "JP", "KR", "IN", "BR", "ZA", "AU", "CA", "MX", "TR", "NO", "CH", "GB", "RU", "UA", "VN", "TH", "MY", "ID", "SG", "TW", "CL", "PE", "AR", "MA", "EG", "NG", "KE", "CD"];

/** Distinct keys by construction: row i → (declarant, partner, product, period) from i's digits. */
async function generate(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("DECLARANT_ISO,PARTNER_ISO,PRODUCT_NC,FLOW,PERIOD,VALUE_IN_EUROS,QUANTITY_IN_KG\n");
  let buf = "";
  for (let i = 0; i < rows; i++) {
    const d = DECL[i % DECL.length], p = PART[Math.floor(i / DECL.length) % PART.length];
    const rest = Math.floor(i / (DECL.length * PART.length));
    const product = String(10000000 + (rest % 89999999)).padStart(8, "0");
    const month = 1 + (Math.floor(rest / 89999999) % 12);
    buf += `${d},${p},${product},1,2024${String(month).padStart(2, "0")},${(i * 7919) % 1000003},${(i * 104729) % 500009}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}

const dir = mkdtempSync(join(tmpdir(), "comext-rss-"));
console.log("rows        file MB   peak RSS MB   RSS/file   load s   RSS vs smallest");
let base: number | undefined;
try {
  for (const rows of sizes) {
    const file = join(dir, `comext-${rows}.csv`);
    await generate(file, rows);
    const mb = statSync(file).size / 2 ** 20;
    const res = spawnSync(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--child", file, join(dir, `db-${rows}.duckdb`)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    if (res.status !== 0) throw new Error(`load of ${rows} rows failed (exit ${res.status})`);
    const r = JSON.parse(res.stdout.trim().split("\n").pop()!);
    base ??= r.maxRssMb;
    console.log(`${String(rows).padEnd(10)} ${mb.toFixed(0).padStart(8)} ${r.maxRssMb.toFixed(0).padStart(13)} ${(r.maxRssMb / mb).toFixed(2).padStart(10)} ${r.secs.toFixed(1).padStart(8)} ${(r.maxRssMb / base!).toFixed(2).padStart(17)}`);
    rmSync(file);
    rmSync(join(dir, `db-${rows}.duckdb`), { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
