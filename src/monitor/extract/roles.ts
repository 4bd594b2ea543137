import type { Mention } from "./nlp.ts";
import type { EventType } from "../../domain/monitor-event.ts";

/** Who does what to whom in one sentence: the acting government and the targeted ones. */
export interface Parties {
  actor: string | null;
  targets: string[];
}

const EXPORT_TYPES = new Set<EventType>(["export_ban", "export_restriction"]);
const PARTY_TYPES = new Set<EventType>(["trade_agreement", "alliance"]);

/** The few words before a mention, lowercased, to read its role from its preposition. */
function before(sentence: string, m: Mention): string {
  // "from the People's Republic of China": the name may be matched from "Republic of China".
  return sentence.slice(Math.max(0, m.index - 40), m.index).toLowerCase().replace(/\bpeople['’]s\s+$/, "");
}

function roleOf(sentence: string, m: Mention, type: EventType, triggerAt: number): "actor" | "target" | "place" | "none" | "skip" {
  const pre = before(sentence, m);
  const post = sentence.slice(m.end, m.end + 12);
  // "the People's Republic of China (China)": the short form in brackets repeats the name before it.
  if (/\(\s*$/.test(pre) && /^\s*\)/.test(post)) return "skip";
  // "from Brazil, Kazakhstan, and Malaysia": a comma right after another country continues its role.
  if (/\p{Lu}[\p{L}.'’-]*\s*,\s*$/u.test(sentence.slice(Math.max(0, m.index - 40), m.index))) return "none";
  if (/\b(?:by|government of)\s+(?:the\s+)?$/.test(pre)) return "actor";
  if (/\b(?:surrounding|regarding|concerning|about|situation in|war in|invasion of|aggression against)\s+(?:the\s+)?$/.test(pre)) return "place";
  if (/\b(?:together with|along with|alongside|with)\s+(?:the\s+)?$/.test(pre)) return "skip";
  if (/\b(?:against|targeting|targets|on|to|towards|for|destined for|into|bound for|including|and)\s+(?:the\s+)?$/i.test(pre)) {
    if (type === "supply_disruption") return "place";
    return /\band\s+(?:the\s+)?$/.test(pre) ? "none" : "target";
  }
  if (/\b(?:from|of)\s+(?:the\s+)?$/i.test(pre)) {
    if (EXPORT_TYPES.has(type)) return "actor";
    if (type === "import_tariff" || type === "sanction") return "target";
    return "place";
  }
  if (/\bin\s+(?:the\s+)?$/.test(pre)) return type === "investment" ? "target" : "place";
  if (/^['’]s\b/.test(post) && m.index < triggerAt) return "actor";
  return m.index < triggerAt ? "actor" : "target";
}

/**
 * Read actor and targets from the place mentions of a sentence. Agreements and alliances list
 * their parties (first = actor). Without a stated actor the document's issuer is used.
 *
 * @example
 * parties("China banned exports of gallium to the United States.", mentions, "export_ban", 6, null)
 * // { actor: "CHN", targets: ["USA"] }
 */
export function parties(
  sentence: string,
  mentions: readonly Mention[],
  type: EventType,
  triggerAt: number,
  issuer: string | null,
): Parties {
  const places = mentions.filter((m) => m.kind === "place");
  if (PARTY_TYPES.has(type)) {
    const ids = [...new Set(places.map((p) => p.id))];
    const actor = ids[0] ?? issuer;
    return { actor, targets: ids.filter((i) => i !== actor) };
  }
  let actor: string | null = null;
  const targets: string[] = [];
  let place: string | null = null;
  let lastRole: string | null = null;
  for (const m of places) {
    let role = roleOf(sentence, m, type, triggerAt);
    // "to Japan and Korea": a bare "and" continues the previous role.
    if (role === "none") role = (lastRole as typeof role) ?? "target";
    lastRole = role;
    if (role === "skip") continue;
    if (role === "actor" && actor === null) actor = m.id;
    // A second government named without a preposition ("added 11 U.S. firms") is on the receiving end.
    else if (role === "actor" && actor !== m.id) targets.push(m.id);
    else if (role === "target") targets.push(m.id);
    else if (role === "place" && place === null) place = m.id;
  }
  if (type === "supply_disruption") actor = place ?? actor;
  else if (type === "investment") {
    if (place && !targets.includes(place)) targets.push(place);
  } else if (actor === null && place !== null) actor = place;
  actor ??= issuer;
  const uniq = [...new Set(targets)].filter((t) => t !== actor);
  const needsAll = type !== "investment";
  return { actor, targets: uniq.length ? uniq : needsAll ? ["ALL"] : [] };
}
