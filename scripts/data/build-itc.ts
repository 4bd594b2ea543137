#!/usr/bin/env -S npx tsx
/**
 * Regenerate ITC Trade Map's own text exports ("List of supplying markets for a product imported
 * by <country>", tab-separated, quantities in tonnes) for Japan and the EU27 member importers from
 * the shared long transcription
 * (../shared/data/itc-trademap-battery-materials/trademap_battery_materials_quantity_long.csv),
 * so the shipped files go through the same `itc` loader users run on their own Trade Map downloads:
 *
 *   data/itc/<HS code> <label>/Trade_Map_-_List_of_supplying_markets_for_a_product_imported_by_<Country>.txt
 *   data/itc/dataset.json
 *
 *   npx tsx scripts/data/build-itc.ts [--shared ../shared/data]
 *
 * Only the HS codes that data/materials/material_codes.csv maps to a material are written (CODES).
 * HS4 7502 is left out: every importer that has it also has its HS6 split 750210 (+ 750220 alloys),
 * and shipping both would count unwrought nickel twice when a material's codes are summed.
 * Mirror files keep Trade Map's `_(Mirror)` tag (the loader reads them as the reporter's own list);
 * none of the Japan/EU importer files is a mirror file in this source.
 * Trade Map's layout is rebuilt exactly: one `YYYY-Imported quantity, Tons` column per year, or
 * `YYYY-Imported quantity` + `YYYY-Unit` when a year mixes units; "World" first; names quoted;
 * every line ends with a tab. Cells the source dropped (empty, "No Quantity") stay empty.
 */
import { readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { parse } from "csv-parse/sync";

const args = process.argv.slice(2);
const SHARED = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : "../shared/data";
const SRC = join(SHARED, "itc-trademap-battery-materials/trademap_battery_materials_quantity_long.csv");
const OUT = "data/itc";

/** Codes shipped: each is a trade code of a material in data/materials/material_codes.csv. */
const CODES = new Set([
  "2510", // phosphate-rock, extraction
  "280470", // phosphorus, processing
  "260200", "282010", "282090", "811100", // manganese
  "260400", "750110", "750120", "750210", "750400", "282540", "282735", "283324", // nickel
  "260500", "282200", "810520", // cobalt
  "282520", "283691", "282739", // lithium (282739 is a basket: other chlorides)
]);

type Rec = Record<string, string>;
const rows = (parse(readFileSync(SRC), { columns: true, bom: true, skip_empty_lines: true }) as Rec[]);
const eu27 = new Set(
  (parse(readFileSync("data/countries/countries.csv"), { columns: true, bom: true }) as Rec[])
    .filter((c) => c.eu27 === "1").map((c) => c.iso3),
);
const byName = new Map(
  (parse(readFileSync("data/countries/aliases.csv"), { columns: true, bom: true }) as Rec[]).map((a) => [a.alias.toLowerCase(), a.iso3]),
);

function importerWanted(name: string): boolean {
  const iso3 = byName.get(name.trim().toLowerCase());
  return iso3 === "JPN" || (iso3 !== undefined && eu27.has(iso3));
}

/** Group the long rows by their Trade Map file. */
const files = new Map<string, Rec[]>();
for (const r of rows) {
  if (r.flow !== "import" || !CODES.has(r.hs_code) || !importerWanted(r.reporter)) continue;
  const mirror = r.reporter_is_mirror === "True";
  if (mirror !== /_\(Mirror\)\.txt$/.test(r.source_file)) throw new Error(`${r.source_file}: mirror flag and file name disagree`);
  if (!r.source_file.startsWith(`${r.hs_code} `)) throw new Error(`${r.source_file}: folder does not start with HS ${r.hs_code}`);
  (files.get(r.source_file) ?? files.set(r.source_file, []).get(r.source_file)!).push(r);
}

/** Trade Map prints whole tonnes without decimals. */
const num = (q: string): string => {
  const n = Number(q);
  if (!Number.isFinite(n)) throw new Error(`not a number: '${q}'`);
  return String(n);
};

function render(recs: Rec[]): string {
  const years = [...new Set(recs.map((r) => Number(r.year)))].sort((a, b) => a - b);
  const mixed = new Set(years.filter((y) => recs.some((r) => Number(r.year) === y && r.unit !== "Tons")));
  const cells = new Map<string, Map<number, Rec>>();
  for (const r of recs) {
    const p = cells.get(r.partner) ?? cells.set(r.partner, new Map()).get(r.partner)!;
    if (p.has(Number(r.year))) throw new Error(`${r.source_file}: two values for ${r.partner} ${r.year}`);
    p.set(Number(r.year), r);
  }
  // Trade Map's order: World first, then by the latest year's quantity (then earlier years), descending.
  const key = (p: string) => years.map((y) => Number(cells.get(p)!.get(y)?.quantity ?? -1)).reverse();
  const partners = [...cells.keys()].sort((a, b) => {
    if (a === "World" || b === "World") return a === "World" ? -1 : 1;
    const ka = key(a), kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
    return a.localeCompare(b);
  });
  const header = ["Exporters", ...years.flatMap((y) => (mixed.has(y) ? [`${y}-Imported quantity`, `${y}-Unit`] : [`${y}-Imported quantity, Tons`]))];
  const lines = [header.join("\t")];
  for (const p of partners) {
    const row = [`"${p.replace(/"/g, '""')}"`];
    for (const y of years) {
      const r = cells.get(p)!.get(y);
      row.push(r ? num(r.quantity) : "");
      if (mixed.has(y)) row.push(r ? (r.unit === "unspecified" ? "" : r.unit) : "");
    }
    lines.push(row.join("\t"));
  }
  return lines.map((l) => `${l}\t\n`).join("");
}

function main(): void {
  rmSync(OUT, { recursive: true, force: true });
  const written: string[] = [];
  const hashes = new Map<string, string>();
  let nRows = 0;
  const years = new Set<number>();
  for (const [path, recs] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const text = render(recs);
    // The ingest skips a file whose bytes it has loaded before: two identical files would lose one.
    const h = createHash("sha256").update(text).digest("hex");
    if (hashes.has(h)) throw new Error(`${path} has the same bytes as ${hashes.get(h)}: the loader would skip one`);
    hashes.set(h, path);
    mkdirSync(join(OUT, dirname(path)), { recursive: true });
    writeFileSync(join(OUT, path), text);
    written.push(path);
    nRows += recs.length;
    for (const r of recs) years.add(Number(r.year));
  }
  const missing = [...CODES].filter((c) => !written.some((p) => p.startsWith(`${c} `)));
  if (missing.length) throw new Error(`no Japan/EU importer file for ${missing.join(", ")}`);
  const ys = [...years].sort();
  const dataset = {
    id: "itc-trademap-battery",
    title: "Japan's and EU27 members' imports of battery materials by supplier, tonnes (ITC Trade Map, subset)",
    publisher: "International Trade Centre (ITC)",
    edition: "Trade Map exports downloaded by Cheng et al. (2024), repository acheng98/ev-battery-chemistry-supply-chain-vulnerabilities @ 3e9899f; years 2017–2021 (2018–2022 for 2510, 280470)",
    licence: "ITC Trade Map terms of use apply (redistribution beyond this open research tool must be checked with ITC); attribution: ITC Trade Map, based on UN COMTRADE and ITC statistics. Cheng et al. repository: MIT",
    url: "https://www.trademap.org/",
    years: `${ys[0]}–${ys[ys.length - 1]}`,
    loader: "itc",
    order: 20,
    files: written,
  };
  writeFileSync(join(OUT, "dataset.json"), JSON.stringify(dataset, null, 2) + "\n");
  console.log(`data/itc: ${written.length} files, ${nRows} cells (World rows included), ${files.size} importer×product lists, years ${dataset.years}`);
}

main();
