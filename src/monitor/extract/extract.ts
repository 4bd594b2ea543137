import { findHsCodes, uniqueCodes } from "./codes.ts";
import { isBackground, isSpeculative, statusOf } from "./cues.ts";
import { findDates, yearOf, type FoundDate } from "./dates.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { sentences, type Sentence } from "./nlp.ts";
import { plainProducts } from "./products.ts";
import { tariffRate } from "./rates.ts";
import { parties } from "./roles.ts";
import { findTriggers, type Trigger } from "./triggers.ts";
import type { EventType, MonitorEvent } from "./types.ts";

// Words that announce a list of items in the following lines or sentences.
const LIST_INTRO = /(?:following|below|listed|annex|appendix|these) (?:items?|products?|materials?|goods)|items? (?:listed|below)|:\s*$/i;
// Company results and market colour: a measure word here ("invest", "cut output") is not a policy event.
const CORPORATE = /\b(?:earnings|revenue|net (?:profit|income|loss)|quarterly|fiscal (?:year|quarter)|per share|guidance|EBITDA|shareholders?|dividend|share price|stock (?:rose|fell))\b/i;
const NOT_ECONOMIC = /\b(?:military|defen[cs]e|troops|deterrence|mutual security|security treaty|NATO|AUKUS|missile|nuclear umbrella)\b/i;
const ECONOMIC = /\b(?:supply chains?|critical (?:raw )?materials?|minerals?|metals?|competitiveness|economic security|trade|semiconductors?|batter(?:y|ies)|resilien\w+|energy|investment|industr\w+)\b/i;
const EFFECTIVE = /\b(?:from|starting|as of|with effect from|effective(?: from| on| as of)?|take[sn]? effect (?:on|from)|took effect on|came into force on|enters? into force on|in force from|beginning|begins? on|until)\s*$/i;

/** The date a document was issued: a dateline in its first line (which carries no measure). */
function documentDate(text: string, all: FoundDate[]): string | null {
  let offset = 0;
  for (const line of text.split("\n").slice(0, 3)) {
    const d = all.find((x) => x.index >= offset && x.index < offset + line.length);
    if (d && line.length < 200 && findTriggers(line).length === 0) return d.iso;
    offset += line.length + 1;
  }
  const dated = /\b(?:dated|issued on|published on|announced on)\s*$/i;
  const d = all.find((x) => dated.test(text.slice(Math.max(0, x.index - 20), x.index)));
  return d?.iso ?? null;
}

/** Effective date if the sentence states one ("from 1 August 2023"), else the first date in it. */
function statedDate(sentence: string, refYear: number | undefined): string | null {
  const dates = findDates(sentence, refYear);
  const eff = dates.find((d) => EFFECTIVE.test(sentence.slice(Math.max(0, d.index - 30), d.index)));
  return (eff ?? dates[0])?.iso ?? null;
}

function pickTrigger(s: Sentence): Trigger | null {
  const ts = findTriggers(s.text);
  for (const t of ts) {
    if ((t.type === "investment" || t.type === "supply_disruption") && CORPORATE.test(s.text)) continue;
    if ((t.type === "alliance" || t.type === "trade_agreement") && (NOT_ECONOMIC.test(s.text) || !ECONOMIC.test(s.text))) continue;
    return t;
  }
  return null;
}

function productsOf(g: Gazetteer, s: Sentence, codes: string[]): string[] {
  const ids = s.mentions.filter((m) => m.kind === "material").map((m) => m.id);
  // A basket code (811292 carries Ga, Ge, In, Nb, V) names no single material.
  for (const c of codes) {
    const list = g.hsToMaterials.get(c) ?? [];
    if (list.length === 1 && ids.length === 0) ids.push(list[0]);
  }
  return [...new Set(ids)];
}

// Events whose date is the document's date because the sentence stated none.
const undated = new WeakSet<MonitorEvent>();

