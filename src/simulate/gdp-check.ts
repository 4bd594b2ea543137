import type { SourceRef } from "../domain/vocabulary.ts";
import type { GdpFigure } from "../store/queries/gdp.ts";

/**
 * Above this share of its GDP over the same months, one material's value added at risk for a target
 * is flagged as implausible (docs/simulator.md, "Sanity check against GDP"): even the whole EU's
 * sector value added behind the most-used material, lost entirely, stays below it.
 */
export const GDP_SHARE_THRESHOLD = 0.02;

/** Value added at risk set against the target's GDP (p50, both over the scenario's horizon). */
export interface GdpContext {
  /** GDP year used (the scenario's year or the latest before it), null when no member has one */
  year: number | null;
  /** which year and why, in words */
  yearBasis: string;
  /** whose GDP is summed: the target's EU members (value added at risk covers EU sectors only) */
  members: string[];
  /** members without a GDP figure or without an exchange rate for its year */
  missing: string[];
  /** annual GDP, million EUR (sum over members); null when any member is missing, never 0 */
  gdpMeur: number | null;
  /** USD per EUR used (ECB annual average of the GDP year), when all members share one year */
  usdPerEur: number | null;
  /** p50 value added at risk ÷ GDP over the horizon; null when GDP is unknown */
  vaShare: number | null;
  basis: string;
  threshold: number;
  /** vaShare above the threshold; null when GDP is unknown */
  implausible: boolean | null;
  sources: SourceRef[];
  /** why `missing` have no GDP in euro (no World Bank figure, no ECB rate for its year), or null */
  missingReason: string | null;
  /** the plain-language coverage warning when `implausible`, naming the target, amount, GDP and share */
  warning: string | null;
}

export interface GdpCheckInput {
  /** target key (EU27, ALLIANCE, FIN…) and how to name it and its members in a sentence */
  target: string;
  name: (code: string) => string;
  material: string;
  /** p50 value added at risk, million EUR over the horizon */
  vaP50Meur: number;
  horizonMonths: number;
  scenarioYear: number;
  members: string[];
  figures: ReadonlyMap<string, GdpFigure>;
  /** the GDP and exchange-rate datasets (each gets the GDP year used) */
  sources: SourceRef[];
  threshold?: number;
}

/**
 * The GDP context of one target's value added at risk: members' GDP (latest year ≤ the scenario's)
 * converted to EUR at the ECB rate of the GDP's year and summed, the p50 share of GDP over the same
 * months (annual GDP × horizon / 12), and a warning naming the target, amount, GDP and share when the
 * share passes the threshold. Missing GDP → null and a warning, never 0.
 *
 * @example
 * gdpContext({ target: "FIN", name: (c) => c, material: "cobalt", vaP50Meur: 12000, horizonMonths: 24, scenarioYear: 2023,
 *   members: ["FIN"], figures: new Map([["FIN", { country: "FIN", year: 2023, usd: 300e9, eurPerUsd: 0.9 }]]), sources: [] }).vaShare
 * // 12000 / (270000 × 2) = 0.0222…
 */
