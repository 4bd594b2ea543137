/**
 * The curated part of the material catalogue (read by scripts/data/build-materials.ts).
 * Flags for the EU lists come from ../shared/data/eu-crm-2023/eu_crm_srm_lists_2023.csv, not from here.
 * Codes: "CN8:xxxxxxxx", "HS6:xxxxxx", "HS4:xxxx", per stage (E = extraction, P = processing).
 * A code marked "*" is a basket code that also carries other materials (see `caveat`).
 */
export interface MaterialDef {
  id: string;
  name: string;
  grp: string;
  parent?: string;
  stages: ("extraction" | "processing")[];
  default?: "extraction" | "processing";
  /** Name in eu_crm_srm_lists_2023.csv (list name) or, for members, in the share tables. */
  eu?: string;
  /** EU list entry whose CRM/SRM flags a member inherits (LREEs/HREEs/PGMs). */
  euVia?: string;
  /** SRM 2024 scope restriction that excludes this member (e.g. La is not a magnet REE). */
  notSrm?: boolean;
  jp?: string;
  E?: string[];
  P?: string[];
  caveat?: string;
  notes?: string;
}

const RE_MINERALS = "CN8:25309050*";
const RE_METAL_GROUP = ["CN8:28053010", "CN8:28053080", "HS6:280530*", "HS4:2846", "HS6:284690*", "CN8:28469090"];
const REE_BASKET = "REE codes group several elements (e.g. CN 2805 30 29 = Pr, Nd, Sm; 2846 90 60 = Gd, Tb, Dy); HS6 280530/284690 hold all rare earths.";
const JP_MIN = "critical minerals (重要鉱物)";

