/**
 * Annex II of Regulation (EU) 2024/1252 (the Critical Raw Materials Act): the 34 critical raw
 * materials, as chokepoint material ids (the study's groups `hree`, `lree`, `pgm`; `aluminium` for
 * aluminium/bauxite). The list the EU method produces (critical by thresholds, plus strategic) is
 * compared against it.
 *
 * @example ANNEX_II.includes("gallium") // true
 */
export const ANNEX_II: readonly string[] = [
  "antimony", "arsenic", "aluminium", "baryte", "beryllium", "bismuth", "boron", "cobalt", "coking-coal", "copper",
  "feldspar", "fluorspar", "gallium", "germanium", "hafnium", "helium", "hree", "lree", "lithium", "magnesium",
  "manganese", "natural-graphite", "nickel", "niobium", "phosphate-rock", "phosphorus", "pgm", "scandium",
  "silicon-metal", "strontium", "tantalum", "titanium-metal", "tungsten", "vanadium",
];
