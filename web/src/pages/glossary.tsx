/** Plain-language definitions of the terms the dashboard uses. */
const TERMS: [string, string, string][] = [
  ["HHI", "Herfindahl–Hirschman index", "How concentrated supply is: the sum of the squared market shares of all suppliers. 0 means many small suppliers, 1 (shown as 10 000) means a single supplier. Above 0.25 (2 500) supply is usually called highly concentrated; the EC's dependency test for imports uses 0.4."],
  ["SR", "Supply risk", "The EU criticality method's measure of how risky supply is (EC 2017 guidelines): the concentration of supply by country, weighted by each country's governance (WGI) and trade policy, adjusted for import reliance, recycling and substitutes. A material is critical when SR ≥ 1 and EI ≥ 2.8."],
  ["EI", "Economic importance", "How much value added in manufacturing depends on the material: its end uses mapped to economic sectors, weighted by each sector's value added and by how hard the material is to substitute. Scaled so that the EU 2023 study's threshold is 2.8."],
  ["SR/EI", "Criticality matrix", "The chart of supply risk against economic importance; materials in the shaded top-right corner (SR ≥ 1, EI ≥ 2.8) are critical. A vertical bar instead of a dot means the supply risk is only known within bounds, because the bloc's import reliance is not known."],
  ["WGI", "Worldwide Governance Indicators", "The World Bank's scores of the quality of governance in each country (six dimensions). The EU method uses them to weigh suppliers: supply from weakly governed countries counts as riskier."],
  ["Basket code", "A trade code that holds other goods too", "Trade statistics count goods by HS code. Some codes cover a material together with other goods (for example 'other base metals'), so the trade value overstates the material. Such codes are marked with * and their figures are upper bounds."],
  ["CRM Act 65 %", "The Critical Raw Materials Act's single-country benchmark", "The EU's Critical Raw Materials Act (Regulation (EU) 2024/1252) sets as a 2030 benchmark that no more than 65 % of the EU's annual consumption of each strategic raw material, at any stage of processing, should come from a single third country. The dashboard draws this line on the charts and applies it to other blocs for comparison."],
  ["Strategic raw material", "CRM Act Annex I", "The materials the CRM Act lists as strategic: critical ones of high importance for the green, digital, defence and space transitions, for which the 2030 benchmarks apply."],
  ["Import reliance", "Share of demand met by imports", "Net imports divided by domestic production plus net imports. When it is unknown for a bloc, its supply risk can only be bounded."],
  ["Unassessed", "No verdict possible", "A material is not assessable for a bloc when an input of the method is missing (for example the bloc's sourcing mix, because no import data for it is loaded). The overview lists these with the reason instead of counting them as not critical."],
  ["Value added at risk", "Scenario output", "The value added of EU manufacturing sectors that use the material and could be lost while supply falls short: unmet share of demand × the sectors' annual value added (EU 2023 study end uses) × the substitution index, summed over the months of the scenario, in million euro. An upper-bound style estimate: it assumes no substitution beyond the study's index."],
  ["p5–p95", "Uncertainty band", "The scenario is run many times with uncertain parameters drawn at random; the band holds 90 % of the runs, the line is the median (p50)."],
  ["Bloc", "Group of importers", "EU27, Japan (JPN), the Japan–EU alliance (ALLIANCE = EU27 + Japan), a configured bloc, or any list of countries and blocs such as KOR,EU27."],
];

export function GlossaryPage() {
  return (
    <>
      <h1>Glossary</h1>
      <p className="lede">The terms used on these pages, in plain words.</p>
      <dl className="glossary">
        {TERMS.map(([term, long, text]) => (
          <div key={term} id={term.toLowerCase().replace(/[^a-z0-9]+/g, "-")}>
            <dt><b>{term}</b> — {long}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
