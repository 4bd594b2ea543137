import { findHsCodes, uniqueCodes } from "./codes.ts";
import { findDates } from "./dates.ts";
import type { Gazetteer } from "./gazetteer.ts";
import type { Sentence } from "./nlp.ts";
import { statusOf } from "./cues.ts";
import { isMaterialMention } from "./products.ts";
import { tariffRate } from "./rates.ts";
import type { MonitorEvent } from "../../domain/monitor-event.ts";

// "The duty for other non-cooperating companies is 37.6%": the rate that applies to the country.
const RESIDUAL = /\b(?:all )?other (?:non-cooperating )?(?:companies|exporters|producers|manufacturers)\b/i;

/** Events put in force only because their dated notice stated no effective date (see extract.ts). */
export const assumedInForce = new WeakSet<MonitorEvent>();

// "This announcement shall be implemented from 1 August 2023", "The measures take effect on …".
const EFFECT = /\b(?:implemented|take[sn]? effect|took effect|come into (?:force|effect)|comes into (?:force|effect)|enter(?:s|ed)? into force|effective|appl(?:y|ies)|in force|must|required|shall)\b/i;
const FROM_PUBLICATION = /\b(?:from|on|as of) the date of (?:its )?(?:promulgation|publication|issuance|announcement|signature|release)|\bupon (?:its )?(?:release|publication|promulgation|issuance|signature)|effective immediately|with immediate effect|\b(?:comes?|came) into (?:effect|force) (?:on )?(?:today|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;
// A sentence that goes on about the measure just reported: "The agreement covers …", "These items …".
const ANAPHOR = /^\s*(?:the|these|this|such)\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|measures?|controls?|curbs?|ban|restrictions?|tariffs?|duty|duties|surtax\w*|package|move|decision|rules?|announcement|items?|list|sanctions?|order|regulation|partnership|alliance)\b/i;

/**
 * Let a sentence without a measure word complete the event before it: an effective date, a rate,
 * more products or codes. Returns true when the sentence was used.
 *
 * @example
 * // "… shall not be exported without permission." then "This announcement shall be implemented from 1 August 2023."
 */
export function completeFromFollowUp(
  g: Gazetteer,
  s: Sentence,
  last: MonitorEvent,
  undated: WeakSet<MonitorEvent>,
  refYear: number | undefined,
  docDate: string | null,
): boolean {
  let used = false;
  if (EFFECT.test(s.text)) {
    const d = findDates(s.text, refYear).filter((x) => !/\b(?:until|through|till|expir\w*)\s*$/i.test(s.text.slice(Math.max(0, x.index - 12), x.index)))[0];
    const iso = d?.iso ?? (FROM_PUBLICATION.test(s.text) ? docDate : null);
    if (iso && undated.has(last)) {
      last.measureDate = iso;
      // "implemented from the date of promulgation": in force from the notice's own date.
      if (!d && docDate && iso <= docDate && last.status === "announced") last.status = "in_force";
      // "This announcement shall come into effect on August 1, 2023": the stated date decides.
      if (d && assumedInForce.has(last)) last.status = statusOf(s.text, iso, docDate);
      assumedInForce.delete(last);
      undated.delete(last);
      used = true;
    }
    if ((/\bimmediate(?:ly)?\b/i.test(s.text) || (!d && FROM_PUBLICATION.test(s.text))) && last.status === "announced") last.status = "in_force";
  }
  if (ANAPHOR.test(s.text) || used) {
    const materials = s.mentions.filter((m) => m.kind === "material" && isMaterialMention(s.text, m.index, m.end, m.text)).map((m) => m.id);
    const codes = uniqueCodes(findHsCodes(s.text));
    last.products = [...new Set([...last.products, ...materials])];
    last.hsCodes = [...new Set([...last.hsCodes, ...codes])];
    if (last.type === "import_tariff" && (last.rate === null || RESIDUAL.test(s.text))) last.rate = tariffRate(s.text, 0) ?? last.rate;
    used = true;
  }
  return used;
}
