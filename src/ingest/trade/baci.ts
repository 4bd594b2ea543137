import type { Loader, LoadContext } from "../core/loader.ts";
import { baciFileInfo, baciFiles } from "./baci-files.ts";
import { publishBaciTrade } from "./baci-trade.ts";
import { dropStaged, stageBaciTrade, type StagedYear } from "./baci-stage.ts";
import { ensureBaciSchema } from "../../store/queries/baci-tables.ts";
import { loadBaciCountries, loadBaciProducts } from "./baci-codes.ts";
import { fileBar, type OnProgress } from "./baci-progress.ts";
import { basename, dirname, join } from "node:path";
import { readdirSync, statSync } from "node:fs";

/** A load context that may carry a progress callback (fraction 0–1) for one big file. */
export type BaciLoadContext = LoadContext & { onProgress?: OnProgress };

/**
 * `chokepoint ingest baci FILE|DIR…`: CEPII BACI releases (trade files `BACI_HS22_Y2023_V202501.csv`
 * or `.parquet`, plus `country_codes_…` and `product_codes_…`). Values stay in thousands of USD
 * and quantities in metric tonnes, as CEPII publishes them.
 *
 * @example await ingest(store, "baci", ["BACI_HS22_V202501/country_codes_V202501.csv", "BACI_HS22_V202501/BACI_HS22_Y2023_V202501.csv"]);
 */
export const baciLoader: Loader = {
  id: "baci",
  description: "CEPII BACI world trade at HS6 (BACI_HS22_Y2023_V202501.csv/.parquet, country_codes, product_codes)",
  files: (paths) => baciFiles(paths),
  // A release folder commits whole: a bad year leaves no code list (nor edition) behind.
  atomic: true,
  // A trade file is read and checked into staging tables before its transaction (see Loader.stage);
  // code lists and readmes are small and load inside it.
  async stage(ctx: BaciLoadContext): Promise<StagedYear | undefined> {
    const info = baciFileInfo(ctx.file);
    if (info.kind !== "trade") return undefined;
    await ensureBaciSchema(ctx.store);
    // Big files get their own bar (DuckDB reports how far its reader is).
    const bar = ctx.onProgress ? undefined : statSync(ctx.file).size > 20e6 ? fileBar(basename(ctx.file)) : undefined;
    try {
      return await stageBaciTrade({ store: ctx.store, file: ctx.file, info, onProgress: ctx.onProgress ?? bar?.update });
    } finally {
      bar?.stop();
    }
  },
  async load(ctx: BaciLoadContext): Promise<number> {
    const { store, file, dataset } = ctx;
    const info = baciFileInfo(file);
    await ensureBaciSchema(store);
    await describeDataset(ctx, info.version);
    if (info.kind === "readme") return 0;
    if (info.kind === "countries") return loadBaciCountries(store, file, info);
    if (info.kind === "products") return loadBaciProducts(store, file, info);
    await loadSiblingCodes(ctx, info.version);
    const staged = (ctx.staged as StagedYear | undefined) ?? (await baciLoader.stage!(ctx) as StagedYear);
    return publishBaciTrade(store, file, info, dataset, staged);
  },
  async discard(ctx: LoadContext, staged: unknown): Promise<void> {
    await dropStaged(ctx.store, (staged as StagedYear).year);
  },
};

/**
 * A trade file sitting in its release folder brings that release's code lists along (loaded first,
 * in the same transaction), so codes are mapped and checked whatever order the files are named in.
 */
async function loadSiblingCodes(ctx: LoadContext, version: string | undefined): Promise<void> {
  if (!version) return;
  const dir = dirname(ctx.file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const info = /^(country|product)_codes_/i.test(name) ? baciFileInfo(name) : undefined;
    if (!info || info.version !== version) continue;
    // Already loaded from this release (the usual case for the second year of a folder): skip.
    const table = info.kind === "countries" ? "baci_countries" : "baci_products";
    const have = await ctx.store.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${table} WHERE release = $1`, [version]);
    if (have && have.n > 0) continue;
    if (info.kind === "countries") await loadBaciCountries(ctx.store, join(dir, name), info);
    else if (info.kind === "products") await loadBaciProducts(ctx.store, join(dir, name), info);
  }
}

async function describeDataset(ctx: LoadContext, version: string | undefined): Promise<void> {
  await ctx.store.run(
    `INSERT INTO datasets (id, title, publisher, edition, licence, url, loader, loaded_at)
     VALUES ($1, 'BACI: world trade flows at the HS6 product level', 'CEPII', $2, 'Etalab Open Licence 2.0',
             'https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37', 'baci', now())
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, publisher = excluded.publisher,
       edition = coalesce(excluded.edition, datasets.edition), licence = excluded.licence, url = excluded.url`,
    [ctx.dataset, version ?? null],
  );
}
