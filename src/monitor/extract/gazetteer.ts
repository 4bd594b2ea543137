import { GOVERNMENT_BODIES, isCaseSensitive } from "./bodies.ts";

export type { GazetteerRows } from "../../domain/gazetteer-rows.ts";
import type { GazetteerRows } from "../../domain/gazetteer-rows.ts";

/**
 * Names to look for in text and what they stand for. Keys are lowercase phrases.
 * `hsToMaterials` maps an HS6 (or HS4) code to the catalogue materials it carries.
 */
export interface Gazetteer {
  places: Map<string, string>;
  materials: Map<string, string>;
  hsToMaterials: Map<string, string[]>;
  materialIds: Set<string>;
  /** Names written in capitals that are also words ("US", "EU"): matched only in capitals. */
  caseSensitive: Set<string>;
  /** Catalogue parent of each material ("gadolinium" → "hree" → "rare-earths"). */
  parents?: Map<string, string>;
}

const GENERIC_HEADS = new Set(
  "metal metals ore ores oxide oxides earth earths compound compounds materials minerals elements element group gas products concentrates rock rocks coal coals".split(" "),
);

/** "Korea, Republic of" → ["Korea, Republic of", "Republic of Korea", "Korea"]; "Bolivia (Plurinational State of)" → [..., "Bolivia"]. */
export function countryNameVariants(name: string): string[] {
  const out = new Set<string>([name]);
  const noParen = name.replace(/\s*\(.*?\)\s*/g, " ").trim();
  out.add(noParen);
  const m = /^(.+?),\s*(.+)$/.exec(noParen);
  if (m) {
    const [, head, tail] = m;
    // "Taiwan, Province of China" must not turn into a name for China.
    if (!/province of/i.test(tail)) out.add(`${tail.replace(/\bthe$/i, "").trim()} ${head}`.replace(/\s+/g, " "));
    out.add(head);
  }
  return [...out].filter((v) => v.length >= 2);
}

/** Singular/plural and hyphen forms of a material name: "rare-earths" → "rare earths", "rare earth". */
export function materialNameVariants(name: string): string[] {
  const base = name.toLowerCase().replace(/[-_]/g, " ").replace(/\s*\(.*?\)\s*/g, " ").replace(/\s+/g, " ").trim();
  const out = new Set<string>([base]);
  // Element names have no plural; compound names do ("permanent magnet(s)", "battery/batteries").
  if (base.endsWith("ies")) out.add(`${base.slice(0, -3)}y`);
  else if (/[^suia]s$/.test(base) && base.length > 4) out.add(base.slice(0, -1));
  else if (base.includes(" ") && !base.endsWith("s")) out.add(base.endsWith("y") ? `${base.slice(0, -1)}ies` : `${base}s`);
  // US spelling of -inium names ("aluminum"), so American texts map without a synonym list.
  for (const v of [...out]) if (/inium\b/.test(v)) out.add(v.replace(/inium\b/, "inum"));
  // "Heavy rare earth elements" is written "heavy rare earths" as often as not.
  for (const v of [...out]) if (/ \w+ elements?$/.test(v)) out.add(`${v.replace(/ elements?$/, "")}s`);
  return [...out];
}

/**
 * Names a catalogue entry lists in parentheses ("Aluminium (bauxite, alumina, aluminium)",
 * "Permanent magnets (NdFeB, SmCo)"): each is another name of the material, unless generic.
 * @example parentheticalNames("Boron (borates)") // ["borates"]
 */
export function parentheticalNames(name: string): string[] {
  const inner = /\(([^)]*)\)/.exec(name)?.[1];
  if (!inner) return [];
  return inner.split(/,|;|\bor\b/).map((x) => x.trim()).filter((x) => x.length >= 4 && !GENERIC_HEADS.has(x.toLowerCase()) && !/^devices?$/i.test(x));
}

/**
 * Build a gazetteer from catalogue rows plus the documented table of government bodies.
 * Later entries never overwrite earlier ones, so catalogue names win over aliases.
 *
 * @example
 * const g = buildGazetteer({ countries: [{ iso3: "CHN", name: "China" }], materials: [{ id: "gallium", name: "Gallium", hs_codes: ["811292"] }] });
 * g.places.get("china") // "CHN"
 */
export function buildGazetteer(rows: GazetteerRows): Gazetteer {
  const places = new Map<string, string>();
  const caseSensitive = new Set<string>();
  const put = (name: string, id: string) => {
    const k = name.trim();
    if (isCaseSensitive(k)) caseSensitive.add(k);
    if (k && !places.has(k.toLowerCase())) places.set(k.toLowerCase(), id);
  };
  // Bodies first: "United States" → USA beats any alias collision, "Korea" → KOR not PRK.
  for (const [iso3, names] of Object.entries(GOVERNMENT_BODIES)) for (const n of names) put(n, iso3);
  for (const c of rows.countries) for (const v of countryNameVariants(c.name)) put(v, c.iso3);
  // Bare ISO codes ("CAN", "PER") are words too often to be names in running text.
  for (const a of rows.aliases ?? []) if (a.alias.length > 3) put(a.alias, a.iso3);

  const materials = new Map<string, string>();
  const hsToMaterials = new Map<string, string[]>();
  const ids = new Set<string>();
  const parents = new Map<string, string>();
  for (const m of rows.materials) {
    ids.add(m.id);
    if (m.parent) parents.set(m.id, m.parent);
    for (const v of [...materialNameVariants(m.name), ...materialNameVariants(m.id), ...parentheticalNames(m.name).flatMap(materialNameVariants)]) {
      if (!materials.has(v)) materials.set(v, m.id);
    }
    for (const code of m.hs_codes ?? []) {
      const k = code.replace(/\D/g, "").slice(0, 6);
      if (k.length < 4) continue;
      const list = hsToMaterials.get(k) ?? [];
      if (!list.includes(m.id)) list.push(m.id);
      hsToMaterials.set(k, list);
    }
  }
  // A head noun alone ("graphite" for "natural graphite") names the material when only one
  // catalogue entry ends with it, so news wording maps without a hand-typed synonym list.
  const heads = new Map<string, string[]>();
  for (const [name, id] of materials) {
    const words = name.split(" ");
    if (words.length < 2) continue;
    const head = words[words.length - 1];
    const l = heads.get(head) ?? [];
    if (!l.includes(id)) l.push(id);
    heads.set(head, l);
  }
  for (const [head, list] of heads) {
    if (head.length < 5 || materials.has(head) || GENERIC_HEADS.has(head)) continue;
    const pick = list.length === 1 ? list[0] : list.find((id) => id.startsWith("natural-"));
    if (pick) materials.set(head, pick);
  }
  return { places, materials, hsToMaterials, materialIds: ids, caseSensitive, parents };
}
