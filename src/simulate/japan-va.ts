import type { SourceRef } from "../domain/vocabulary.ts";
import type { NationalVaTable } from "../store/queries/national-va.ts";

/** One end use as the EU 2023 study gives it: its share of the material and its NACE Rev.2 sector ("C26 - …"). */
export interface EndUseShare {
  application: string;
  share: number;
  nace: string;
}

/** Japan's annual value added behind a material, in the EU calculation's terms (before SI). */
export interface JapanValueAdded {
  /** Σ end-use share × value added of the ISIC group holding the end use's NACE division, million EUR a year */
  annualMeur: number;
  /** the same in million US$, as published */
  annualMusd: number;
  /** year of the value added (OECD IOT) and of the euro rate used to convert it */
  vaYear: number;
  fxYear: number;
  usdPerEur: number;
  /** each end use: its NACE division, the OECD group used and whether that group merges several divisions */
  groups: { application: string; nace: string; share: number; industry: string; merged: boolean; musd: number }[];
  sources: SourceRef[];
  /** merged groups (upper bound), NACE codes without a group, the VA and rate years */
  warnings: string[];
}

/**
 * Japan's value added behind a material (docs/simulator.md, "Value added at risk"): for each end use of
 * the EU 2023 study, its share × the value added of the OECD IOT industry that contains its NACE Rev.2
 * division (NACE Rev.2 and ISIC Rev.4 coincide at 2 digits), summed, converted from US$ at the ECB rate.
 * A merged group (D10T12, D31T33 …) is used whole — an upper bound — and named in a warning; so are the
 * years of the value added and of the rate. Null when no table or no rate is loaded, or no end use maps.
 *
 * @example
 * japanValueAdded([{ application: "ICs", share: 0.7, nace: "C26 - …" }], table) // { annualMeur: 0.7 × 77 636 × EUR/USD, … }
 */
export function japanValueAdded(endUses: readonly EndUseShare[], table: NationalVaTable | null): JapanValueAdded | null {
  if (!table || table.eurPerUsd === null || table.fxYear === null) return null;
  const groups: JapanValueAdded["groups"] = [];
  const unmapped: string[] = [];
  for (const e of endUses) {
    const division = naceDivision(e.nace);
    const row = division === null ? undefined : table.rows.find((r) => r.isicFrom <= division && division <= r.isicTo);
    if (!row) {
      unmapped.push(`${e.application} (${e.nace})`);
      continue;
    }
    groups.push({ application: e.application, nace: e.nace.split(" ")[0], share: e.share, industry: row.industry, merged: row.isicTo > row.isicFrom, musd: row.musd });
  }
  if (!groups.length) return null;
  const annualMusd = groups.reduce((a, g) => a + g.share * g.musd, 0);
  const usdPerEur = 1 / table.eurPerUsd;
  const warnings = [
    `Japan's value added is the OECD national input-output table of ${table.year} (million US$), converted at the ECB ${table.fxYear} rate (${usdPerEur.toFixed(4)} US$ per euro)${table.fxYear === table.year ? "" : `: value added of ${table.year} at the rate of ${table.fxYear}${table.fxYear === table.requestedYear ? ", the scenario's year" : `, the shipped year nearest the scenario's ${table.requestedYear}`}`}`,
  ];
  const merged = [...new Set(groups.filter((g) => g.merged).map((g) => g.industry))];
  for (const ind of merged) {
    const row = table.rows.find((r) => r.industry === ind)!;
    const codes = [...new Set(groups.filter((g) => g.industry === ind).map((g) => g.nace))].join(", ");
    warnings.push(`Japan's value added for ${codes} is the whole OECD group ${ind} (${row.description}, ISIC ${pad(row.isicFrom)}–${pad(row.isicTo)}): an upper bound`);
  }
  if (unmapped.length) warnings.push(`Japan's value added leaves out end uses whose NACE code has no OECD industry: ${unmapped.join("; ")}`);
  return {
    annualMeur: annualMusd * table.eurPerUsd,
    annualMusd,
    vaYear: table.year,
    fxYear: table.fxYear,
    usdPerEur: Math.round(usdPerEur * 1e6) / 1e6,
    groups,
    sources: [table.source, ...(table.fxSource ? [table.fxSource] : [])],
    warnings,
  };
}

/** The NACE Rev.2 division (2 digits) of a study label such as "C26 - Manufacture of …", or null. */
export function naceDivision(nace: string): number | null {
  const m = /^\s*[A-U]?\s*(\d{2})\b/.exec(nace);
  return m ? Number(m[1]) : null;
}

const pad = (n: number) => String(n).padStart(2, "0");
