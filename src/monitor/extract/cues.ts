import type { EventStatus } from "./types.ts";

// How texts mark a measure as not new, not real, threatened or over. Each regex is a family of
// wordings, not a copy of one text.
const BACKGROUND = /\b(?:previously|earlier (?:this|last) (?:year|month|decade)|in the past|had (?:already )?\w+ed\b|follow(?:s|ed)? (?:its|their|an? |the |earlier|last)|years? ago|back in|first (?:imposed|introduced|used)|reminiscent of|echo(?:es|ing)?|as it did (?:in|with)|recalled|since (?:19|20)\d\d|precedent|history of|a repeat of|once again|last time|(?:customs |trade |official )?(?:data|figures|statistics) (?:showed|show|shows|released)|the first (?:full )?month (?:after|since))\b/i;
const BACKGROUND_LEAD = /^\s*(?:after|following|since|like|as with|unlike|in response to|amid|months after|weeks after|two years after|a year after)\b/i;
const SPECULATION = /\b(?:(?<!\b(?:that|which) )could|(?<!\b(?:that|which) )might|considering|consider|contemplat\w+|mull(?:s|ed|ing)?|weigh(?:s|ed|ing)?|possib(?:le|ly|ility)|potential(?:ly)?|fears?(?:ed)?|worr(?:y|ies|ied)|speculat\w*|rumou?r\w*|likely|unlikely|risk of|may (?!\d)|if\b|whether\b|scenario|hypothetical)\b/i;
const THREAT = /\b(?:threat(?:en|ens|ened|ening)?|warn(?:s|ed|ing)? (?:that )?(?:it|they|he|she|beijing|washington|tokyo|brussels)? ?(?:would|will|could|may)|vow(?:s|ed)? to|pledg(?:es|ed) to retaliate|ultimatum)\b/i;
const LIFTED = /\b(?:(?:is|are|was|were|has been|have been|will be) (?:suspended|lifted|removed(?! from)|revoked|rescinded|repealed|waived)|lift(?:s|ed|ing)?|remov(?:e|es|ed|ing) (?:the |its |all |these )?(?:[\w-]+ )?(?:ban|restrictions?|tariffs?|duties|controls?|sanctions?|curbs?|embargo)|revok(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|repeal(?:s|ed|ing)?|scrap(?:s|ped|ping)?|end(?:s|ed|ing)? (?:the|its|a) (?:ban|restriction|embargo|tariff|controls?|sanctions?)|suspend(?:s|ed|ing)? (?:the|its|a) (?:ban|restrictions?|embargo|tariffs?|export controls?|controls?|sanctions?|implementation)|eas(?:e|es|ed|ing) (?:the |its )?(?:ban|restrictions?|controls?|curbs?|sanctions?)|resum(?:e|es|ed|ing|ption of) (?:exports|shipments|sales)|no longer (?:apply|be required)|exempt(?:s|ed|ion)?|waiv(?:e|es|ed|er))\b/i;
const IN_FORCE = /\b(?:took effect|takes effect|taking effect|came into (?:force|effect)|comes into (?:force|effect)|entered into (?:force|effect)|enters into (?:force|effect)|(?:is|are|remains?|now) in (?:force|effect)|went into effect|goes into effect|effective (?:immediately|today|from today)|has (?:imposed|banned|restricted|halted|suspended|begun|started|introduced|placed|added)|have (?:imposed|banned|restricted|halted|suspended|begun|started|introduced|placed|added)|(?:imposed|banned|halted|suspended|introduced|added|began|started|slapped|levied|placed|restricted|blocked|stopped|cut|enforced|signed|launched|established|adopted|concluded|formed|agreed|prohibited|implemented|forced)\b)/i;
const ANNOUNCE_FUTURE = /\b(?:will|shall|to take effect|to be implemented|from|starting|as of|with effect from|effective|plans? to|planned|intends? to|proposed?|set to|is to|are to)\b/i;

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
  if (LIFTED.test(sentence)) return "lifted";
  if (measureDate && docDate && measureDate > docDate) return "announced";
  if (/(?<!\b(?:will|to|be|been|being|shall|would|could|may)\s)\b(?:signed|adopted|concluded)\b/i.test(sentence) && !/\b(?:will|to) sign\b/i.test(sentence)) return "in_force";
  if (/\b(?:took effect|came into force|entered into force|in force|in effect|went into effect|effective immediately|with immediate effect|take effect immediately|takes effect immediately)\b/i.test(sentence)) return "in_force";
  if (measureDate && docDate && measureDate <= docDate && !/\bwill\b|\bshall\b/i.test(sentence)) return "in_force";
  if (/\b(?:will|shall|plans? to|intends? to|proposed?|set to|to take effect|to be implemented)\b/i.test(sentence)) return "announced";
  if (IN_FORCE.test(sentence)) return "in_force";
  if (ANNOUNCE_FUTURE.test(sentence)) return "announced";
  return "announced";
}
