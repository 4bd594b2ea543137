// Words that end a product phrase ("tariffs on electric vehicles from China").
const STOP = new Set(
  "will shall would is are was were has have against increase increases rise rises from to by at in into with worth valued made produced imported exported starting effective beginning as that which who under amid after before until following since for over while it this these those designed originating falling currently described listed referred subject coming said such including".split(" "),
);
// Words that are not part of a product name.
const DROP = new Set(
  "the a an all certain some its their his her imports import exports export shipments sales products goods items of key various other new laws law regulations provisions rules related relevant one two three four five six seven eight nine ten several".split(" "),
);

/**
 * Products named in plain words after a measure ("tariffs on electric vehicles and steel"), used
 * when no catalogue material is mentioned. Capitalised adjectives ("Chinese-made") are left out.
 *
 * @example
 * plainProducts("The US raised tariffs on Chinese electric vehicles to 100%.", 14) // ["electric vehicles"]
 */
export function plainProducts(sentence: string, triggerAt: number): string[] {
  const after = sentence.slice(triggerAt);
  // The first "on/of …" that names something: "tariffs of 15% on U.S. coal" skips the rate.
  for (const m of after.matchAll(/\b(?:on|of|covering|targeting)\s+/gi)) {
    const found = phraseAt(after.slice((m.index ?? 0) + m[0].length));
    if (found.length) return found;
  }
  return [];
}

function phraseAt(rest: string): string[] {
  const words = rest.split(/\s+/);
  const phrase: string[] = [];
  for (const [i, raw] of words.entries()) {
    // "(China)", "(HTYP)": a bracketed short form is no product word.
    const w = raw.replace(/[.,;:)(]+$/g, "").replace(/^[(]+/, "");
    if (i === 0 && /^(?:imported|exported)$/i.test(w)) continue;
    if (STOP.has(w.toLowerCase()) || /^[$€¥£\d]/.test(w)) break;
    phrase.push(w);
    if (/[.,;:)]$/.test(raw) && !/,$/.test(raw)) break;
    if (phrase.length >= 8) break;
  }
  const out: string[] = [];
  for (const part of phrase.join(" ").split(/,\s*|\s+and\s+|\s+or\s+/)) {
    // "industrial products": a generic head noun leaves only a modifier, which names nothing.
    const last = part.trim().split(/\s+/).pop()?.toLowerCase() ?? "";
    if (/^(?:products|goods|items|materials|articles|commodities)$/.test(last)) continue;
    const kept = part
      .split(/\s+/)
      .filter((w) => w && !DROP.has(w.toLowerCase()) && !/^[A-Z][a-z]*(?:['’-]\w*)*$/.test(w) && !/["“”]/.test(w) && !/^[A-Z.]{2,}$/.test(w) && !/%/.test(w))
      .join(" ")
      .toLowerCase();
    if (kept.length >= 3 && kept.split(" ").length <= 4) out.push(kept);
  }
  return [...new Set(out)].slice(0, 4);
}

/**
 * The noun phrase a catalogue name modifies, as a plain product: "semiconductor manufacturing
 * equipment", "battery electric vehicles". Null when the name is not a modifier.
 *
 * @example modifiedPhrase("add semiconductor manufacturing equipment to the list", 4, 17) // "semiconductor manufacturing equipment"
 */
export function modifiedPhrase(sentence: string, index: number, end: number): string | null {
  if (!MODIFIED.test(sentence.slice(end))) return null;
  const words = sentence.slice(end).split(/\s+/).filter(Boolean);
  const out = [sentence.slice(index, end)];
  for (const raw of words.slice(0, 3)) {
    // "(China)", "(HTYP)": a bracketed short form is no product word.
    const w = raw.replace(/[.,;:)(]+$/g, "").replace(/^[(]+/, "");
    if (!/^[a-z][a-z-]*$/.test(w) || STOP.has(w) || /^(?:and|or|of|to|on|from|such|as)$/.test(w)) break;
    out.push(w);
    if (w !== raw) break;
  }
  if (out.length < 2 || /^(?:prices?|stocks?|shares|makers?|companies|company|firms?|industry|industries|sector|metals?|minerals?)$/.test(out[1])) return null;
  return out.join(" ").toLowerCase();
}

// Nouns that make a preceding material name a modifier: "semiconductor manufacturing equipment",
// "battery electric vehicles", "lithium prices", "graphite producers" name no shipment of the material.
const MODIFIED = /^[\s-]*(?:manufacturing|equipment|machinery|machines?|tools?|technolog(?:y|ies)|electric|vehicles?|makers?|companies|company|firms?|industry|industries|sector|prices?|stocks?|shares|metals?|minerals?|substrates?|applications?|uses|displays?|production|producers?|plants?|projects?)\b/i;

/**
 * Is a catalogue name in a sentence the material itself? Not when it modifies a following noun
 * ("semiconductor manufacturing equipment") or is part of a company name ("Lynas Rare Earths":
 * capitalised mid-sentence right after another capitalised word).
 *
 * @example isMaterialMention("Tariffs on semiconductor manufacturing equipment.", 11, 24, "semiconductor") // false
 */
export function isMaterialMention(sentence: string, index: number, end: number, text: string): boolean {
  if (MODIFIED.test(sentence.slice(end))) return false;
  // "artificial graphite" / "synthetic graphite" is not natural graphite (the head noun alone maps to it).
  if (/^graphite$/i.test(text) && /\b(?:artificial|synthetic)[\s-]+$/i.test(sentence.slice(Math.max(0, index - 20), index))) return false;
  // "hydrogen fluoride needed to produce semiconductors": what the goods are for is not the goods.
  if (/\b(?:needed|used|required|essential)\s+(?:to\s+(?:produce|make|manufacture|clean|build)|in|for)\s+(?:the\s+)?(?:production\s+of\s+|manufacture\s+of\s+)?$/i.test(sentence.slice(Math.max(0, index - 50), index))) return false;
  const words = sentence.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w));
  const titleCase = words.filter((w) => /^[A-Z]/.test(w)).length > words.length / 2; // headlines capitalise every word
  if (!titleCase && index > 0 && /^[A-Z][a-z]/.test(text) && /\b[A-Z][a-z]+\s+$/.test(sentence.slice(Math.max(0, index - 30), index))) {
    const before = sentence.slice(0, index).trimEnd();
    const prev = /([A-Z][a-z]+)$/.exec(before)?.[1] ?? "";
    // A sentence-initial word or a country/demonym-like word before ("Chinese Gallium") is not a company.
    if (before.length > prev.length && !/^(?:The|A|An|Chinese|Japanese|European|American)$/.test(prev)) return false;
  }
  return true;
}
