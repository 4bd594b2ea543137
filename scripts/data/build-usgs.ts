#!/usr/bin/env -S npx tsx
/**
 * Copy the USGS MCS world files (2022 subset, 2023, 2024 data releases) byte for byte from
 * ../shared/data/usgs-mcs/raw into data/usgs-mcs/<edition>/ and write data/usgs-mcs/dataset.json.
 *
 *   npx tsx scripts/data/build-usgs.ts [--shared ../shared/data]
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const SHARED = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : "../shared/data";
const OUT = "data/usgs-mcs";

const EDITIONS = [
  { dir: "mcs2022_world_subset", edition: "2022", url: "https://doi.org/10.5066/P9KKMCP4", years: "2020–2021",
    title: "USGS Mineral Commodity Summaries 2022 data release (world files, 12-commodity subset)" },
  { dir: "mcs2023_world", edition: "2023", url: "https://doi.org/10.5066/P9WCYUI6", years: "2021–2022",
    title: "USGS Mineral Commodity Summaries 2023 data release (world files)" },
  { dir: "mcs2024_world", edition: "2024", url: "https://doi.org/10.5066/P144BA54", years: "2022–2023",
    title: "USGS Mineral Commodity Summaries 2024 data release, ver. 2.0 (world files)" },
];

const manifest = EDITIONS.map((e) => {
  const dest = join(OUT, `mcs${e.edition}`);
  mkdirSync(dest, { recursive: true });
  const files = readdirSync(join(SHARED, "usgs-mcs/raw", e.dir)).filter((f) => f.endsWith(".csv")).sort();
  for (const f of files) copyFileSync(join(SHARED, "usgs-mcs/raw", e.dir, f), join(dest, f));
  return {
    id: `usgs-mcs-${e.edition}`, title: e.title, publisher: "U.S. Geological Survey, National Minerals Information Center",
    edition: e.edition, licence: "Public domain (U.S. Government work)", url: e.url, years: e.years,
    loader: "usgs-mcs", order: 10, files: files.map((f) => `mcs${e.edition}/${f}`),
  };
});
writeFileSync(join(OUT, "dataset.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(manifest.map((m) => `${m.id}: ${m.files.length} files`).join("\n"));
