import type { Stage } from "../../domain/vocabulary.ts";
import { blocTonnes } from "../../store/queries/bloc-tonnes.ts";
import { productionByCountry, productionYears } from "../../store/queries/exposure.ts";
import type { Store } from "../../store/store.ts";
import { importReliance, IR_PAIRS, type TonnesImportReliance } from "./import-reliance.ts";

/** BACI's year with tonnes for every flow (2022 has values only). */
export const IR_TRADE_YEAR = 2024;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/**
 * A bloc's import reliance in tonnes for a material and stage listed in `IR_PAIRS`: USGS production
 * of the members (latest year up to the trade year), CEPII BACI extra-bloc imports and exports of
 * the pair's HS6 codes in `IR_TRADE_YEAR`. `null` when no pair exists; `{ value: null, reason }`
 * when the data do not allow it. Coverage says partial codes, members USGS does not list, values
 * without tonnes and the years used.
 *
 * @example (await blocImportReliance(store, "titanium-metal", "processing", ["JPN"]))?.value // 0 (Japan exports sponge)
 */
export async function blocImportReliance(
  store: Store,
  material: string,
  stage: Stage,
  members: readonly string[],
): Promise<TonnesImportReliance | { value: null; reason: string } | null> {
  const pair = IR_PAIRS.find((p) => p.material === material && p.stage === stage);
  if (!pair) return null;
  const year = (await productionYears(store, material, stage)).find((y) => y <= IR_TRADE_YEAR);
  if (year === undefined) return { value: null, reason: `no USGS production for ${material} (${stage}) up to ${IR_TRADE_YEAR}` };
  const rows = await productionByCountry(store, material, stage, year);
  const inBloc = new Set(members);
  const listed = new Set(rows.filter((r) => r.iso3).map((r) => r.iso3 as string));
  const production = rows.filter((r) => r.iso3 && inBloc.has(r.iso3)).reduce((t, r) => t + r.value_t, 0);
  const other = rows.filter((r) => !r.iso3 || r.is_aggregate).reduce((t, r) => t + r.value_t, 0);
  const unlisted = members.filter((m) => !listed.has(m));
  const trade = await blocTonnes(store, pair.hs6, members, IR_TRADE_YEAR);
  if (!trade.rows) return { value: null, reason: `no BACI ${IR_TRADE_YEAR} flows of ${pair.hs6.join("+")} across the bloc's border` };
  const ir = importReliance({ production, productionOther: unlisted.length && other > 0 ? other : null, imports: trade.imports_t, exports: trade.exports_t });
  if (ir.value === null) {
    return { value: null, reason: `apparent consumption not positive (production ${production} t + net imports ${Math.round(ir.netImports)} t)` };
  }
  const warnings: string[] = [];
  let complete = true;
  if (pair.partial) {
    complete = false;
    warnings.push(`import reliance codes partial: ${pair.partial}`);
  }
  if (ir.range) {
    complete = false;
    warnings.push(`USGS lists no ${year} output for ${unlisted.length > 6 ? `${unlisted.length} members` : unlisted.join(", ")}; its "Other countries" row (${Math.round(other)} t) may hold some: import reliance between ${pct(ir.range[0])} and ${pct(ir.range[1])}`);
  }
  const noQty = (trade.imports_kusd_no_qty + trade.exports_kusd_no_qty) / (trade.imports_kusd + trade.imports_kusd_no_qty + trade.exports_kusd + trade.exports_kusd_no_qty || 1);
  if (noQty > 0.01) {
    complete = false;
    warnings.push(`${pct(noQty)} of the BACI trade value has no quantity (left out of the tonnes)`);
  }
  if (year !== IR_TRADE_YEAR) warnings.push(`production ${year}${rows.some((r) => r.is_estimate) ? " (USGS estimates)" : ""} against trade ${IR_TRADE_YEAR}: the latest years of each`);
  return {
    value: ir.value,
    stage,
    codes: [...pair.hs6],
    basis: pair.basis,
    productionYear: year,
    tradeYear: IR_TRADE_YEAR,
    production,
    imports: trade.imports_t,
    exports: trade.exports_t,
    ...(ir.range ? { range: ir.range } : {}),
    sources: [
      { dataset: rows[0]?.title ?? "USGS Mineral Commodity Summaries", edition: rows[0]?.edition ?? "", year },
      { dataset: "CEPII BACI (HS17, V202601)", edition: trade.dataset ?? "", year: IR_TRADE_YEAR },
    ],
    coverage: { complete, warnings },
  };
}
