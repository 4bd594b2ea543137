/**
 * Names that stand for a government in trade texts but are not in the country catalogue:
 * ministries and agencies, capitals used as metonyms, leaders, demonyms and common short forms.
 * The catalogue (`countries`, `country_aliases`) supplies the country names themselves; this
 * table stays small and is the only hand-typed list the extractor uses. `EU` is the Union.
 *
 * Why each group is here:
 * - agencies: notices are issued by MOFCOM, METI, USTR, the Commission, not by "China" or "Japan";
 * - capitals/leaders: news writes "Beijing said", "Trump threatened";
 * - demonyms: "Chinese exports", "Japanese firms" name the country through an adjective.
 */
export const GOVERNMENT_BODIES: Readonly<Record<string, readonly string[]>> = {
  CHN: [
    "MOFCOM", "Ministry of Commerce", "Ministry of Commerce of the People's Republic of China", "China's Ministry of Commerce",
    "GAC", "General Administration of Customs", "State Council", "Beijing", "Chinese", "PRC",
    "Xi Jinping", "China's Commerce Ministry", "Tariff Commission of the State Council",
  ],
  JPN: [
    "METI", "Ministry of Economy, Trade and Industry", "MOFA", "Ministry of Foreign Affairs of Japan",
    "JOGMEC", "Tokyo", "Japanese", "Kishida", "Ishiba", "Takaichi", "Japan's trade ministry",
  ],
  USA: [
    "USTR", "Office of the United States Trade Representative", "U.S. Trade Representative", "White House",
    "the President", "Washington", "American", "U.S.", "US", "USA", "United States", "Bureau of Industry and Security",
    "BIS", "Department of Commerce", "Commerce Department", "Treasury Department", "OFAC", "Trump", "Biden",
  ],
  EU: [
    "EU", "European Union", "European Commission", "the Commission", "Council of the European Union",
    "the Council", "Brussels", "European", "von der Leyen", "Sefcovic", "Šefčovič",
  ],
  KOR: ["South Korea", "Korea", "Seoul", "South Korean", "Korean", "MOTIE"],
  PRK: ["North Korea", "Pyongyang", "North Korean"],
  RUS: ["Russia", "Moscow", "Russian", "Kremlin", "Putin"],
  GBR: ["UK", "Britain", "British", "London"],
  TWN: ["Taiwan", "Taipei", "Taiwanese"],
  COD: ["DRC", "DR Congo", "Democratic Republic of Congo", "Congolese", "Kinshasa"],
  IND: ["New Delhi", "Indian"],
  IDN: ["Jakarta", "Indonesian"],
  AUS: ["Canberra", "Australian"],
  CAN: ["Ottawa", "Canadian"],
  DEU: ["Berlin", "German"],
  FRA: ["Paris", "French"],
  NLD: ["Netherlands", "The Hague", "Dutch"],
  CHL: ["Santiago", "Chilean"],
  VNM: ["Vietnam", "Hanoi", "Vietnamese"],
  MMR: ["Myanmar", "Burma", "Burmese"],
  ZAF: ["South Africa", "Pretoria", "South African"],
  ZWE: ["Harare", "Zimbabwean"],
  BRA: ["Brasilia", "Brazilian"],
  MEX: ["Mexico City", "Mexican"],
  TUR: ["Turkey", "Ankara", "Turkish"],
  PHL: ["Manila", "Philippine", "Filipino"],
  MYS: ["Kuala Lumpur", "Malaysian"],
  KAZ: ["Astana", "Kazakh"],
  ARG: ["Buenos Aires", "Argentine"],
  BOL: ["Bolivia", "La Paz", "Bolivian"],
  PER: ["Lima", "Peruvian"],
  UKR: ["Kyiv", "Ukrainian"],
  IRN: ["Iran", "Tehran", "Iranian"],
  VEN: ["Venezuela", "Caracas"],
  GIN: ["Conakry", "Guinean"],
  GAB: ["Libreville", "Gabonese"],
};

/** Acronyms that are also English words ("US" vs "us"): matched only when written in capitals. */
export function isCaseSensitive(name: string): boolean {
  return /^[A-Z.]{2,6}$/.test(name);
}
