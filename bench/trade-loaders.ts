/**
 * Benchmark: the trade loaders on the shipped files (validate every row, map codes, append).
 * Baseline, same run: DuckDB's own read_csv of the same file into a scratch table, i.e. the cost of
 * reading the bytes with no validation, so the ratio shows what row-by-row checking adds.
 * Run: npx tsx bench/trade-loaders.ts
 */
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Store } from "../src/store/store.ts";
import { createSchema } from "../src/store/schema.ts";
import { ingest } from "../src/ingest/ingest.ts";

const data = (p: string) => fileURLToPath(new URL(`../data/${p}`, import.meta.url));
const files: [string, string][] = [
  ["comext", data("comext/eu27_imports_crm_cn8_2022_2024.csv")],
  ["comtrade", data("china-monthly/china_exports_hs6_monthly_2017_2024.csv")],
  ["comtrade", data("comtrade-japan/japan_imports_hs4_2022_2024.csv")],
];

async function freshStore(): Promise<Store> {
  const store = await Store.open(":memory:");
  await createSchema(store);
  await ingest(store, "countries", [data("countries/countries.csv")]);
  await ingest(store, "country-aliases", [data("countries/aliases.csv")]);
  return store;
}

/** Best of three; `fn` returns the milliseconds it wants counted (setup excluded). */
const best = async (fn: () => Promise<number>, runs = 3) => {
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, await fn());
  return min;
};

console.log("loader     file                                                   rows   loader ms  read_csv ms  ratio  rows/s");
for (const [loader, file] of files) {
  let rows = 0;
  const ms = await best(async () => {
    const store = await freshStore();
    const t = performance.now();
    rows = (await ingest(store, loader, [file]))[0].rows;
    const dt = performance.now() - t;
    store.close();
    return dt;
  });
  const base = await best(async () => {
    const store = await Store.open(":memory:");
    const t = performance.now();
    await store.run("CREATE TABLE t AS SELECT * FROM read_csv($1, all_varchar = true, delim = ',', quote = '\"', header = true)", [file]);
    const dt = performance.now() - t;
    store.close();
    return dt;
  });
  const name = file.split("/data/")[1];
  console.log(
    `${loader.padEnd(10)} ${name.padEnd(54)} ${String(rows).padStart(6)} ${ms.toFixed(0).padStart(10)} ${base.toFixed(0).padStart(12)} ${(ms / base).toFixed(1).padStart(6)} ${Math.round(rows / (ms / 1000)).toString().padStart(7)}`,
  );
}
