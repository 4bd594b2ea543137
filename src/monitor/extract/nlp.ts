import winkNLP, { type ItemEntity, type ItemSentence, type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Gazetteer } from "./gazetteer.ts";

/** A gazetteer name found in a sentence: what it stands for and where (character offsets). */
export interface Mention {
  kind: "place" | "material";
  id: string;
  text: string;
  index: number;
  end: number;
}

/** A sentence with its offset in the document and the gazetteer names it contains. */
export interface Sentence {
  text: string;
  block: number;
  mentions: Mention[];
}

const cache = new WeakMap<Gazetteer, WinkMethods>();

/** A wink-nlp instance that knows the gazetteer's names as custom entities (built once per gazetteer). */
function nlpFor(g: Gazetteer): WinkMethods {
  let nlp = cache.get(g);
  if (nlp) return nlp;
  nlp = winkNLP(model, ["sbd", "cer"]);
  const ok = (s: string) => !/[[\]|()^]/.test(s) && s.trim().length > 1;
  nlp.learnCustomEntities(
    [
      { name: "place", patterns: [...g.places.keys()].filter(ok) },
      { name: "material", patterns: [...g.materials.keys()].filter(ok) },
    ],
    { matchValue: false, usePOS: false, useEntity: false },
  );
  cache.set(g, nlp);
  return nlp;
}

/** Where a gazetteer name originally written in capitals (US, EU) must stay in capitals. */
function caseOk(g: Gazetteer, text: string): boolean {
  for (const name of g.caseSensitive) if (name.toLowerCase() === text.toLowerCase()) return name === text;
  return true;
}

// A line break ends a sentence unless the line runs on into a lowercase word (hard-wrapped prose):
// titles, datelines and list items ("(1) Gallium metal …") stand alone in notices.
const BLOCK_BREAK = /\n\s*\n|\n(?=\s*(?:[A-Z0-9(\[•*·-]|[a-z][).]\s))|(?<=[.:;!?])\s*\n/;

/**
 * Split a text into sentences (wink-nlp) and find the gazetteer's countries, bodies and materials
 * in each (wink-nlp custom entities).
 *
 * @example
 * const [s] = sentences(gazetteer, "MOFCOM restricts gallium exports.");
 * s.mentions.map((m) => m.id) // ["CHN", "gallium"]
 */
export function sentences(g: Gazetteer, text: string): Sentence[] {
  const nlp = nlpFor(g);
  const its = nlp.its;
  const out: Sentence[] = [];
  text.split(BLOCK_BREAK).forEach((block, b) => {
    if (!block.trim()) return;
    const doc = nlp.readDoc(block.replace(/\s*\n\s*/g, " "));
    doc.sentences().each((s: ItemSentence) => {
      const st = s.out();
      const mentions: Mention[] = [];
      let cursor = 0;
      s.customEntities().each((e: ItemEntity) => {
        const t = e.out();
        const kind = e.out(its.type) as "place" | "material";
        const at = st.indexOf(t, cursor);
        if (at < 0 || !caseOk(g, t)) return;
        cursor = at + t.length;
        const id = (kind === "place" ? g.places : g.materials).get(t.toLowerCase());
        if (id) mentions.push({ kind, id, text: t, index: at, end: at + t.length });
      });
      out.push({ text: st, block: b, mentions });
    });
  });
  return out;
}