/** Two sentences about the same measure (a headline and its body) become one event. */
function sameMeasure(a: MonitorEvent, b: MonitorEvent): boolean {
  if (a.type !== b.type || a.actor !== b.actor) return false;
  const distinct = (s: string) => s === "lifted" || s === "threatened";
  if (a.status !== b.status && (distinct(a.status) || distinct(b.status))) return false;
  const overlap = a.products.some((p) => b.products.includes(p));
  return overlap || a.products.length === 0 || b.products.length === 0;
}

function merge(into: MonitorEvent, e: MonitorEvent): void {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  into.products = union(into.products, e.products);
  into.hsCodes = union(into.hsCodes, e.hsCodes);
  const t = union(into.targets, e.targets);
  into.targets = t.length > 1 ? t.filter((x) => x !== "ALL") : t;
  if (undated.has(into) && !undated.has(e) && e.measureDate) {
    into.measureDate = e.measureDate;
    into.status = e.status;
    undated.delete(into);
  }
  into.measureDate ??= e.measureDate;
  into.rate ??= e.rate;
}

/**
 * An extractor bound to a gazetteer: text in, structured trade-measure events out.
 * Sentences that recall an old measure or speculate about one yield nothing.
 *
 * @example
 * const extract = createExtractor(gazetteer);
 * extract("MOFCOM: from 1 August 2023, gallium shall not be exported without permission.")
 * // [{ type: "export_restriction", actor: "CHN", targets: ["ALL"], products: ["gallium"], measureDate: "2023-08-01", … }]
 */
export function createExtractor(g: Gazetteer): (text: string) => MonitorEvent[] {
  return (text: string) => {
    const all = findDates(text);
    const docDate = documentDate(text, all);
    const refYear = docDate ? yearOf(docDate) : all[0] ? yearOf(all[0].iso) : undefined;
    const sents = sentences(g, text);
    const issuer = sents.slice(0, 2).flatMap((s) => s.mentions).find((m) => m.kind === "place")?.id ?? null;
    const events: MonitorEvent[] = [];
    let listOwner: MonitorEvent | null = null;
    for (const s of sents) {
      const t = pickTrigger(s);
      const codes = uniqueCodes(findHsCodes(s.text, !t && listOwner !== null));
      if (!t) {
        // List items under a measure ("(1) Gallium metal (8112.92.10)") add products to it.
        if (listOwner) merge(listOwner, { ...listOwner, products: productsOf(g, s, codes), hsCodes: codes, targets: [] });
        continue;
      }
      listOwner = null;
      if (isBackground(s.text) || isSpeculative(s.text)) continue;
      const ev = eventFrom(g, s, t, codes, issuer, refYear, docDate);
      if (!ev) continue;
      const prev = events.find((e) => sameMeasure(e, ev));
      if (prev) merge(prev, ev);
      else events.push(ev);
      if (LIST_INTRO.test(s.text)) listOwner = prev ?? ev;
    }
    return events;
  };
}

function eventFrom(
  g: Gazetteer,
  s: Sentence,
  t: Trigger,
  codes: string[],
  issuer: string | null,
  refYear: number | undefined,
  docDate: string | null,
): MonitorEvent | null {
  const type: EventType = t.type;
  const { actor, targets } = parties(s.text, s.mentions, type, t.index, issuer);
  if (!actor) return null;
  let products = productsOf(g, s, codes);
  if (products.length === 0) products = plainProducts(s.text, t.index);
  const stated = statedDate(s.text, refYear);
  const ev: MonitorEvent = {
    type,
    actor,
    targets,
    products,
    hsCodes: codes,
    measureDate: stated ?? docDate,
    rate: type === "import_tariff" ? tariffRate(s.text, t.index) : null,
    status: statusOf(s.text, stated, docDate),
    evidence: s.text.trim(),
  };
  if (!stated) undated.add(ev);
  return ev;
}