export const MATERIALS: MaterialDef[] = [
  // Rare earths: group, EU sub-groups, elements. LREE/HREE membership as in the EU 2023 study groupings.
  { id: "rare-earths", name: "Rare earth elements", grp: "rare-earths", stages: ["extraction", "processing"], default: "extraction", euVia: "LREEs", jp: JP_MIN,
    E: [RE_MINERALS], P: [...RE_METAL_GROUP, "HS6:284610", "CN8:28461000", "CN8:28053021", "CN8:28053029", "CN8:28053031", "CN8:28053039", "CN8:28469040", "CN8:28469050", "CN8:28469060", "CN8:28469070"],
    caveat: "HS 2530 90 is a basket of mineral substances n.e.s.; CN 2530 90 50 is the REE-mineral line.",
    notes: "Both EU sub-groups (LREEs, HREEs) are CRMs 2023. Group of the 17 rare earth elements (lanthanides, Y, Sc). USGS reports mine production as rare-earth-oxide equivalent." },
  { id: "lree", name: "Light rare earth elements", grp: "rare-earths", parent: "rare-earths", stages: ["extraction", "processing"], default: "processing", eu: "LREEs", jp: JP_MIN,
    P: ["CN8:28053021", "CN8:28053029*", "CN8:28461000", "CN8:28469040", "CN8:28469050*"], caveat: REE_BASKET,
    notes: "EU 2023 grouping: La, Ce, Pr, Nd, Sm. SRM 2024 scope: rare earth elements for magnets (Nd, Pr, Tb, Dy, Gd, Sm, Ce)." },
  { id: "hree", name: "Heavy rare earth elements", grp: "rare-earths", parent: "rare-earths", stages: ["extraction", "processing"], default: "processing", eu: "HREEs", jp: JP_MIN,
    P: ["CN8:28053031*", "CN8:28053039*", "CN8:28469060*", "CN8:28469070*"], caveat: REE_BASKET,
    notes: "EU 2023 grouping: Y, Eu, Gd, Tb, Dy, Ho, Er, Tm, Yb, Lu." },
  ...ree("lanthanum", "Lanthanum", "lree", ["CN8:28053021*", "CN8:28469040"], true),
  ...ree("cerium", "Cerium", "lree", ["CN8:28053021*", "CN8:28461000", "HS6:284610"]),
  ...ree("praseodymium", "Praseodymium", "lree", ["CN8:28053029*", "CN8:28469050*"]),
  ...ree("neodymium", "Neodymium", "lree", ["CN8:28053029*", "CN8:28469050*"]),
  ...ree("samarium", "Samarium", "lree", ["CN8:28053029*", "CN8:28469050*"]),
  ...ree("europium", "Europium", "hree", ["CN8:28053039*", "CN8:28469070*"], true),
  ...ree("gadolinium", "Gadolinium", "hree", ["CN8:28053031*", "CN8:28469060*"]),
  ...ree("terbium", "Terbium", "hree", ["CN8:28053031*", "CN8:28469060*"]),
  ...ree("dysprosium", "Dysprosium", "hree", ["CN8:28053031*", "CN8:28469060*"]),
  ...ree("holmium", "Holmium", "hree", ["CN8:28053039*", "CN8:28469070*"], true),
  ...ree("erbium", "Erbium", "hree", ["CN8:28053039*", "CN8:28469070*"], true),
  ...ree("thulium", "Thulium", "hree", ["CN8:28053039*", "CN8:28469070*"], true),
  ...ree("ytterbium", "Ytterbium", "hree", ["CN8:28053039*", "CN8:28469070*"], true),
  ...ree("lutetium", "Lutetium", "hree", ["CN8:28053039*", "CN8:28469070*"], true),
  ...ree("yttrium", "Yttrium", "hree", ["CN8:28053039*", "CN8:28469070*"], true),
  { id: "scandium", name: "Scandium", grp: "rare-earths", stages: ["processing"], eu: "Scandium", jp: JP_MIN, P: ["CN8:28053040", "CN8:28469030"],
    notes: "A separate CRM in the EU 2023 list (not in LREE/HREE)." },

  // Platinum-group metals: EU assesses processing only.
  { id: "pgm", name: "Platinum group metals", grp: "pgm", stages: ["extraction", "processing"], default: "processing", eu: "PGMs", jp: JP_MIN,
    P: ["HS4:7110", "HS6:711011", "HS6:711021", "HS6:711031"], notes: "Pt, Pd, Rh, Ir, Ru (osmium not assessed by the EU)." },
  ...pgm("platinum", "Platinum", ["HS6:711011"]),
  ...pgm("palladium", "Palladium", ["HS6:711021"]),
  ...pgm("rhodium", "Rhodium", ["HS6:711031"]),
  ...pgm("iridium", "Iridium", ["HS6:711041*"]),
  ...pgm("ruthenium", "Ruthenium", ["HS6:711041*"]),

  // Battery materials.
  { id: "lithium", name: "Lithium", grp: "battery", stages: ["extraction", "processing"], default: "extraction", eu: "Lithium", jp: JP_MIN,
    E: ["CN8:25309040", "HS6:253090*"], P: ["CN8:28252000", "HS6:282520", "CN8:28369100", "HS6:283691", "HS4:2825*", "HS4:2836*"],
    caveat: "HS 253090 holds all mineral substances n.e.s. (CN 2530 90 40 is the lithium-mineral line); HS4 2825/2836 hold other oxides/carbonates.",
    notes: "EU SRM scope: battery grade." },
  { id: "cobalt", name: "Cobalt", grp: "battery", stages: ["extraction", "processing"], default: "extraction", eu: "Cobalt", jp: JP_MIN,
    E: ["CN8:26050000", "HS6:260500", "HS4:2605"], P: ["CN8:81052000", "HS6:810520", "CN8:28220000", "HS6:282200", "HS4:2822", "HS4:8105*"],
    caveat: "HS4 8105 also holds cobalt waste, scrap and articles." },
  { id: "nickel", name: "Nickel", grp: "battery", stages: ["extraction", "processing"], default: "extraction", eu: "Nickel", jp: JP_MIN,
    E: ["CN8:26040000", "HS6:260400", "HS4:2604"], P: ["CN8:75011000", "HS6:750110", "CN8:75012000", "HS6:750120", "CN8:75021000", "HS6:750210", "HS4:7501", "HS4:7502*",
      "HS6:282540", "HS6:282735", "HS6:283324", "HS6:750400", "HS4:7504"],
    caveat: "HS4 7502 includes nickel alloys (750220).", notes: "On the EU CRM list as a strategic raw material (battery grade) although below the SR threshold." },
  { id: "manganese", name: "Manganese", grp: "battery", stages: ["extraction", "processing"], default: "extraction", eu: "Manganese", jp: JP_MIN,
    E: ["CN8:26020000", "HS6:260200", "HS4:2602"], P: ["CN8:28201000", "CN8:28209010", "CN8:28209090", "HS6:282010", "HS6:282090", "HS4:2820", "HS6:811100*", "HS4:8111*"],
    caveat: "HS 8111 (811100) also holds manganese articles, waste and scrap.", notes: "EU SRM scope: battery grade." },
  { id: "natural-graphite", name: "Natural graphite", grp: "battery", stages: ["extraction"], eu: "Natural graphite", jp: JP_MIN,
    E: ["CN8:25041000", "CN8:25049000", "HS6:250410", "HS6:250490", "HS4:2504"],
    notes: "Synthetic graphite (HS 380110) is a different product and not included. EU SRM scope: battery grade." },

  // Semiconductor and technology metals.
  { id: "gallium", name: "Gallium", grp: "technology-metals", stages: ["processing"], eu: "Gallium", jp: JP_MIN,
    P: ["CN8:81129289", "HS6:811292*", "HS6:811299*"],
    caveat: "HS 811292 (unwrought, powders) is a basket for Ga, Ge, In, Nb, V (and Hf, Re before HS 2022); only CN8/national lines separate them." },
  { id: "germanium", name: "Germanium", grp: "technology-metals", stages: ["processing"], eu: "Germanium", jp: JP_MIN,
    P: ["CN8:81129295", "CN8:28256000*", "HS6:282560*", "HS6:811292*", "HS6:811299*"],
    caveat: "HS 811292 is a basket (Ga, Ge, In, Nb, V); HS/CN 282560 also holds zirconium dioxide." },
  { id: "indium", name: "Indium", grp: "technology-metals", stages: ["processing"], eu: "Indium", jp: JP_MIN, P: ["CN8:81129281", "HS6:811292*"],
    caveat: "HS 811292 is a basket (Ga, Ge, In, Nb, V)." },
  { id: "tellurium", name: "Tellurium", grp: "technology-metals", stages: ["processing"], eu: "Tellurium", jp: JP_MIN, P: ["CN8:28045090", "HS6:280450*"],
    caveat: "HS 280450 holds boron and tellurium." },
  { id: "silicon-metal", name: "Silicon metal", grp: "technology-metals", stages: ["processing"], eu: "Silicon metal",
    P: ["CN8:28046900", "HS6:280469", "CN8:28046100", "HS6:280461", "HS4:2804*"],
    caveat: "HS4 2804 also holds hydrogen, rare gases, boron, tellurium, selenium; 280461 is ≥99.99 % (polysilicon) silicon.",
    notes: "USGS series is silicon metal plant production (2024 edition); the 2023 edition reports ferrosilicon + silicon metal combined." },

  // Alloying, defence and industrial metals.
  { id: "tungsten", name: "Tungsten", grp: "alloying-metals", stages: ["extraction", "processing"], default: "extraction", eu: "Tungsten", jp: JP_MIN,
    E: ["CN8:26110000", "HS6:261100", "HS4:2611"], P: ["CN8:81011000", "CN8:81019400", "HS6:810194", "CN8:28499030", "CN8:28259040"] },
  { id: "molybdenum", name: "Molybdenum", grp: "alloying-metals", stages: ["extraction", "processing"], default: "extraction", eu: "Molybdenum", jp: JP_MIN,
    E: ["CN8:26139000", "CN8:26131000"], P: ["CN8:81021000", "CN8:81029400", "CN8:28257000"] },
  { id: "niobium", name: "Niobium", grp: "alloying-metals", stages: ["extraction", "processing"], default: "extraction", eu: "Niobium", jp: JP_MIN,
    E: ["CN8:26159000*", "HS6:261590*", "HS4:2615*"], P: ["CN8:81129240", "HS6:811292*"],
    caveat: "HS 261590 holds Nb, Ta and V ores; HS4 2615 adds zirconium ores; HS 811292 is a basket (Ga, Ge, In, Nb, V)." },
  { id: "tantalum", name: "Tantalum", grp: "alloying-metals", stages: ["extraction"], eu: "Tantalum", jp: JP_MIN, E: ["CN8:26159000*", "HS6:261590*", "HS4:2615*"],
    caveat: "HS 261590 holds Nb, Ta and V ores." },
  { id: "vanadium", name: "Vanadium", grp: "alloying-metals", stages: ["extraction", "processing"], default: "extraction", eu: "Vanadium", jp: JP_MIN,
    E: ["CN8:26159000*", "HS6:261590*"], P: ["CN8:81129291", "CN8:28253000", "HS6:811292*"],
    caveat: "Most vanadium comes from steel slag and titanomagnetite, not from HS 2615 ores; HS 811292 is a basket." },
  { id: "chromium", name: "Chromium", grp: "alloying-metals", stages: ["extraction", "processing"], default: "extraction", eu: "Chromium", jp: JP_MIN, E: ["HS4:2610"],
    notes: "Not on the EU 2023 CRM list." },
  { id: "hafnium", name: "Hafnium", grp: "alloying-metals", stages: ["processing"], eu: "Hafnium", jp: JP_MIN, P: ["CN8:81123100"] },
  { id: "rhenium", name: "Rhenium", grp: "alloying-metals", stages: ["processing"], eu: "Rhenium", jp: JP_MIN, P: ["CN8:81124190"] },
  { id: "zirconium", name: "Zirconium", grp: "alloying-metals", stages: ["extraction"], eu: "Zirconium", jp: JP_MIN, E: ["CN8:26151000", "HS4:2615*"],
    caveat: "HS4 2615 also holds Nb, Ta, V ores." },
  { id: "titanium-metal", name: "Titanium metal", grp: "alloying-metals", stages: ["extraction", "processing"], default: "processing", eu: "Titanium metal", jp: JP_MIN,
    E: ["CN8:26140000", "HS6:261400", "HS4:2614"], P: ["CN8:81082000", "HS6:810820", "HS4:8108*"],
    caveat: "Titanium ores (HS 2614) mostly feed TiO2 pigment, not metal; HS4 8108 includes titanium articles and scrap.",
    notes: "Processing = titanium sponge (USGS sponge metal production)." },
  { id: "antimony", name: "Antimony", grp: "alloying-metals", stages: ["extraction", "processing"], default: "extraction", eu: "Antimony", jp: JP_MIN,
    E: ["HS6:261710"], P: ["HS6:811010"] },
  { id: "bismuth", name: "Bismuth", grp: "alloying-metals", stages: ["processing"], eu: "Bismuth", jp: JP_MIN, P: ["HS6:810610", "HS6:810690"] },
  { id: "beryllium", name: "Beryllium", grp: "alloying-metals", stages: ["extraction", "processing"], default: "extraction", eu: "Beryllium", jp: JP_MIN, P: ["HS6:811212"] },
  { id: "magnesium", name: "Magnesium", grp: "light-metals", stages: ["processing"], eu: "Magnesium", P: ["HS6:810411"], notes: "EU SRM scope: magnesium metal." },
  { id: "aluminium", name: "Aluminium (bauxite, alumina, aluminium)", grp: "light-metals", stages: ["extraction", "processing"], default: "processing", eu: "Aluminium",
    notes: "EU 2023 groups bauxite, alumina and aluminium as 'aluminium/bauxite'. Extraction = bauxite mine production; processing = primary aluminium smelting (alumina refining is a separate USGS series, see usgs_series)." },
  { id: "strontium", name: "Strontium", grp: "industrial-minerals", stages: ["extraction"], eu: "Strontium", jp: JP_MIN },
  { id: "arsenic", name: "Arsenic", grp: "alloying-metals", stages: ["processing"], eu: "Arsenic" },
  { id: "copper", name: "Copper", grp: "base-metals", stages: ["extraction", "processing"], default: "extraction", eu: "Copper", P: ["HS4:7402", "HS4:7403"],
    notes: "On the EU CRM list as a strategic raw material although below the SR threshold." },
  { id: "tin", name: "Tin", grp: "base-metals", stages: ["extraction", "processing"], default: "extraction", eu: "Tin", notes: "Not on the EU 2023 CRM list." },

  // Industrial minerals, fertilisers, energy.
  { id: "baryte", name: "Baryte", grp: "industrial-minerals", stages: ["extraction"], eu: "Baryte", jp: JP_MIN },
  { id: "boron", name: "Boron (borates)", grp: "industrial-minerals", stages: ["extraction", "processing"], default: "extraction", eu: "Boron", jp: JP_MIN,
    E: ["HS6:252800"], P: ["HS6:280450*"], caveat: "HS 280450 holds boron and tellurium.", notes: "EU SRM scope: metallurgy grade." },
  { id: "feldspar", name: "Feldspar", grp: "industrial-minerals", stages: ["extraction"], eu: "Feldspar" },
  { id: "fluorspar", name: "Fluorspar", grp: "industrial-minerals", stages: ["extraction"], eu: "Fluorspar", jp: JP_MIN, E: ["HS6:252921", "HS6:252922"] },
  { id: "helium", name: "Helium", grp: "industrial-minerals", stages: ["processing"], eu: "Helium", P: ["CN8:28042910"] },
  { id: "phosphate-rock", name: "Phosphate rock", grp: "fertilisers", stages: ["extraction"], eu: "Phosphate rock", jp: "fertilisers (肥料)",
    E: ["CN8:25101000", "CN8:25102000", "HS4:2510"] },
  { id: "phosphorus", name: "Phosphorus", grp: "fertilisers", stages: ["processing"], eu: "Phosphorus", P: ["HS6:280470"] },
  { id: "potash", name: "Potash", grp: "fertilisers", stages: ["extraction"], eu: "Potash", jp: "fertilisers (肥料)",
    E: ["CN8:31042010", "CN8:31042050", "CN8:31042090", "CN8:31043000", "CN8:31049000"], notes: "Not on the EU 2023 CRM list." },
  { id: "coking-coal", name: "Coking coal", grp: "energy", stages: ["extraction", "processing"], default: "extraction", eu: "Coking coal", E: ["HS4:2701*"],
    caveat: "HS4 2701 holds all coal, not only coking coal." },
  { id: "lng", name: "Liquefied natural gas", grp: "energy", stages: ["extraction"], jp: "natural gas (可燃性天然ガス)", E: ["EI:LNG", "HS6:271111", "HS4:2711*"],
    caveat: "HS4 2711 also holds pipeline gas and LPG (not LNG alone): a fallback only for years no LNG trade matrix (bcm) covers.", notes: "Not assessed by the EU CRM study; sourcing data: EI Statistical Review LNG trade movements (bcm)." },

  // Downstream products linked to their inputs.
  { id: "permanent-magnets", name: "Permanent magnets (NdFeB, SmCo)", grp: "downstream", stages: ["processing"], jp: "permanent magnets (永久磁石)",
    P: ["HS6:850511*"], caveat: "HS 850511 covers all metal permanent magnets, not only rare-earth magnets.",
    notes: "Inputs: neodymium, praseodymium, dysprosium, terbium (NdFeB); samarium, cobalt (SmCo)." },
  { id: "li-ion-batteries", name: "Lithium-ion batteries", grp: "downstream", stages: ["processing"], jp: "storage batteries (蓄電池)", P: ["HS6:850760"],
    notes: "Inputs: lithium, cobalt, nickel, manganese, natural-graphite (anodes), phosphate-rock (LFP)." },
  { id: "semiconductors", name: "Semiconductors (integrated circuits, devices)", grp: "downstream", stages: ["processing"], jp: "semiconductors (半導体)",
    P: ["HS4:8541", "HS4:8542"], notes: "Inputs: gallium, germanium, silicon-metal, indium, tellurium, helium, fluorspar (HF)." },
];

function ree(id: string, name: string, parent: "lree" | "hree", P: string[], notSrm = false): MaterialDef[] {
  return [{ id, name, grp: "rare-earths", parent, stages: ["extraction", "processing"], default: "processing", eu: name, euVia: parent === "lree" ? "LREEs" : "HREEs",
    notSrm, jp: JP_MIN, P, caveat: REE_BASKET }];
}

function pgm(id: string, name: string, P: string[]): MaterialDef[] {
  return [{ id, name, grp: "pgm", parent: "pgm", stages: id === "platinum" || id === "palladium" ? ["extraction", "processing"] : ["processing"],
    default: "processing", eu: name, euVia: "PGMs", jp: JP_MIN, P,
    caveat: P[0].endsWith("*") ? "HS 711041 (unwrought iridium, osmium, ruthenium) is one line for three metals." : undefined }];
}
