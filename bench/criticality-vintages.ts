/**
 * Comparison (not a test): which WGI vintage reproduces the EU 2023 criticality study best.
 * For each vintage (single data years 2017–2022 and multi-year means) it prints how many of the
 * study's published SR values the method reproduces within ±0.1 (after rounding to one decimal, as
 * the study publishes), the mean absolute error, and how the resulting list (critical by thresholds
 * plus strategic) differs from the 34 materials of the CRM Act's Annex II. The baseline row is the
 * default vintage (`DEFAULT_WGI_YEARS`), computed in the same run.
 * Builds an in-memory store from the shipped data/countries, data/eu-crm-2023 and data/wgi only.
 * Run: npx tsx bench/criticality-vintages.ts
 */
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { Store } from "../src/store/store.ts";
import { buildStarter } from "../src/ingest/starter/build.ts";
import { assess, DEFAULT_WGI_YEARS } from "../src/analytics/criticality/assess.ts";
import { round1 } from "../src/analytics/criticality/thresholds.ts";
import { ANNEX_II } from "../src/analytics/criticality/annex-ii.ts";

const DATA = fileURLToPath(new URL("../data/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "crit-bench-"));
for (const d of ["countries", "eu-crm-2023", "wgi"]) symlinkSync(join(DATA, d), join(dir, d));
const store = await Store.open(":memory:");
await buildStarter(store, undefined, dir);

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const vintages: number[][] = [
  ...range(2017, 2022).map((y) => [y]),
  range(2016, 2020), range(2017, 2021), range(2018, 2022), range(2019, 2021), range(2020, 2022), range(2017, 2019),
];

const label = (ys: number[]) => (ys.length === 1 ? String(ys[0]) : `${ys[0]}–${ys.at(-1)} mean`);
console.log("WGI vintage       SR ±0.1   MAE    list vs Annex II (34)            ms");
for (const ys of [DEFAULT_WGI_YEARS, ...vintages]) {
  const t0 = performance.now();
  const a = await assess(store, { bloc: "EU27", wgiYears: ys });
  const ms = performance.now() - t0;
  const scored = a.materials.filter((m) => m.published?.sr != null && m.sr !== null);
  const within = scored.filter((m) => Math.abs(round1(m.sr!) - m.published!.sr!) <= 0.1 + 1e-9).length;
  const mae = scored.reduce((s, m) => s + Math.abs(m.sr! - m.published!.sr!), 0) / scored.length;
  const list = a.materials.filter((m) => m.critical || m.strategic).map((m) => m.material);
  const extra = list.filter((m) => !ANNEX_II.includes(m));
  const missing = ANNEX_II.filter((m) => !list.includes(m));
  const diff = extra.length || missing.length ? `${extra.map((m) => "+" + m).join(" ")} ${missing.map((m) => "−" + m).join(" ")}`.trim() : "equal";
  const name = (ys === DEFAULT_WGI_YEARS ? "baseline " : "") + label(ys);
  console.log(`${name.padEnd(17)} ${`${within}/${scored.length}`.padStart(6)}  ${mae.toFixed(3)}  ${diff.padEnd(31)} ${ms.toFixed(0).padStart(4)}`);
}
store.close();
