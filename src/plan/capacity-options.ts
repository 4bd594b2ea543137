import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ChokepointError } from "../domain/error.ts";
import { DATA_DIR } from "../store/manifest.ts";
import { crf } from "./defaults.ts";

const OptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  material: z.string(),
  stage: z.string(),
  country: z.string().length(3),
  kind: z.enum(["recovery", "expansion", "new"]),
  capacityTpa: z.number().positive(),
  rampUp: z.array(z.object({ year: z.number().int(), tpa: z.number().min(0) })).min(1),
  capex: z.object({ amount: z.number().positive(), currency: z.string(), priceYear: z.number().int(), scope: z.string() }),
  opex: z.object({ usdPerTonne: z.number().positive().nullable(), note: z.string() }),
  sources: z.array(z.object({ title: z.string(), url: z.string() })).min(1),
});
export type CapacityOption = z.infer<typeof OptionSchema>;

/** A named option made ready for the LP: capacity reachable within the horizon, annualised capex, opex. */
export interface PricedOption {
  id: string;
  name: string;
  country: string;
  kind: CapacityOption["kind"];
  capacityByHorizon: number;
  horizonYear: number;
  capexUsd: number;
  capexUsdPerTpaYear: number;
  opexUsdPerTonne: number;
  opexBasis: "source" | "assumption";
  capexScope: string;
  sources: CapacityOption["sources"];
}

let cache: { options: CapacityOption[]; usdPerEur: Map<number, number> } | undefined;

function load(): NonNullable<typeof cache> {
  if (cache) return cache;
  const path = join(DATA_DIR, "policy", "capacity-options.json");
  const r = z.object({ options: z.array(OptionSchema) }).passthrough().safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!r.success) throw new ChokepointError("invalid_input", `${path}: ${r.error.issues[0].path.join(".")}: ${r.error.issues[0].message}`);
  // ECB annual averages (USD per EUR), the same file the store's fx_rates is built from.
  const usdPerEur = new Map<number, number>();
  for (const line of readFileSync(join(DATA_DIR, "fx", "ecb_annual_averages.csv"), "utf8").split("\n").slice(1)) {
    const [y, base, quote, rate] = line.split(",");
    if (base === "EUR" && quote === "USD") usdPerEur.set(Number(y), Number(rate));
  }
  cache = { options: r.data.options, usdPerEur };
  return cache;
}

/** USD of an amount in EUR or USD: the ECB annual average of its year, else the latest year before it. */
function toUsd(amount: number, currency: string, year: number, usdPerEur: Map<number, number>): { usd: number; rate: number; rateYear: number } {
  if (currency === "USD") return { usd: amount, rate: 1, rateYear: year };
  if (currency !== "EUR") throw new ChokepointError("invalid_input", `capacity option capex in ${currency}: only EUR and USD are converted`);
  const years = [...usdPerEur.keys()].filter((y) => y <= year).sort((a, b) => b - a);
  if (!years.length) throw new ChokepointError("no_data", `no ECB EUR/USD rate for ${year} or earlier`);
  const rate = usdPerEur.get(years[0])!;
  return { usd: amount * rate, rate, rateYear: years[0] };
}

/**
 * Named options for a material and stage whose country the plan may invest in, priced for the LP:
 * capacity reached by `horizonYear` (the ramp-up's last step at or before it), capex converted to USD
 * and annualised (8 %, 15 years, as the generic expansion), opex from the source or the default price.
 * @example optionsFor("gallium", "processing", 2030, 176826)[0].capacityByHorizon // 50
 */
export function optionsFor(material: string, stage: string, horizonYear: number, defaultUnitCost: number): PricedOption[] {
  const { options, usdPerEur } = load();
  return options
    .filter((o) => o.material === material && o.stage === stage)
    .map((o) => {
      const reached = o.rampUp.filter((r) => r.year <= horizonYear).sort((a, b) => b.year - a.year)[0]?.tpa ?? 0;
      const capacity = Math.min(o.capacityTpa, reached);
      const { usd, rate, rateYear } = toUsd(o.capex.amount, o.capex.currency, o.capex.priceYear, usdPerEur);
      return {
        id: o.id,
        name: o.name,
        country: o.country,
        kind: o.kind,
        capacityByHorizon: capacity,
        horizonYear,
        capexUsd: usd,
        capexUsdPerTpaYear: (usd / o.capacityTpa) * crf(0.08, 15),
        opexUsdPerTonne: o.opex.usdPerTonne ?? defaultUnitCost,
        opexBasis: o.opex.usdPerTonne === null ? ("assumption" as const) : ("source" as const),
        capexScope: `${o.capex.scope}; ${o.capex.currency} ${o.capex.amount.toLocaleString("en")} at ${rate} USD/${o.capex.currency} (ECB ${rateYear} average)`,
        sources: o.sources,
      };
    })
    .filter((o) => o.capacityByHorizon > 0);
}
