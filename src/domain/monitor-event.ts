/** Kinds of trade measure or supply event the extractor reports (issue 6 vocabulary). */
export const EVENT_TYPES = [
  "export_restriction",
  "export_ban",
  "import_tariff",
  "sanction",
  "trade_agreement",
  "investment",
  "supply_disruption",
  "alliance",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_STATUSES = ["announced", "in_force", "threatened", "lifted"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * One structured event read from a text.
 * `actor`/`targets` are ISO3 codes, `EU` for the Union, `ALL` (targets only) when no country is named.
 */
export interface MonitorEvent {
  type: EventType;
  actor: string | null;
  targets: string[];
  products: string[];
  hsCodes: string[];
  measureDate: string | null;
  rate: number | null;
  status: EventStatus;
  evidence: string;
}

/** A document to extract from: an id and its text. */
export interface MonitorDoc {
  id: string;
  text: string;
}
