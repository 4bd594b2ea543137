import type { TariffTimeline, TimelineEvent } from "../tariffs/timeline.ts";

/** Short names of the shipped US measures (data/us-tariffs/measures.json ids) for chart marks and lists. */
const NAMES: Record<string, string> = {
  s232_steel_alu: "Section 232 steel and aluminium",
  s232_metals_2026: "Section 232 metals annexes (2026)",
  s232_autos: "Section 232 autos and parts",
  ieepa_japan_deal: "US–Japan agreement (15 % all-in)",
  eu_framework_notice: "US–EU framework (15 % all-in)",
  s232_copper: "Section 232 copper",
  s232_mhd_trucks: "Section 232 trucks and buses",
  s232_timber: "Section 232 timber and furniture",
  s232_semis: "Section 232 semiconductors",
  s232_pharma: "Section 232 pharmaceuticals",
  ieepa_recip_apr2025: "IEEPA reciprocal tariff (April 2025)",
  ieepa_recip_aug2025: "IEEPA reciprocal rates (August 2025)",
  scotus_2026: "Supreme Court rules IEEPA duties unlawful",
  s122_surcharge: "Section 122 surcharge 10 %",
  s301_forced_labor_2026: "Section 301 duties",
};

/**
 * A measure's short name; an unknown id falls back to its authority and id.
 * @example measureName("s232_autos") // "Section 232 autos and parts"
 */
export function measureName(id: string, authority?: string): string {
  return NAMES[id] ?? (authority ? `${authority} (${id})` : id);
}

/**
 * One event in words: "Section 232 autos and parts starts; IEEPA reciprocal tariff (April 2025) changes".
 * @example eventText({ date: "2025-04-03", changes: [{ measure: "s232_autos", authority: "Section 232", kind: "starts" }] }) // "Section 232 autos and parts starts"
 */
export function eventText(e: TimelineEvent): string {
  return e.changes.map((c) => (c.kind === "context" ? measureName(c.measure, c.authority) : `${measureName(c.measure, c.authority)} ${c.kind}`)).join("; ");
}

/**
 * The numbered measure dates of a timeline, as drawn on its chart and listed under it.
 * @example timelineMarkList(t)[0] // { n: 1, date: "2025-03-12", text: "Section 232 steel and aluminium starts" }
 */
export function timelineMarkList(t: Pick<TariffTimeline, "events">): { n: number; date: string; text: string }[] {
  return (t.events ?? []).map((e, i) => ({ n: i + 1, date: e.date, text: eventText(e) }));
}
