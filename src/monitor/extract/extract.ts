import { findHsCodes, uniqueCodes } from "./codes.ts";
import { isBackground, isFutureWording, isSpeculative, statusOf } from "./cues.ts";
import { mainClause, tariffClauses } from "./clauses.ts";
import { findDates, yearOf, type FoundDate } from "./dates.ts";
import { assumedInForce, completeFromFollowUp } from "./followup.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { sentences, type Sentence } from "./nlp.ts";
import { isMaterialMention, modifiedPhrase, plainProducts } from "./products.ts";
import { tariffRate } from "./rates.ts";
import { parties } from "./roles.ts";
import { findTriggers, type Trigger } from "./triggers.ts";
import type { EventType, MonitorEvent } from "../../domain/monitor-event.ts";

// Words that announce a list of items in the following lines or sentences.
const LIST_INTRO = /(?:following|below|listed|annex|appendix|these) (?:items?|products?|materials?|goods)|items? (?:listed|below)|:\s*$/i;
// Company results and market colour: a measure word here ("invest", "cut output") is not a policy event.
const CORPORATE = /\b(?:earnings|revenue|net (?:profit|income|loss)|quarterly|fiscal (?:year|quarter)|per share|guidance|EBITDA|shareholders?|dividend|share price|stock (?:rose|fell))\b/i;
const NOT_ECONOMIC = /\b(?:military|defen[cs]e|troops|deterrence|mutual security|security treaty|NATO|AUKUS|missile|nuclear umbrella)\b/i;
const ECONOMIC = /\b(?:supply chains?|critical (?:raw )?materials?|minerals?|metals?|competitiveness|economic security|trade|semiconductors?|batter(?:y|ies)|resilien\w+|energy|investment|industr\w+)\b/i;
const EFFECTIVE = /\b(?:from|starting|as of|with effect from|effective(?: from| on| as of)?|take[sn]? effect (?:on|from)|took effect on|came into force on|enters? into force on|in force from|beginning|begins? on)\s*$/i;
const END_DATE = /\b(?:until|through|till|to|expir\w*(?: on)?)\s*$/i;

