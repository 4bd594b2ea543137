import type { EventStatus } from "../../domain/monitor-event.ts";

// How texts mark a measure as not new, not real, threatened or over. Each regex is a family of
// wordings, not a copy of one text.
const BACKGROUND = /\b(?:(?<!\bthe )previously|earlier (?:this|last) (?:year|month|decade)|in the past|had (?:already )?\w+ed\b|follow(?:s|ed)? (?:its|their|an? |the |earlier|last)|years? ago|back in|first (?:imposed|introduced|used)|reminiscent of|echo(?:es|ing)?|as it did (?:in|with)|recalled|since (?:19|20)\d\d|precedent|history of|a repeat of|once again|last time|(?:customs |trade |official )?(?:data|figures|statistics) (?:showed|show|shows|released)|the first (?:full )?month (?:after|since)|received (?:an? |the )?(?:[\w-]+ ){0,4}(?:\([A-Z]+\) )?petitions?|petitions? (?:concerning|for the imposition)|(?:^|[:;]\s*)initiation of (?:[\w-]+ ){0,4}(?:investigations?|reviews?)|(?:has |have )?initiated (?:an? |the )?(?:[\w-]+ ){0,4}(?:investigations?|reviews?)|sunset review|request for (?:public )?comments)\b/i;
// Legal recitals: "In Proclamation 9705 of March 8, 2018, I …", "Considering Decision n° 001/…", "Whereas …".
const BACKGROUND_LEAD = /^\s*(?:\d{1,2}\.\s+)?(?:after|following|since|like|as with|unlike|in response to|amid|months after|weeks after|two years after|a year after|considering|whereas|having regard to|in (?:proclamation|executive order|decision|regulation) (?:no\.? ?)?\d+)\b/i;
const SPECULATION = /\b(?:(?<!\b(?:that|which) )could|(?<!\b(?:that|which) )might|considering|consider|contemplat\w+|mull(?:s|ed|ing)?|weigh(?:s|ed|ing)?|possib(?:le|ly|ility)|potential(?:ly)?|fears?(?:ed)?|worr(?:y|ies|ied)|speculat\w*|rumou?r\w*|likely|unlikely|risk of|may (?!\d)|if\b|whether\b(?!\s+[\w-]+,\s+(?:[\w-]+,?\s+){0,4}or\s+[\w-]+)|scenario|hypothetical)\b/i;
// "threaten to impair the national security", "a threat of economic injury" are findings, not threats of a measure.
const THREAT = /\b(?:threat(?:en|ens|ened|ening)?(?!\s+(?:to\s+(?:impair|the\s+national|national|harm)|of\s+(?:economic\s+|material\s+)?(?:injury|harm)))|warn(?:s|ed|ing)? (?:that )?(?:it|they|he|she|beijing|washington|tokyo|brussels)? ?(?:would|will|could|may)|vow(?:s|ed)? to|pledg(?:es|ed) to retaliate|ultimatum)\b/i;
const LIFTED = /\b(?:(?:is|are|was|were|has been|have been|will be) (?:suspended|lifted|removed(?! from)|revoked|rescinded|repealed|waived)|lift(?:s|ed|ing)?|remov(?:e|es|ed|ing) (?:the |its |all |these )?(?:[\w-]+ )?(?:ban|restrictions?|tariffs?|duties|controls?|sanctions?|curbs?|embargo)|revok(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|repeal(?:s|ed|ing)?|scrap(?:s|ped|ping)?\s+(?:the|its|a|an|all|their|these)\b|end(?:s|ed|ing)? (?:the|its|a) (?:ban|restriction|embargo|tariff|controls?|sanctions?)|suspend(?:s|ed|ing)? (?:the|its|a) (?:ban|restrictions?|embargo|tariffs?|export controls?|controls?|sanctions?|implementation)|suspend(?:s|ed|ing)? (?:the|its) (?:[\w-]+ ){0,2}(?:clause|provision|announcement|measure|decision)s?|eas(?:e|es|ed|ing) (?:the |its )?(?:ban|restrictions?|controls?|curbs?|sanctions?)|resum(?:e|es|ed|ing|ption of) (?:exports|shipments|sales)|no longer (?:apply|be required)|exempt(?:s|ed|ion)?|waiv(?:e|es|ed|er))\b/i;
const IN_FORCE = /\b(?:(?:is|are) (?:hereby )?(?:not permitted|prohibited|forbidden|banned|suspended)|ha(?:s|ve) (?:determined|decided)|invoked|tightened|took effect|takes effect|taking effect|came into (?:force|effect)|comes into (?:force|effect)|entered into (?:force|effect)|enters into (?:force|effect)|(?:is|are|remains?|now) in (?:force|effect)|went into effect|goes into effect|effective (?:immediately|today|from today)|has (?:imposed|banned|restricted|halted|suspended|begun|started|introduced|placed|added)|have (?:imposed|banned|restricted|halted|suspended|begun|started|introduced|placed|added)|(?:is|are) (?:issuing|publishing)|ha(?:s|ve) issued|(?:preliminarily )?determines that|(?:imposed|banned|halted|suspended|introduced|added|began|started|slapped|levied|placed|restricted|blocked|stopped|cut|enforced|signed|launched|established|adopted|concluded|formed|agreed|prohibited|implemented|implementing|forced)\b)/i;
const ANNOUNCE_FUTURE = /\b(?:will|shall|to take effect|to be implemented|from|starting|as of|with effect from|effective|plans? to|planned|intends? to|proposed?|set to|is to|are to)\b/i;

const SUSPENDED_EXPORTS = /^\W*(?:\d+\.\s*)?(?:[\w-]+\s+){0,3}exports?\b[^.;]{0,200}\b(?:is|are|was|were|will be|shall be|has been|have been) (?:temporarily )?suspended\b|\b(?:extend|prolong)\w* (?:the )?(?:temporary )?suspension\b/i;
// Legal "shall" is normative ("shall not be exported without permission"), not future; only
// "shall come into effect / be implemented from / take effect" looks ahead.
const FUTURE = /\b(?:will|would|shall (?:come into|take effect|be implemented|enter into|apply from|be effective|be applied from)|plans? to|intends? to|proposed?|set to|to take effect|to be implemented|(?:announc\w+|plans?|decid\w+|agree[sd]?|moves?|is|are|set) to (?:impose|restrict|ban|introduce|raise|curb|limit|halt|suspend|require|tighten)|^\s*(?:[A-Z][\w.'’-]*\s+){1,3}to\s+(?:impose|restrict|ban|introduce|raise|curb|limit|halt|suspend|require|tighten|lift|end|extend|expand|add|control))\b/i;

/** Wording that puts a measure in the future ("will", "shall come into effect on", "plans to"); normative "shall" does not. */
export function isFutureWording(sentence: string): boolean {
  return FUTURE.test(sentence);
}

/** A recalled earlier measure: "as it did in 2010", "after Beijing restricted…". */
export function isBackground(sentence: string): boolean {
  return BACKGROUND.test(sentence) || BACKGROUND_LEAD.test(sentence);
}

/** Talk of a measure that nobody has taken or threatened: "could restrict", "analysts fear". */
export function isSpeculative(sentence: string): boolean {
  return SPECULATION.test(sentence) && !THREAT.test(sentence);
}

/**
 * The status a sentence gives a measure. `measureDate` and `docDate` (ISO) let a stated
 * effective date decide between announced (future) and in force (past).
 *
 * @example
 * statusOf("The ban was lifted on 9 November.") // "lifted"
 * statusOf("From 1 August 2023 gallium shall not be exported.", "2023-08-01", "2023-07-03") // "announced"
 */
export function statusOf(sentence: string, measureDate?: string | null, docDate?: string | null): EventStatus {
  if (THREAT.test(sentence)) return "threatened";
  // "All exports of cobalt … are suspended" is a ban, not a lifted measure.
  if (LIFTED.test(sentence) && !SUSPENDED_EXPORTS.test(sentence)) return "lifted";
  if (measureDate && docDate && measureDate > docDate) return "announced";
  if (/(?<!\b(?:will|to|be|been|being|shall|would|could|may)\s)\b(?:signed|adopted|concluded)\b/i.test(sentence) && !/\b(?:will|to) sign\b/i.test(sentence)) return "in_force";
  if (/\b(?:took effect|came into force|entered into force|in force|in effect|went into effect|effective immediately|with immediate effect|take effect immediately|takes effect immediately)\b/i.test(sentence)) return "in_force";
  if (measureDate && docDate && measureDate <= docDate && !FUTURE.test(sentence)) return "in_force";
  if (/\b(?:will|shall|plans? to|intends? to|proposed?|set to|to take effect|to be implemented)\b/i.test(sentence)) return "announced";
  if (IN_FORCE.test(sentence)) return "in_force";
  // An operative item in the imperative ("1. Prohibit the export of …") applies as issued.
  if (/^\W*(?:\d{1,2}[.)、]\s*)?(?:prohibit|ban|suspend|impose|implement|restrict)\b/i.test(sentence)) return "in_force";
  if (ANNOUNCE_FUTURE.test(sentence)) return "announced";
  return "announced";
}
