import type { SourceRef, Stage } from "../../domain/vocabulary.ts";
import type { Coverage } from "../sourcing/select.ts";

/**
 * Where trade tonnage and USGS production measure the same thing, so that import reliance can be
 * computed in tonnes: the material and stage of the EU study, the HS6 codes (all in the BACI
 * extract) and what they hold. Ores traded in gross weight against metal content (cobalt, tungsten,
 * nickel…), basket codes (811292) and refined metal against mine output (PGM) are left out.
 * `partial`: a code of the same product is missing from the BACI extract (coverage then incomplete).
 */
export const IR_PAIRS: readonly { material: string; stage: Stage; hs6: readonly string[]; basis: string; partial?: string }[] = [
  { material: "magnesium", stage: "processing", hs6: ["810411"], basis: "unwrought magnesium ≥ 99.8 % against USGS primary magnesium metal" },
  { material: "silicon-metal", stage: "processing", hs6: ["280469"], basis: "silicon < 99.99 % Si against USGS silicon metal plant production (polysilicon 280461 is made from it)" },
  { material: "titanium-metal", stage: "processing", hs6: ["810820"], basis: "unwrought titanium and powders against USGS titanium sponge" },
  { material: "copper", stage: "processing", hs6: ["740311"], basis: "refined copper cathodes against USGS refined copper", partial: "other unwrought refined copper (740319) is not in the BACI extract" },
  { material: "aluminium", stage: "extraction", hs6: ["260600"], basis: "aluminium ores (bauxite, gross weight) against USGS bauxite mine production" },
  { material: "baryte", stage: "extraction", hs6: ["251110"], basis: "natural barium sulphate against USGS barite (gross weight)" },
  { material: "feldspar", stage: "extraction", hs6: ["252910"], basis: "feldspar against USGS feldspar mine production" },
  { material: "natural-graphite", stage: "extraction", hs6: ["250490"], basis: "natural graphite other than powder or flakes against USGS natural graphite", partial: "graphite in powder or flakes (250410) is not in the BACI extract" },
  { material: "phosphate-rock", stage: "extraction", hs6: ["251010"], basis: "unground phosphate rock against USGS phosphate rock (gross weight)", partial: "ground phosphate rock (251020) is not in the BACI extract" },
];

/** Production, extra-bloc imports and exports of one material in tonnes. */
export interface TonnesBalance {
  /** the bloc's production as USGS lists it by country */
  production: number;
  /** USGS's "Other countries" row, which may hold members USGS does not list (null when none) */
  productionOther: number | null;
  imports: number;
  exports: number;
}

/**
 * Import reliance in tonnes, the EU method's definition: IR = net imports / apparent consumption,
 * apparent consumption = production + imports − exports, IR clamped to 0…1 (a net exporter has 0).
 * Unknown (null) when apparent consumption is not positive. With `productionOther`, `range` gives
 * IR if all of "Other countries" were the bloc's (lower bound) and if none were (upper bound).
 *
 * @example importReliance({ production: 0, productionOther: null, imports: 10, exports: 2 }).value // 1
 * @example importReliance({ production: 60, productionOther: null, imports: 20, exports: 30 }).value // 0
 */
export function importReliance(b: TonnesBalance): { value: number | null; netImports: number; apparentConsumption: number; range?: [number, number] } {
  const netImports = b.imports - b.exports;
  const ir = (p: number) => {
    const ac = p + netImports;
    return ac > 0 ? Math.min(1, Math.max(0, netImports / ac)) : null;
  };
  const apparentConsumption = b.production + netImports;
  const value = ir(b.production);
  const lo = b.productionOther ? ir(b.production + b.productionOther) : null;
  return { value, netImports, apparentConsumption, ...(value !== null && lo !== null && lo !== value ? { range: [lo, value] as [number, number] } : {}) };
}

/** An import reliance computed from tonnes, with everything needed to check it. */
export interface TonnesImportReliance {
  value: number;
  stage: Stage;
  codes: string[];
  basis: string;
  productionYear: number;
  tradeYear: number;
  production: number;
  imports: number;
  exports: number;
  range?: [number, number];
  sources: SourceRef[];
  coverage: Coverage;
}