export function gdpContext(i: GdpCheckInput): GdpContext {
  const threshold = i.threshold ?? GDP_SHARE_THRESHOLD;
  const have = i.members.map((c) => i.figures.get(c)).filter((f): f is GdpFigure => f !== undefined && f.eurPerUsd !== null);
  const missing = i.members.filter((c) => !have.some((f) => f.country === c));
  const years = [...new Set(have.map((f) => f.year))].sort((a, b) => a - b);
  const year = years.length ? years[years.length - 1] : null;
  const yearBasis = !years.length
    ? `no GDP for ${i.scenarioYear} or earlier`
    : years.length > 1
      ? `mixed years ${years.join(", ")} (each member's latest at or before ${i.scenarioYear})`
      : year === i.scenarioYear ? `same year as the scenario (${year})` : `${year}, the latest before the scenario year ${i.scenarioYear}`;
  const gdpMeur = missing.length || !have.length ? null : have.reduce((a, f) => a + (f.usd * f.eurPerUsd!) / 1e6, 0);
  const vaShare = gdpMeur === null ? null : i.vaP50Meur / ((gdpMeur * i.horizonMonths) / 12);
  const implausible = vaShare === null ? null : vaShare > threshold;
  const warning = implausible
    ? `Implausible: ${i.name(i.target)}'s value added at risk from ${i.material} (p50 ${eur(i.vaP50Meur)} over ${i.horizonMonths} months) is ${pct(vaShare!)} of its GDP over the same months ` +
      `(GDP ${year} ${eur(gdpMeur!)} a year), above the ${pct(threshold)} ceiling for one material: members are apportioned by their share of EU imports, so a re-exporter can carry value added that sits elsewhere`
    : null;
  return {
    year, yearBasis, members: i.members, missing,
    gdpMeur: gdpMeur === null ? null : Math.round(gdpMeur * 10) / 10,
    usdPerEur: years.length === 1 && have.length ? Math.round(1e6 / have[0].eurPerUsd!) / 1e6 : null,
    vaShare: vaShare === null ? null : Number(vaShare.toPrecision(4)),
    basis: `p50 value added at risk over the ${i.horizonMonths}-month horizon ÷ GDP over the same months (annual GDP × ${i.horizonMonths}/12)`,
    threshold, implausible, sources: year === null ? i.sources : i.sources.map((src) => ({ ...src, year })),
    missingReason: missing.length ? missingWhy(missing, i.figures, i.scenarioYear) : null,
    warning,
  };
}

function missingWhy(missing: string[], figures: ReadonlyMap<string, GdpFigure>, year: number): string {
  const noRate = missing.filter((c) => figures.has(c));
  const noGdp = missing.filter((c) => !figures.has(c));
  const parts = [];
  if (noGdp.length) parts.push(`no World Bank GDP for ${year} or earlier`);
  if (noRate.length) parts.push(`no ECB euro rate for ${[...new Set(noRate.map((c) => figures.get(c)!.year))].join(", ")}`);
  return parts.join("; ");
}

/**
 * One coverage line for every target whose GDP is unknown (rather than one per target): the members
 * without GDP in euro, why, and which targets go unchecked; null when none.
 *
 * @example missingGdpWarning({ MLT: ctx }, (c) => c) // "GDP check: no GDP in euro for MLT (…): value added at risk of MLT not compared with GDP"
 */
export function missingGdpWarning(contexts: Record<string, GdpContext | null>, name: (c: string) => string): string | null {
  const unchecked = Object.entries(contexts).filter(([, g]) => g && g.gdpMeur === null);
  if (!unchecked.length) return null;
  const members = [...new Set(unchecked.flatMap(([, g]) => g!.missing))].sort();
  const reasons = [...new Set(unchecked.map(([, g]) => g!.missingReason).filter((r) => r !== null))];
  const who = members.length <= 3 ? members.map(name).join(" and ") : `${members.length} members (${members.join(" ")})`;
  const targets = unchecked.map(([k]) => k);
  const list = targets.length <= 4 ? targets.join(", ") : `${targets.slice(0, 3).join(", ")} and ${targets.length - 3} more`;
  return `GDP check: no GDP in euro for ${who} (${reasons.join("; ")}): value added at risk of ${list} not compared with GDP`;
}

const eur = (meur: number) => (meur >= 1000 ? `€${(meur / 1000).toFixed(1)} bn` : `€${meur.toFixed(1)} m`);
const pct = (x: number) => `${(x * 100).toFixed(x < 0.001 ? 3 : x < 0.1 ? 2 : 1)} %`;

/**
 * A target's value added at risk as a share of its GDP for tables: ⚠ above the ceiling, "?" when GDP is
 * unknown, "–" when there is no value added at risk to compare.
 * @example gdpShareText({ vaShare: 0.026, implausible: true }) // "⚠ 2.60 %"
 */
export function gdpShareText(g: Pick<GdpContext, "vaShare" | "implausible"> | null | undefined): string {
  if (!g) return "–";
  if (g.vaShare === null) return "?";
  return `${g.implausible ? "⚠ " : ""}${g.vaShare < 0.0001 ? "<0.01 %" : `${(g.vaShare * 100).toFixed(2)} %`}`;
}
