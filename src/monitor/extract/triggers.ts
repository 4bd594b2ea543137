import type { EventType } from "../../domain/monitor-event.ts";

/** A measure word found in a sentence: what kind of event it signals and where. */
export interface Trigger {
  type: EventType;
  index: number;
  text: string;
}

// Patterns per event type, most specific first. They describe how notices and news word a
// measure, not particular texts: "shall not be exported without permission" is a licence regime
// (restriction), "shall not be exported" alone or "ban" is a ban.
const RULES: { type: EventType; re: RegExp }[] = [
  { type: "export_restriction", re: /\bwithout (?:an? )?(?:export )?(?:licen[cs]e|permission|permit|approval|authori[sz]ation),? (?:the )?exports? (?:is|are|shall be) (?:prohibited|banned|not permitted)|\b(?:prohibited|not permitted|banned) without (?:an? )?(?:export )?(?:licen[cs]e|permission|permit|approval|authori[sz]ation)|\b(?:shall|may|will|must) not (?:be )?export(?:ed)? (?:[^.;]{1,60}? )?without (?:permission|a licen[cs]e|approval|authori[sz]ation)|\bexport (?:licen[cs]e|licen[cs]ing|permit|permission)s? (?:requirement|regime|system)s?|\brequir\w* (?:an? )?(?:export )?licen[cs]es? (?:to|for) (?:export|ship)|\bexports? (?:of [^.;]{1,80}? )?(?:will |shall |must |would )?(?:now )?requir\w* (?:an? |prior )?(?:export )?(?:licen[cs]e|permit|approval)|\bexport licen[cs]es?\b|\bexport licen[cs]ing\b|\blicen[cs]ing (?:requirements? )?(?:for|on) (?:the )?exports?\b|\bexport regulations?\b|\b(?:stricter|strict|stringent|enhanced|tighter) (?:end-user (?:and end-use )?|end-use |licen[cs]ing |export )?(?:reviews?|examinations?|scrutiny|checks)\b|\bobtain (?:an? )?(?:export )?(?:licen[cs]e|permit|approval)\b[^.;]{0,60}?\bbefore export/i },
  { type: "export_ban", re: /\b(?:shall|will|may) not be exported\b|\bexport(?:s|ation)? (?:ban|embargo|prohibition)s?\b|\bban(?:s|ned|ning)? (?:the |all |on )?(?:exports?|exportation|shipments?|sales?)\b|\bban(?:s|ned|ning)? \w+(?: \w+)? exports?\b|\bprohibit(?:s|ed|ing)? (?:the )?(?:exports?|exportation)\b|\b(?:halt|suspend|stop)(?:s|ed|ped|ing)? (?:all |its )?(?:[\w-]+ ){0,2}(?:exports|shipments)\b|\bexports? of (?:[^.;]|\.(?=\S)){1,160}? (?:shall|will|would) not be (?:permitted|allowed|approved)\b|\bbanned from export|\bexports? (?:of (?:[^.;]|\.(?=\S)){1,160}? )?(?:is|are|will be|shall be|was|were|has been|have been) (?:(?:temporarily|strictly|hereby) )?(?:banned|prohibited|forbidden|suspended|not (?:permitted|allowed))\b|(?<!\b(?:lift|end|terminat|remov|revok|withdraw)\w*\s+(?:its\s+|the\s+|their\s+|this\s+)?(?:temporary\s+)?)\bsuspension\b[^.;]{0,200}?\b(?:of|to) (?:all )?(?:[\w-]+ ){0,2}exports\b|\bstop(?:s|ped)? (?:all )?exports\b|\blift(?:s|ed|ing)?\s+(?:a|the|its)\s+(?:de facto\s+|temporary\s+)?(?:export\s+)?(?:ban|embargo)\b(?!\s+on\s+(?:[\w-]+\s+){0,3}imports)/i },
  { type: "export_restriction", re: /\bexport controls?\b|\bexport restrictions?\b|\brestrict(?:s|ed|ing)? (?:the )?(?:exports?|shipments|sales abroad)\b|\bexport quotas?\b|\bexport curbs?\b|\bcurb(?:s|ed|ing)? (?:\w+ )?exports?\b|\bcontrols? on (?:the )?exports?\b|\bexport (?:duty|duties|tax|taxes|levy)\b|\bcontrol list\b|\bexport control\w*/i },
  { type: "sanction", re: /\bsanction(?:s|ed|ing)?\b|\b(?:entity|unreliable entity) list\b|\basset freezes?\b|\bblacklist(?:s|ed)?\b|\bSDN list\b|\bpackage of (?:restrictive )?measures\b|\brestrictive measures\b/i },
  { type: "import_tariff", re: /\btariffs?\b|\bimport (?:dut(?:y|ies)|levy|levies|tax|taxes|surcharge)\b|\bsurtax(?:es)?\b|\b(?:customs|anti-dumping|antidumping|countervailing|safeguard|retaliatory) (?:dut(?:y|ies)|measures?)\b|\bdut(?:y|ies) (?:on|of) (?:imports?|\d)|\b(?:Section \d{3}|additional|ad valorem|punitive) dut(?:y|ies)\b|\b(?:AD|CVD) orders?\b|\bcountervailable subsidies\b|\bat less than fair value\b/i },
  { type: "alliance", re: /\b(?:alliance|partnership|coalition|club|compact)\b/i },
  { type: "trade_agreement", re: /\b(?:free )?trade (?:agreement|deal|pact)\b|\b(?:economic|strategic) partnership agreement\b|\b(?:critical )?minerals? (?:agreement|deal|pact)\b|\bsigned (?:an? |the )?(?:[\w-]+ ){0,3}(?:agreement|deal|memorandum|MoU|accord|framework)\b|\bmemorandum of (?:understanding|cooperation)\b|\b(?:agreement|deal|accord) (?:on|to secure|covering|with)\b|\bconclud\w+ (?:the |an? )?(?:negotiations|agreement|deal)\b|\bMoU\b/i },
  { type: "investment", re: /\binvest(?:s|ed|ing|ment)?\b|\b(?:acquire|acquired|acquisition of|buy|bought|takes?) (?:an? )?(?:\d+(?:\.\d+)? ?(?:%|percent|per cent) )?stake\b|\bjoint venture\b|\b(?:equity|offtake) (?:financing|investment|agreement)\b|\bfinanc(?:e|es|ed|ing) (?:for )?(?:the |a |an )?(?:\w+ )?(?:project|mine|refinery|plant|smelter)/i },
  { type: "supply_disruption", re: /\b(?:halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|shut(?:s|ting)?(?: down)?|stop(?:s|ped)?|cut(?:s|ting)?|curtail(?:s|ed|ing)?) (?:\w+ ){0,2}(?:production|output|operations|mining|smelting|refining|processing)\b|\b(?:production|output|operations|mining)\b[^.;]{0,40}?\b(?:was|were|has been|have been|is|are) (?:halted|suspended|disrupted|stopped|shut)\b|\bforce majeure\b|\b(?:flood(?:s|ing)?|explosion|fire|landslide|strike|blockade|outage|power cuts?|border closure|border (?:crossings? )?closed|closed the border)\b|\bdisrupt(?:s|ed|ing|ion|ions)\b/i },
];

/**
 * The measure words in a sentence, in order of appearance. A sentence can carry several
 * (a sanction that is also a ban); the extractor picks the first that is not background.
 *
 * @example
 * findTriggers("Gallium shall not be exported without permission.")[0].type // "export_restriction"
 */
export function findTriggers(sentence: string): Trigger[] {
  const out: Trigger[] = [];
  for (const { type, re } of RULES) {
    const m = re.exec(sentence);
    if (!m) continue;
    if (out.some((t) => m.index < t.index + t.text.length && m.index + m[0].length > t.index)) continue;
    out.push({ type, index: m.index, text: m[0] });
  }
  return out.sort((a, b) => a.index - b.index);
}
