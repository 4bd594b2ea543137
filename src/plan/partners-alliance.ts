import type { BaciFlow } from "../store/queries/baci-flows.ts";

/** A value and volume pair (tonnes null when no flow carries a quantity). */
export interface Flow {
  usd: number;
  tonnes: number | null;
}

/** Sum flows: USD, and tonnes over the flows that have them (null when none has). */
export function sum(flows: readonly BaciFlow[]): Flow {
  let usd = 0;
  let tonnes: number | null = null;
  for (const f of flows) {
    usd += f.usd;
    if (f.tonnes !== null) tonnes = (tonnes ?? 0) + f.tonnes;
  }
  return { usd: Math.round(usd), tonnes: tonnes === null ? null : Math.round(tonnes * 1000) / 1000 };
}

/** One direction inside the alliance: what already flows, and what the supplying half sells elsewhere. */
export interface AllianceDirection {
  from: string;
  to: string;
  /** What the supplying half already sells the other (value, tonnes) and its share of the buyer's imports from outside itself. */
  already: Flow & { shareOfBuyerImports: number };
  /** What the buyer imports from outside the alliance: the volume the supplying half could take over. */
  buyerImportsFromThirdCountries: Flow;
  /** What the supplying half exports outside the alliance: the volume it could redirect. */
  supplierExportsToThirdCountries: Flow;
  /** The supplying half's largest exporters, with what each sends the buyer already. */
  topExporters: { country: string; worldExports: Flow; toBuyer: Flow }[];
}

export interface AllianceLinks {
  euToJapan: AllianceDirection;
  japanToEu: AllianceDirection;
  meaning: string;
}

function direction(flows: readonly BaciFlow[], from: Set<string>, to: Set<string>, names: [string, string], limit: number): AllianceDirection {
  const alliance = new Set([...from, ...to]);
  const buyerImports = flows.filter((f) => to.has(f.importer) && !to.has(f.exporter));
  const already = sum(buyerImports.filter((f) => from.has(f.exporter)));
  const total = sum(buyerImports).usd;
  const byExporter = new Map<string, BaciFlow[]>();
  for (const f of flows) if (from.has(f.exporter) && !from.has(f.importer)) byExporter.set(f.exporter, [...(byExporter.get(f.exporter) ?? []), f]);
  return {
    from: names[0],
    to: names[1],
    already: { ...already, shareOfBuyerImports: total > 0 ? Math.round((already.usd / total) * 1e6) / 1e6 : 0 },
    buyerImportsFromThirdCountries: sum(buyerImports.filter((f) => !alliance.has(f.exporter))),
    supplierExportsToThirdCountries: sum(flows.filter((f) => from.has(f.exporter) && !alliance.has(f.importer))),
    topExporters: [...byExporter]
      .map(([country, fs]) => ({ country, worldExports: sum(fs), toBuyer: sum(fs.filter((f) => to.has(f.importer))) }))
      .sort((a, b) => b.worldExports.usd - a.worldExports.usd)
      .slice(0, limit),
  };
}

/**
 * Where one half of the alliance already supplies the other and where it could: flows EU → Japan
 * and Japan → EU (extra-EU), each half's imports from third countries, and each half's exports to
 * third countries (what it could redirect). Intra-EU trade is left out on both sides.
 * @example allianceLinks(flows, euMembers, 10).euToJapan.already.shareOfBuyerImports
 */
export function allianceLinks(flows: readonly BaciFlow[], eu: readonly string[], limit: number): AllianceLinks {
  const E = new Set(eu);
  const J = new Set(["JPN"]);
  return {
    euToJapan: direction(flows, E, J, ["EU27", "JPN"], limit),
    japanToEu: direction(flows, J, E, ["JPN", "EU27"], limit),
    meaning:
      "already: what one half sells the other (BACI, value and tonnes) and its share of the buyer's imports from outside itself; " +
      "buyerImportsFromThirdCountries: what the other half could take over; supplierExportsToThirdCountries: what the supplying half sells outside the alliance and could redirect (not spare capacity)",
  };
}
