/**
 * Critical Raw Materials Act 2030 benchmarks for strategic raw materials
 * (Regulation (EU) 2024/1252, Art. 5(1)): shares of EU annual consumption, and the single-country cap.
 */
export const CRMA_BENCHMARKS = {
  extraction: 0.1,
  processing: 0.4,
  recycling: 0.25,
  maxSingleThirdCountry: 0.65,
  source: { dataset: "Regulation (EU) 2024/1252 (Critical Raw Materials Act), Art. 5(1)", edition: "2024", year: 2024 },
} as const;

export interface BenchmarkStatus {
  benchmark: "extraction" | "processing" | "recycling" | "maxSingleThirdCountry";
  target: number;
  current: number | null;
  gap: number | null;
  met: boolean | null;
  basis: string;
}

/**
 * Status against one benchmark: gap = target − current for floors, current − cap for the cap
 * (positive = short of the benchmark); null when the data do not give the current value.
 *
 * @example benchmarkStatus("extraction", 0.03, "EU share of world extraction") // gap 0.07, met false
 */
export function benchmarkStatus(benchmark: BenchmarkStatus["benchmark"], current: number | null, basis: string): BenchmarkStatus {
  const target = CRMA_BENCHMARKS[benchmark];
  if (current === null) return { benchmark, target, current, gap: null, met: null, basis };
  const gap = benchmark === "maxSingleThirdCountry" ? current - target : target - current;
  return { benchmark, target, current, gap: Math.max(0, gap), met: gap <= 0, basis };
}
