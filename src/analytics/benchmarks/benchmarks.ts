import type { Store } from "../../store/store.ts";
import { studyMaterials, studyShareRows } from "../../store/queries/criticality.ts";
import { listCountries } from "../../store/queries/countries.ts";
import { benchmarkStatus, CRMA_BENCHMARKS, type BenchmarkStatus } from "./crma.ts";
import { JAPAN_SPECIFIED_CRITICAL_PRODUCTS, JOGMEC_STOCKPILE } from "./japan.ts";

export interface StrategicStatus {
  material: string;
  name: string;
  benchmarks: BenchmarkStatus[];
  coverage: string[];
}

/**
 * Each strategic raw material against the CRM Act 2030 benchmarks, from the EU 2023 study's shares:
 * the EU's share of world extraction/processing stands in for "share of EU consumption" (flagged),
 * recycling from the end-of-life recycling input rate, the cap from the largest third-country share
 * of EU sourcing at any stage.
 *
 * @example (await crmaBenchmarks(store)).materials.find((m) => m.material === "gallium")
 */
export async function crmaBenchmarks(store: Store) {
  const eu = new Set((await listCountries(store)).filter((c) => c.eu27).map((c) => c.iso3));
  const shares = await studyShareRows(store);
  const out: StrategicStatus[] = [];
  for (const m of (await studyMaterials(store)).filter((x) => x.srm_2024 && !x.grp)) {
    const coverage = ["extraction/processing: EU share of world supply in the study, as a proxy for share of EU consumption"];
    const euShare = (name: string | null, stage: string) => {
      const rows = shares.filter((s) => s.scope === "global" && s.material_name === name && s.stage === stage);
      return rows.length ? rows.filter((s) => eu.has(s.iso3)).reduce((a, s) => a + s.share, 0) : null;
    };
    const third = shares.filter((s) => s.scope === "eu" && (s.material_name === m.eu_name_extraction || s.material_name === m.eu_name_processing) && !eu.has(s.iso3));
    const top = third.sort((a, b) => b.share - a.share)[0];
    out.push({
      material: m.id,
      name: m.name,
      benchmarks: [
        benchmarkStatus("extraction", m.basis_extraction ? euShare(m.global_name, "extraction") : null, "EU share of world extraction (study)"),
        benchmarkStatus("processing", m.basis_processing ? euShare(m.global_name, "processing") : null, "EU share of world processing (study)"),
        benchmarkStatus("recycling", m.eol_rir, "end-of-life recycling input rate (study)"),
        benchmarkStatus("maxSingleThirdCountry", top?.share ?? null, top ? `largest third-country share of EU sourcing: ${top.iso3} (${top.stage})` : "no EU sourcing table"),
      ],
      coverage,
    });
  }
  return {
    benchmarks: CRMA_BENCHMARKS,
    japan: { specifiedCriticalProducts: JAPAN_SPECIFIED_CRITICAL_PRODUCTS, stockpile: JOGMEC_STOCKPILE },
    sources: [CRMA_BENCHMARKS.source, { dataset: "Study on the Critical Raw Materials for the EU 2023", edition: "2023", year: 2023 }],
    materials: out,
  };
}
