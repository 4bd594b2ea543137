import { barsSvg } from "./bars.ts";
import { actions, blocTargets, type BriefData } from "./brief.ts";
import { mapInput } from "./inputs.ts";
import { worldMapSvg } from "./map.ts";
import { esc, sourceLine } from "./svg.ts";
import type { Coverage } from "../domain/coverage.ts";
import { worldTopology } from "./topology.ts";
import { gdpShareText } from "../simulate/gdp-check.ts";

const pc = (x: number | null | undefined) => (x === null || x === undefined ? "–" : `${(x * 100).toFixed(1)} %`);

/**
 * The briefing as one self-contained HTML document (inline SVG, no external resources), laid
 * out for A4: key figures and map; suppliers; scenario and actions; sources and method.
 * @example writeFileSync("brief.html", briefHtml(await briefData(store, { material: "gallium", bloc: "JPN" })));
 */
export function briefHtml(d: BriefData): string {
  const p = d.production;
  const name = p.material.replace(/-/g, " ");
  const title = `${cap(name)}: ${d.bloc}'s exposure`;
  const headline = p.top
    ? `${p.top.country} produces ${pc(p.top.share)} of the world's ${name} (${p.stage}, ${p.year})${p.crma.breached ? " — above the CRM Act's 65 % line" : ""}.`
    : `No ${p.stage} producer data for ${name}.`;
  const sim = d.simulation;
  const sources = [...p.sources, ...(d.sourcing?.sources ?? []), ...(sim?.markets.flatMap((m) => m.sources) ?? []), ...(d.plan?.sources ?? [])];
  const kpi = (label: string, value: string) => `<div class="kpi"><span>${esc(label)}</span><b>${esc(value)}</b></div>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head><body>
<section class="page">
<p class="kicker">chokepoint briefing · ${esc(d.date)} · ${esc(d.bloc)}</p>
<h1>${esc(title)}</h1>
<p class="headline">${esc(headline)}</p>
<div class="kpis">
${kpi("Top producer", p.top ? `${p.top.country} ${pc(p.top.share)}` : "–")}
${kpi("HHI (0–10 000)", String(p.hhi10000))}
${kpi(`${d.bloc}'s own share`, pc(p.blocShare))}
${kpi("From countries with export restrictions", pc(p.restrictedShare))}
${d.sourcing?.top ? kpi(`${d.bloc} imports: top partner (${d.sourcing.year})`, `${d.sourcing.top.country} ${pc(d.sourcing.top.share)}`) : ""}
${d.criticality.map((c) => kpi(`EU-method SR / EI${d.criticality.length > 1 ? `, ${c.material}` : ""} (${c.bloc})`, `${srText(c)} / ${c.ei?.toFixed(2) ?? "–"} ${STATUS[c.status]}`)).join("\n")}
</div>
${keyCoverage(d)}
<h2>Who produces it</h2>
${worldMapSvg(worldTopology(), { ...mapInput(p, d.members), width: 680 })}
${coverageLine("World production", p.coverage)}
</section>
<section class="page">
<h2>Suppliers of world ${esc(p.stage)} (${p.year})</h2>
${barsSvg({ title: `${name}: world ${p.stage} by country`, rows: p.suppliers.filter((s) => !s.aggregate).map((s) => ({ label: s.name ?? s.country, share: s.share, highlight: s.inBloc })), sources: p.sources, line: { at: 0.65, label: "CRM Act 65 %" }, width: 680 })}
${coverageLine("World production", p.coverage)}
${d.sourcing ? `<h2>${esc(d.bloc)}'s imports by partner (${esc(d.sourcing.stage)}, ${d.sourcing.year}, ${esc(d.sourcing.total.unit)})</h2>
${barsSvg({ title: `${d.bloc} imports of ${name}`, rows: d.sourcing.suppliers.filter((s) => !s.aggregate).map((s) => ({ label: s.name ?? s.country, share: s.share, highlight: s.inBloc })), sources: d.sourcing.sources, line: { at: 0.65, label: "65 %" }, width: 680 })}
${coverageLine(`${d.bloc} imports`, d.sourcing.coverage)}` : ""}
</section>
<section class="page">
${sim ? `<h2>Scenario: ${esc(sim.scenario.name)}</h2>
<table><thead><tr><th>Target</th><th>Peak shortfall p50 (p5–p95)</th><th>Months covered</th><th>Peak price</th><th>Value added at risk, M€</th><th>of GDP</th></tr></thead><tbody>
${blocTargets(d).map(([k, t]) => `<tr><td>${esc(k)}</td><td>${pc(t.peakShortfall.p50)} (${pc(t.peakShortfall.p5)}–${pc(t.peakShortfall.p95)})</td><td>${t.monthsCovered.p50.toFixed(1)}</td><td>+${pc(t.priceChange.p50)}</td><td>${t.valueAddedAtRisk ? t.valueAddedAtRisk.p50.toFixed(0) : "–"}</td><td>${esc(gdpShareText(t.gdp))}</td></tr>`).join("")}
</tbody></table><p class="src">${esc(sim.runs)} Monte Carlo runs, seed ${esc(sim.seed)}. ${esc(sourceLine(sim.markets.flatMap((m) => m.sources)))}</p>
${coverageLine("Scenario", sim.coverage)}` : ""}
${criticalityBlock(d)}
<h2>Recommended actions</h2>
<ol class="actions">${actions(d).map((a) => `<li>${esc(a)}</li>`).join("")}</ol>
${d.plan ? coverageLine("Plan", d.plan.coverage) : ""}
</section>
<section class="page">
<h2>Sources</h2>
<ul class="sources">${[...new Set(sources.map((s) => sourceLine([s]).replace(/^Source: /, "")))].map((s) => `<li>${esc(s)}</li>`).join("")}</ul>
<h2>Method notes</h2>
<ul class="method">
<li>HHI = Σ sᵢ² over country shares (0–1), reported ×10 000. Shares of world production from USGS Mineral Commodity Summaries; imports from Eurostat Comext (EU27, extra-EU), UN Comtrade (Japan-reported) and CEPII BACI where a reporter has no complete data of its own, EUR at the ECB annual average.</li>
<li>CRM Act (Regulation (EU) 2024/1252): no single third country above 65 % of supply at any stage.</li>
<li>Criticality: EU method (EC 2017 guidelines), critical when SR ≥ 1 and EI ≥ 2.8.</li>
${sim ? "<li>Scenario: monthly market model with rerouting, stockpiles and prices, p5/p50/p95 over Monte Carlo runs (docs/simulator.md).</li>" : ""}
${d.plan ? "<li>Plan: least-cost mix under the 65 % cap, solved with HiGHS (docs/planner.md).</li>" : ""}
${[...p.coverage.notes, ...d.notes].map((n) => `<li>${esc(n)}</li>`).join("")}
</ul>
<h2>Coverage: ${d.coverage.complete ? "complete" : "incomplete"}</h2>
<ul class="method">${d.coverageParts.map((c) => `<li><b>${esc(c.label)}</b>: ${c.coverage.complete ? "complete" : "incomplete"}${c.coverage.warnings.length ? ` — ${esc(clip(c.coverage.warnings, 4, 240))}` : ""}</li>`).join("")}</ul>
</section>
</body></html>`;
}

const STATUS = { critical: "critical", "not-critical": "not critical", undecided: "undecided", unassessed: "not assessable" } as const;
const srText = (c: BriefData["criticality"][number]) => (c.sr !== null ? c.sr.toFixed(2) : c.srRange ? `${c.srRange[0].toFixed(1)}–${c.srRange[1].toFixed(1)}` : "–");

/**
 * A figure block's coverage in one line: "complete", or "incomplete" with its first warnings (the
 * Coverage section on the last page lists them all).
 * @example coverageLine("JPN imports", { complete: false, warnings: ["comtrade-japan-imports is truncated …"] })
 */
export function coverageLine(label: string, c: Coverage, max = 1): string {
  return `<p class="cov${c.complete ? "" : " bad"}">Coverage (${esc(label)}): ${c.complete ? "complete" : "incomplete"}${c.warnings.length ? ` — ${esc(clip(c.warnings, max, 220))}` : ""}</p>`;
}

/** The first `max` warnings, each cut at `chars`, and how many more there are. */
function clip(ws: readonly string[], max: number, chars: number): string {
  const cut = ws.slice(0, max).map((x) => (x.length > chars ? `${x.slice(0, chars - 1)}…` : x));
  return cut.join("; ") + (ws.length > max ? ` (+${ws.length - max} more)` : "");
}

/** Under the key figures: which of them rest on incomplete data (each figure below says why). */
function keyCoverage(d: BriefData): string {
  const bad = d.coverageParts.filter((p) => !p.coverage.complete).map((p) => p.label);
  return `<p class="cov${bad.length ? " bad" : ""}">Coverage: ${bad.length ? `incomplete for ${esc(bad.join(", "))} (each figure says why; all warnings under Coverage)` : "complete"}</p>`;
}

/** The material's EU-method verdict(s) and the bloc's summary line with the materials it could not assess. */
function criticalityBlock(d: BriefData): string {
  const b = d.blocCriticality;
  if (!d.criticality.length && !b) return "";
  const rows = d.criticality.map((c) => `<li>${esc(c.name)}: SR ${srText(c)}, EI ${c.ei?.toFixed(2) ?? "–"} — <b>${STATUS[c.status]}</b>${c.statusReason && c.status !== "critical" ? ` (${esc(c.statusReason.length > 200 ? `${c.statusReason.slice(0, 197)}…` : c.statusReason)})` : ""}</li>`);
  return `<h2>Criticality for ${esc(d.bloc)} (EU method)</h2>
${rows.length ? `<ul class="crit">${rows.join("")}</ul>` : ""}
${b ? `<p class="summary">${esc(d.bloc)}, all materials: ${esc(b.summary.text)}.</p>${b.summary.unassessed.length ? `<p class="src">Not assessable: ${esc(b.summary.unassessed.map((u) => u.material).join(", "))}.</p>` : ""}` : ""}
${d.criticality.map((c) => coverageLine(`criticality, ${c.material}`, c.coverage)).join("\n")}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const CSS = `
@page { size: A4; margin: 14mm 14mm 16mm; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; color: #111827; font-size: 10.5pt; margin: 0; }
.page { break-after: page; }
.page:last-child { break-after: auto; }
.kicker { color: #6b7280; font-size: 9pt; margin: 0; }
h1 { font-size: 20pt; margin: 4pt 0; }
h2 { font-size: 12.5pt; margin: 12pt 0 4pt; }
.headline { font-size: 13pt; font-weight: 600; color: #1e3a8a; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6pt; }
.kpi { border: 1px solid #e5e7eb; border-radius: 4pt; padding: 5pt 7pt; }
.kpi span { display: block; font-size: 8pt; color: #6b7280; }
.kpi b { font-size: 12pt; }
svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #e5e7eb; padding: 3pt 5pt; text-align: left; }
.src, .sources, .method { color: #4b5563; font-size: 8.5pt; }
.actions li { margin-bottom: 4pt; }
.cov { color: #4b5563; font-size: 8pt; margin: 2pt 0 6pt; }
.cov.bad { color: #92400e; }
.crit { font-size: 9.5pt; margin: 2pt 0; }
.summary { font-weight: 600; margin: 4pt 0 2pt; }
`;
