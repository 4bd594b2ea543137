/**
 * Partners with a trade agreement in force that covers raw materials (goods chapters with tariff and
 * export-restriction disciplines), for the trade variable t = 0.8 of the EU method when it is
 * applied to Japan and the alliance. Judgement calls are noted: RCEP (CHN, KOR) and the 2020
 * US–Japan Trade Agreement are left out because they do not discipline export duties/restrictions
 * on raw materials. The 2023 EU study itself gives t = 0.8 only to EU member states.
 */
export interface AgreementSet {
  bloc: "EU27" | "JPN";
  agreements: { name: string; inForce: number; partners: string[] }[];
  source: string;
}

export const EU_AGREEMENTS: AgreementSet = {
  bloc: "EU27",
  source: "European Commission, DG TRADE, 'Negotiations and agreements' (policy.trade.ec.europa.eu/eu-trade-relationships-country-and-region/negotiations-and-agreements_en), agreements in force 2024",
  agreements: [
    { name: "EU–Japan Economic Partnership Agreement", inForce: 2019, partners: ["JPN"] },
    { name: "EU–Korea FTA", inForce: 2011, partners: ["KOR"] },
    { name: "EU–Canada CETA (provisional)", inForce: 2017, partners: ["CAN"] },
    { name: "EU–Singapore FTA", inForce: 2019, partners: ["SGP"] },
    { name: "EU–Vietnam FTA", inForce: 2020, partners: ["VNM"] },
    { name: "EU–New Zealand FTA", inForce: 2024, partners: ["NZL"] },
    { name: "EU–Chile Association Agreement", inForce: 2003, partners: ["CHL"] },
    { name: "EU–Mexico Global Agreement", inForce: 2000, partners: ["MEX"] },
    { name: "EU–Colombia/Peru/Ecuador trade agreement", inForce: 2013, partners: ["COL", "PER", "ECU"] },
    { name: "EU–Central America Association Agreement", inForce: 2013, partners: ["CRI", "SLV", "GTM", "HND", "NIC", "PAN"] },
    { name: "EU–UK Trade and Cooperation Agreement", inForce: 2021, partners: ["GBR"] },
    { name: "EEA and EU–Switzerland FTA", inForce: 1994, partners: ["NOR", "ISL", "LIE", "CHE"] },
    { name: "EU–Türkiye customs union", inForce: 1995, partners: ["TUR"] },
    { name: "Association Agreements / DCFTAs (Ukraine, Georgia, Moldova)", inForce: 2016, partners: ["UKR", "GEO", "MDA"] },
    { name: "Stabilisation and Association Agreements (Western Balkans)", inForce: 2016, partners: ["ALB", "BIH", "MNE", "MKD", "SRB", "XKX"] },
    { name: "Euro-Mediterranean Association Agreements", inForce: 2005, partners: ["MAR", "TUN", "DZA", "EGY", "ISR", "JOR", "LBN"] },
    { name: "EU–SADC EPA", inForce: 2016, partners: ["ZAF", "BWA", "NAM", "MOZ", "LSO", "SWZ"] },
    { name: "Interim/ESA/Central Africa/West Africa EPAs", inForce: 2014, partners: ["CMR", "CIV", "GHA", "MDG", "MUS", "ZWE", "SYC", "COM"] },
    { name: "EU–Pacific EPA", inForce: 2014, partners: ["FJI", "PNG", "SLB", "WSM"] },
    { name: "EU–CARIFORUM EPA", inForce: 2008, partners: ["ATG", "BHS", "BRB", "BLZ", "DMA", "DOM", "GRD", "GUY", "JAM", "KNA", "LCA", "VCT", "SUR", "TTO"] },
  ],
};

export const JAPAN_AGREEMENTS: AgreementSet = {
  bloc: "JPN",
  source: "Ministry of Foreign Affairs of Japan, 'Free Trade Agreement (FTA) and Economic Partnership Agreement (EPA)' (www.mofa.go.jp/policy/economy/fta/index.html), agreements in force 2024",
  agreements: [
    { name: "Japan–EU EPA", inForce: 2019, partners: ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"] },
    { name: "Japan–UK CEPA", inForce: 2021, partners: ["GBR"] },
    { name: "CPTPP", inForce: 2018, partners: ["AUS", "BRN", "CAN", "CHL", "MYS", "MEX", "NZL", "PER", "SGP", "VNM"] },
    { name: "Bilateral EPAs (Singapore 2002 … Mongolia 2016)", inForce: 2002, partners: ["SGP", "MEX", "MYS", "CHL", "THA", "IDN", "BRN", "PHL", "CHE", "VNM", "IND", "PER", "AUS", "MNG"] },
    { name: "ASEAN–Japan CEP", inForce: 2008, partners: ["LAO", "MMR", "KHM"] },
  ],
};

/**
 * Every partner with an agreement for the given sets (deduplicated).
 * @example agreementPartners([JAPAN_AGREEMENTS]).has("AUS") // true
 */
export function agreementPartners(sets: readonly AgreementSet[]): Set<string> {
  return new Set(sets.flatMap((s) => s.agreements.flatMap((a) => a.partners)));
}
