#!/usr/bin/env -S npx tsx
/**
 * Split the shared EI LNG trade-movements table by data year, so each file carries its own
 * Statistical Review edition in data/lng/dataset.json (2022 data → 2023 edition, 2023 → 2024).
 * Lines are copied byte for byte (header repeated). Likewise the bp/EI trade matrices
 * (lng-trade-matrices, every importer row) for 2019–2021, one file per edition; their 2023 rows
 * equal EI 2024's in ei-lng-trade (805 cells, none differs), so 2023 is taken once, from there.
 *
 *   npx tsx scripts/data/build-lng.ts [--shared ../shared/data]
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const SHARED = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : "../shared/data";
const lines = readFileSync(join(SHARED, "ei-lng-trade/ei_lng_trade_movements_2022_2023_long.csv"), "utf8").trimEnd().split("\n");
const [header, ...body] = lines;
mkdirSync("data/lng", { recursive: true });
for (const year of ["2022", "2023"]) {
  const rows = body.filter((l) => l.startsWith(`${year},`));
  writeFileSync(`data/lng/ei_lng_trade_movements_${year}.csv`, [header, ...rows].join("\n") + "\n");
  console.log(`data/lng/ei_lng_trade_movements_${year}.csv: ${rows.length} rows`);
}
if (body.some((l) => !/^(2022|2023),/.test(l))) throw new Error("unexpected year in the EI table");

const matrix = readFileSync(join(SHARED, "lng-trade-matrices/lng_trade_matrices_bcm_2019_2021_2023_all_importers.csv"), "utf8").trimEnd().split("\n");
const [mHeader, ...mBody] = matrix;
for (const year of ["2019", "2020", "2021"]) {
  const rows = mBody.filter((l) => l.split(",")[1] === year);
  writeFileSync(`data/lng/lng_trade_matrix_bcm_${year}.csv`, [mHeader, ...rows].join("\n") + "\n");
  console.log(`data/lng/lng_trade_matrix_bcm_${year}.csv: ${rows.length} rows`);
}