/** The date a document was issued: a dateline in its first line (which carries no measure). */
function documentDate(text: string, all: FoundDate[]): string | null {
  // A labelled date in the header: "[Date of Issue] July 3, 2023", "[Issuing Date] October 9, 2025",
  // "release time:2024/8/16", "Published: Jul 31, 2025 09:36" (official sites and their reposts).
  const label = /^[ \t]*[\[【(]?\s*(?:date of (?:issue|issuance|release|publication|promulgation)|(?:issu(?:ing|ance|e)|release|publication|promulgation) (?:date|time)|published(?: on)?|posted(?: on)?|date)\s*[\]】)]?\s*[:：]?\s*/gim;
  for (const m of text.slice(0, 1500).matchAll(label)) {
    const at = (m.index ?? 0) + m[0].length;
    const d = all.find((x) => x.index === at);
    if (d) return d.iso;
  }
  // A line that opens on a full date and a comma dates the text: "4 July 2024, nine months after …".
  for (const d of all) {
    if (d.iso.length === 10 && (d.index === 0 || text[d.index - 1] === "\n") && /^[,–—-]/.test(text.slice(d.end, d.end + 2).trim()) && d.index < 1500) return d.iso;
  }
  // A dateline opens the text: "Washington, March 28, 2023. The United States and …".
  if (all[0] && all[0].index < 40 && !/\b(?:on|from|since|in)\s*$/i.test(text.slice(0, all[0].index))) return all[0].iso;
  let offset = 0;
  const lines = text.split("\n");
  // "JAKARTA, Dec 21, 2022 -", "Brussels, 13 December 2023": a place and a date open a line.
  let at = 0;
  for (const line of lines.slice(0, 5)) {
    const m = /^[A-Z][A-Za-z .'-]{1,30},\s+/.exec(line);
    const d = m ? all.find((x) => x.index === at + m[0].length) : undefined;
    if (d && d.iso.length === 10) return d.iso;
    at += line.length + 1;
  }
  for (const line of lines.slice(0, 5)) {
    // A bare year ("Increase rate to 25% in 2026") is no dateline: a month at least.
    const d = all.find((x) => x.index >= offset && x.index < offset + line.length);
    if (d && d.iso.length >= 7 && line.length < 200 && findTriggers(line).length === 0) return d.iso;
    offset += line.length + 1;
  }
  const dated = /\b(?:dated|issued on|published on|announced on)\s*$/i;
  const d = all.find((x) => dated.test(text.slice(Math.max(0, x.index - 20), x.index)));
  if (d) return d.iso;
  // MOFCOM/GAC notices close with the issuing bodies and the date on its own line.
  const tail = text.trimEnd();
  const lastLine = tail.slice(tail.lastIndexOf("\n") + 1);
  const sig = all.find((x) => x.index >= tail.length - lastLine.length);
  return sig && sig.iso.length >= 7 && lastLine.length < 60 ? sig.iso : null;
}

/** Effective date if the sentence states one ("from 1 August 2023"), else the first date in it. */
function statedDate(sentence: string, refYear: number | undefined): string | null {
  const dates = findDates(sentence, refYear).filter(
    // A dateline ("KINSHASA, Feb 24 (Reuters) -") dates the report, not the measure.
    (d) =>
      !END_DATE.test(sentence.slice(Math.max(0, d.index - 12), d.index)) &&
      !/^\s*[A-Z][A-Za-z .'-]{1,30},\s*$/.test(sentence.slice(0, d.index)) &&
      // "4 July 2024, nine months after the initiation …": a date opening the sentence is its dateline.
      !(/^\s*$/.test(sentence.slice(0, d.index)) && /^\s*,/.test(sentence.slice(d.end))),
  );
  const before = (d: FoundDate) => sentence.slice(Math.max(0, d.index - 30), d.index);
  const eff = dates.find((d) => EFFECTIVE.test(before(d)) || (d.iso.length === 4 && /\bin\s*$/i.test(before(d))));
  return (eff ?? dates[0])?.iso ?? null;
}

function pickTrigger(s: Sentence): Trigger | null {
  const ts = findTriggers(s.text);
  for (const t of ts) {
    // "… are not subject to 232 or reciprocal tariffs", "exempt from the duties": the scope of a measure, not a new one.
    if (/\b(?:not (?:be )?subject to|exempt(?:ed)? from|excluded from)\s+(?:[\w-]+\s+){0,4}$/i.test(s.text.slice(Math.max(0, t.index - 60), t.index))) continue;
    if ((t.type === "investment" || t.type === "supply_disruption") && CORPORATE.test(s.text)) continue;
    if ((t.type === "alliance" || t.type === "trade_agreement") && (NOT_ECONOMIC.test(s.text) || !ECONOMIC.test(s.text))) continue;
    return t;
  }
  return null;
}

function productsOf(g: Gazetteer, s: Sentence, codes: string[]): string[] {
  const ids = s.mentions.filter((m) => m.kind === "material" && isMaterialMention(s.text, m.index, m.end, m.text)).map((m) => m.id);
  // A basket code (811292 carries Ga, Ge, In, Nb, V) names no single material.
  for (const c of codes) {
    const list = g.hsToMaterials.get(c) ?? [];
    if (list.length === 1 && ids.length === 0) ids.push(list[0]);
  }
  return [...new Set(ids)];
}

/** The government that issues the text: the first one named in its opening, not after "to/on/against". */
function issuerOf(sents: Sentence[]): string | null {
  for (const s of sents.slice(0, 3)) {
    let skipped = false;
    for (const m of s.mentions) {
      if (m.kind !== "place") continue;
      // "from Brazil, Kazakhstan, and Malaysia": the rest of a skipped list is skipped too.
      if (skipped && /(?:,|\band)\s*$/i.test(s.text.slice(Math.max(0, m.index - 6), m.index))) continue;
      skipped = true;
      // "From the People's Republic of China" (the name may be matched from "China").
      const pre = s.text.slice(Math.max(0, m.index - 40), m.index).replace(/(?:(?:people['’]s\s+)?republic\s+of\s+)$/i, "");
      if (/\b(?:to|on|against|for|from|targeting|with)\s+(?:the\s+)?$/i.test(pre)) continue;
      skipped = false;
      return m.id;
    }
  }
  return null;
}

// Events whose date is the document's date because the sentence stated none.
const undated = new WeakSet<MonitorEvent>();

/** Two sentences about the same measure (a headline and its body) become one event. */
function sameMeasure(a: MonitorEvent, b: MonitorEvent): boolean {
  if (a.type !== b.type || a.actor !== b.actor) return false;
  const distinct = (s: string) => s === "lifted" || s === "threatened";
  if (a.status !== b.status && (distinct(a.status) || distinct(b.status))) return false;
  // Two rates are two measures ("25% on X and 10% on Y").
  if (a.rate !== null && b.rate !== null && Math.abs(a.rate - b.rate) > 1e-9) return false;
  const specific = (e: MonitorEvent) => e.targets.filter((t) => t !== "ALL");
  const ta = specific(a);
  const tb = specific(b);
  if (ta.length && tb.length && !ta.some((t) => tb.includes(t)) && !fromTitle.has(a) && !fromTitle.has(b)) return false;
  // Two stated effective dates are two measures (a schedule of increases).
  if (!undated.has(a) && !undated.has(b) && a.measureDate && b.measureDate && !a.measureDate.startsWith(b.measureDate) && !b.measureDate.startsWith(a.measureDate)) return false;
  // Plain product words ("items", "the above goods") are loose: they never keep two mentions apart.
  if (plainOnly.has(a) || plainOnly.has(b)) return true;
  const overlap = a.products.some((p) => b.products.includes(p));
  return overlap || a.products.length === 0 || b.products.length === 0;
}

// Tariff measures whose list rows became events of their own.
const scheduleOwners = new WeakSet<MonitorEvent>();

/** One row of a tariff schedule as an event: the owner's parties, the row's products, rate and date. */
function scheduleRow(g: Gazetteer, s: Sentence, owner: MonitorEvent, rate: number, codes: string[], refYear: number | undefined, docDate: string | null): MonitorEvent {
  let products = productsOf(g, s, codes);
  if (products.length === 0) {
    const head = /^\W*([A-Za-z][A-Za-z -]{2,60}?)\s*(?:[|:;(–—]|\s-\s)/.exec(s.text)?.[1]?.trim().toLowerCase();
    if (head && head.split(" ").length <= 5) products = [head];
  }
  const date = statedDate(s.text, refYear);
  return {
    ...owner,
    products,
    hsCodes: codes,
    rate,
    measureDate: date ?? owner.measureDate,
    status: date ? statusOf(s.text, date, docDate) : owner.status,
    evidence: s.text.trim(),
  };
}

// Events whose products are plain words, not catalogue materials.
const plainOnly = new WeakSet<MonitorEvent>();
// Events read from a text's first line (a title or headline): the body states roles more exactly.
const fromTitle = new WeakSet<MonitorEvent>();

function merge(into: MonitorEvent, e: MonitorEvent): void {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  // Catalogue materials win over plain words read from the other mention.
  if (plainOnly.has(into) && !plainOnly.has(e) && e.products.length) {
    into.products = [...e.products];
    plainOnly.delete(into);
  } else if (!plainOnly.has(e) || !into.products.length) into.products = union(into.products, e.products);
  into.hsCodes = union(into.hsCodes, e.hsCodes);
  if (fromTitle.has(into) && !fromTitle.has(e) && e.targets.length) {
    // A headline's roles are loose ("hits back at US tariffs with export controls"): the body decides.
    into.targets = [...e.targets];
    if (!undated.has(e) || undated.has(into)) into.status = e.status;
    fromTitle.delete(into);
  } else {
    const t = union(into.targets, e.targets);
    into.targets = t.length > 1 ? t.filter((x) => x !== "ALL") : t;
  }
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
export function createExtractor(g: Gazetteer, opts: { now?: Date } = {}): (text: string) => MonitorEvent[] {
  return (text: string) => {
    const all = findDates(text);
    const docDate = documentDate(text, all);
    const nowYear = docDate ? yearOf(docDate) : (opts.now ?? new Date()).getUTCFullYear();
    // Without a dated line, a notice's number carries its year: "Announcement No. 18 of 2025".
    const numberYear = /\bNo\.\s*\d+\s*(?:of\s+|\[)((?:19|20)\d\d)\b/i.exec(text)?.[1];
    const refYear = docDate ? yearOf(docDate) : all[0] ? yearOf(all[0].iso) : numberYear ? Number(numberYear) : undefined;
    const sents = sentences(g, text);
    const issuer = issuerOf(sents);
    const events: MonitorEvent[] = [];
    let listOwner: MonitorEvent | null = null;
    let last: MonitorEvent | null = null;
    let introDate: string | null = null;
    for (const whole of sents) {
      const s = clip(whole, mainClause(whole.text));
      // A quotation reports what someone said; the measure is in the reporting sentences.
      if (/^\s*["“]/.test(s.text)) continue;
      let t = pickTrigger(s);
      // "The tariffs will take effect on …" completes the measures already read; it is not a new one.
      if (t && last && PLURAL_EFFECT.test(s.text) && events.some((e) => e.type === t?.type)) {
        followUpAll(g, s, events, last, refYear, docDate);
        continue;
      }
      // "… will eliminate tariffs on 99.9% of exports" inside an agreement is its content, not a tariff.
      if (t?.type === "import_tariff" && last?.type === "trade_agreement" && /\b(?:eliminat|abolish|remov|reduc|cut)\w*\s+(?:\w+\s+)?(?:tariffs?|duties)/i.test(s.text)) t = null;
      if (!t || isBackground(s.text) || isSpeculative(s.text) || isOldNews(s.text, nowYear) || isDatedBackground(s.text, refYear, docDate)) {
        // "On 22 February 2025, the Board took the following measures:" dates the measures listed after it.
        if (!t && /:\s*$/.test(s.text)) introDate = findDates(s.text, refYear).filter((d) => d.iso.length === 10).pop()?.iso ?? introDate;
        const codes = uniqueCodes(findHsCodes(s.text, listOwner !== null));
        // List items under a measure ("(1) Gallium metal (8112.92.10)") add products to it.
        const itemRate = !t && listOwner?.type === "import_tariff" && s.text.length < 240 ? tariffRate(s.text, 0) : null;
        if (listOwner && itemRate !== null) {
          // A schedule under a tariff measure ("Natural graphite | Increase rate to 25% in 2026 |"):
          // each row with its own rate is its own measure; an intro that named nothing gives way to them.
          const row = scheduleRow(g, s, listOwner, itemRate, codes, refYear, docDate);
          const at = events.indexOf(listOwner);
          if (at >= 0 && listOwner.rate === null && (plainOnly.has(listOwner) || listOwner.products.length === 0 || scheduleOwners.has(listOwner))) {
            events.splice(at, 1);
            scheduleOwners.add(listOwner);
          }
          const prev = events.find((e) => sameMeasure(e, row));
          if (prev) merge(prev, row);
          else events.push(row);
          continue;
        }
        if (!t && listOwner) {
          // An item that names a material the measure already covers adds no others: "Samarium-cobalt
          // alloy", "Indium gallium arsenide" are forms of the listed element, not more materials.
          const owner: MonitorEvent = listOwner;
          const partners = alloyPartners(s, owner.products);
          const items = productsOf(g, s, codes).filter((p) => !partners.has(p));
          merge(listOwner, { ...listOwner, products: items, hsCodes: codes, targets: [], measureDate: null });
          completeFromFollowUp(g, s, listOwner, undated, refYear, docDate);
        } else if (!t && last) {
          completeFromFollowUp(g, s, last, undated, refYear, docDate);
          followUpAll(g, s, events, last, refYear, docDate);
        } else last = null;
        continue;
      }
      listOwner = null;
      const listIntro = LIST_INTRO.test(s.text);
      for (const clause of t.type === "import_tariff" ? tariffClauses(s.text) : [s.text]) {
        const c = clause === s.text ? s : clip(s, clause, s.text.indexOf(clause));
        const ct = clause === s.text ? t : (pickTrigger(c) ?? { ...t, index: 0 });
        const codes = uniqueCodes(findHsCodes(c.text, true));
        const ev = eventFrom(g, c, ct, codes, last?.type === ct.type ? last.actor : issuer, refYear, docDate);
        if (!ev) continue;
        if (introDate && undated.has(ev)) {
          ev.measureDate = introDate;
          undated.delete(ev);
        }
        // A clause of a split tariff sentence takes the sentence's effective date ("… and 10% on X from Feb. 10").
        if (c !== s && undated.has(ev)) {
          const whole = statedDate(s.text, refYear);
          if (whole) {
            ev.measureDate = whole;
            ev.status = statusOf(c.text, whole, docDate);
            undated.delete(ev);
          }
        }
        if (whole.block === sents[0].block && sents.indexOf(whole) === 0) fromTitle.add(ev);
        inheritTargets(ev, events);
        const prev = events.find((e) => sameMeasure(e, ev));
        if (prev) merge(prev, ev);
        else events.push(ev);
        last = prev ?? ev;
        if (listIntro) listOwner = last;
      }
    }
    for (const e of events) e.products = mostSpecific(g, e.products);
    return withoutFraming(events);
  };
}

/**
 * Materials that only qualify another in a compound or alloy name ("Samarium-cobalt alloy", "Indium
 * gallium arsenide", "samarium-cobalt permanent magnet"): names joined by a hyphen or a space. In such
 * a run the names the measure already covers stay (else the first); the others are returned.
 */
function alloyPartners(s: Sentence, covered: readonly string[]): Set<string> {
  const ms = s.mentions.filter((m) => m.kind === "material").sort((a, b) => a.index - b.index);
  const out = new Set<string>();
  let run: typeof ms = [];
  const flush = () => {
    if (run.length > 1) {
      const keep = run.some((m) => covered.includes(m.id)) ? run.filter((m) => covered.includes(m.id)) : [run[0]];
      for (const m of run) if (!keep.includes(m)) out.add(m.id);
    }
    run = [];
  };
  for (const m of ms) {
    const prev = run[run.length - 1];
    if (prev && !/^[\s-]{1,3}$/.test(s.text.slice(prev.end, m.index))) flush();
    run.push(m);
  }
  flush();
  return out;
}

/**
 * "It was decided to strengthen the export control of related dual-use items against the United States …
 * 1. Prohibit …": a control that names only plain words, by the same actor on the same targets as a ban
 * in the same text, frames that ban; it is not a second measure.
 */
function withoutFraming(events: MonitorEvent[]): MonitorEvent[] {
  const key = (e: MonitorEvent) => `${e.actor}|${[...e.targets].sort().join("+")}`;
  return events.filter(
    (e) =>
      !(e.type === "export_restriction" && plainOnly.has(e) && events.some((b) => b.type === "export_ban" && (b.status === "lifted") === (e.status === "lifted") && key(b) === key(e))),
  );
}

/** A group gives way to a list of its members named beside it: "rare earths … samarium, gadolinium, terbium" → the elements. */
function mostSpecific(g: Gazetteer, products: string[]): string[] {
  const parents = g.parents;
  if (!parents || products.length < 2) return products;
  // Counted per group: one or two members beside the group ("rare earths, notably dysprosium") leave it.
  const members = new Map<string, number>();
  for (const p of products) {
    const seen = new Set<string>();
    for (let a = parents.get(p); a && !seen.has(a); a = parents.get(a)) {
      seen.add(a);
      members.set(a, (members.get(a) ?? 0) + 1);
    }
  }
  return products.filter((p) => (members.get(p) ?? 0) < 3);
}

// "The tariffs will take effect on …" (plural) dates every measure of the kind just reported.
const PLURAL_EFFECT = /^\s*(?:the|these|all|both)\s+(?:[\w-]+\s+)?(?:tariffs|duties|measures|controls|restrictions|bans|sanctions)\b[^.]*\b(?:take effect|come into (?:force|effect)|enter into force|apply|be effective|effective)\b/i;

/**
 * A follow-up sentence that speaks of several measures or states codes for the products of one:
 * "The tariffs will take effect on February 4, 2025" dates every undated tariff of the text;
 * "Unwrought gallium is classified under HS subheading 8112.92" adds the code to the gallium measure.
 */
function followUpAll(g: Gazetteer, s: Sentence, events: MonitorEvent[], last: MonitorEvent, refYear: number | undefined, docDate: string | null): void {
  if (PLURAL_EFFECT.test(s.text)) {
    const d = findDates(s.text, refYear)[0];
    if (d) {
      for (const e of events) {
        if (e.type !== last.type || !undated.has(e)) continue;
        e.measureDate = d.iso;
        e.status = statusOf(s.text, d.iso, docDate);
        undated.delete(e);
      }
    }
  }
  const codes = uniqueCodes(findHsCodes(s.text));
  if (codes.length === 0) return;
  const named = s.mentions.filter((m) => m.kind === "material").map((m) => m.id);
  const owner = events.find((e) => e.products.some((p) => named.includes(p)));
  if (owner) owner.hsCodes = [...new Set([...owner.hsCodes, ...codes])];
}

/** "In 2010 China halted …": a sentence that opens on a year two or more years before the text's own. */
function isOldNews(sentence: string, nowYear: number): boolean {
  const m = /^\s*(?:in|by|during|back in)\s+((?:19|20)\d\d)\b/i.exec(sentence);
  return m !== null && Number(m[1]) <= nowYear - 2;
}

/**
 * "In Proclamation 9704 of March 8, 2018, I … imposed a 10 percent tariff" in a 2025 text: every date
 * the sentence states lies half a year or more before the document's date and nothing is future.
 */
function isDatedBackground(sentence: string, refYear: number | undefined, docDate: string | null): boolean {
  if (!docDate) return false;
  const dates = findDates(sentence, refYear);
  if (dates.length === 0 || /\b(?:will|shall|from|effective|starting|as of)\b/i.test(sentence)) return false;
  const limit = new Date(`${docDate.length === 4 ? `${docDate}-01-01` : docDate}T00:00:00Z`);
  limit.setUTCMonth(limit.getUTCMonth() - 6);
  const cut = limit.toISOString().slice(0, 10);
  return dates.every((d) => d.iso < cut);
}

/** A sentence cut to part of its text (a clause), keeping the mentions inside it. */
function clip(s: Sentence, text: string, from = 0): Sentence {
  if (text === s.text) return s;
  const end = from + text.length;
  const mentions = s.mentions.filter((m) => m.index >= from && m.end <= end).map((m) => ({ ...m, index: m.index - from, end: m.end - from }));
  return { ...s, text, mentions };
}

/** "The tariff rate on graphite will increase…" continues the fact sheet's measure against China. */
function inheritTargets(ev: MonitorEvent, events: MonitorEvent[]): void {
  if (ev.targets.length !== 1 || ev.targets[0] !== "ALL") return;
  // Export bans and controls are one family: "… suspend the clause on exports to the US. … lifts a de facto ban on gallium".
  const family = (t: string) => (t.startsWith("export_") ? "export" : t);
  const earlier = events.find((e) => family(e.type) === family(ev.type) && e.actor === ev.actor && !e.targets.includes("ALL"));
  if (earlier) ev.targets = [...earlier.targets];
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
  // "… is not permitted; the export of graphite items is subject to stricter review": a semicolon
  // ends the statement, so products come from the trigger's own clause.
  const semi = s.text.lastIndexOf("; ", t.index);
  const semiEnd = s.text.indexOf("; ", t.index);
  const own = semi >= 0 || semiEnd >= 0 ? clip(s, s.text.slice(semi + 1 || 0, semiEnd >= 0 ? semiEnd : undefined), semi + 1 || 0) : s;
  let products = productsOf(g, own, codes);
  const plain = products.length === 0;
  if (plain) {
    // "semiconductor manufacturing equipment": the material name modifies the product.
    const phrases = s.mentions.filter((m) => m.kind === "material").map((m) => modifiedPhrase(s.text, m.index, m.end)).filter((p): p is string => p !== null);
    products = phrases.length ? [...new Set(phrases)] : plainProducts(s.text, t.index);
  } else {
    // "tariffs on steel and aluminum": keep the plain names listed alongside a catalogue material.
    const listed = plainProducts(s.text, t.index);
    const names = s.mentions.filter((m) => m.kind === "material").map((m) => m.text.toLowerCase());
    if (listed.some((p) => names.some((n) => p.includes(n)))) {
      for (const p of listed) if (!names.some((n) => p.includes(n) || n.includes(p)) && p.split(" ").length <= 2) products.push(p);
    }
  }
  const stated = statedDate(s.text, refYear);
  const ev: MonitorEvent = {
    type,
    actor,
    targets,
    products,
    hsCodes: codes,
    measureDate: stated ?? docDate,
    rate: type === "import_tariff" ? tariffRate(s.text, t.index) : null,
    status: type === "supply_disruption" && !/\b(?:will|could|threat)/i.test(s.text) ? "in_force" : statusOf(s.text, stated, docDate),
    evidence: s.text.trim(),
  };
  if (!stated) undated.add(ev);
  // A dated notice that states no effective date and no future wording is in force from its date
  // ("Items … shall not be exported without permission"); a later "shall come into effect on …" may still move it.
  if (!stated && docDate && ev.status === "announced" && !isFutureWording(s.text)) {
    ev.status = "in_force";
    assumedInForce.add(ev);
  }
  // "has decided to impose …" is in force unless a later sentence states a future effective date.
  if (!stated && ev.status === "in_force" && /\bha(?:s|ve) (?:decided|determined)\b/i.test(s.text)) assumedInForce.add(ev);
  if (plain) plainOnly.add(ev);
  return ev;
}
