import { findHsCodes, uniqueCodes } from "./codes.ts";
import { findDates } from "./dates.ts";
import type { Gazetteer } from "./gazetteer.ts";
import type { Sentence } from "./nlp.ts";
import { tariffRate } from "./rates.ts";
import type { MonitorEvent } from "./types.ts";

// "This announcement shall be implemented from 1 August 2023", "The measures take effect on …".
const EFFECT = /\b(?:implemented|take[sn]? effect|took effect|come into (?:force|effect)|comes into (?:force|effect)|enter(?:s|ed)? into force|effective|appl(?:y|ies)|in force|must|required|shall)\b/i;
const FROM_PUBLICATION = /\b(?:from|on|as of) the date of (?:promulgation|publication|issuance|announcement)|effective immediately|with immediate effect/i;
// A sentence that goes on about the measure just reported: "The agreement covers …", "These items …".
const ANAPHOR = /^\s*(?:the|these|this|such)\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|measures?|controls?|curbs?|ban|restrictions?|tariffs?|duties|surtax\w*|package|move|decision|rules?|announcement|items?|list|sanctions?|order|regulation|partnership|alliance)\b/i;

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
      undated.delete(last);
      used = true;
    }
    if (/\bimmediate(?:ly)?\b/i.test(s.text) && last.status === "announced") last.status = "in_force";
  }
  if (ANAPHOR.test(s.text) || used) {
    const materials = s.mentions.filter((m) => m.kind === "material").map((m) => m.id);
    const codes = uniqueCodes(findHsCodes(s.text));
    last.products = [...new Set([...last.products, ...materials])];
    last.hsCodes = [...new Set([...last.hsCodes, ...codes])];
    if (last.type === "import_tariff" && last.rate === null) last.rate = tariffRate(s.text, 0);
    used = true;
  }
  return used;
}
