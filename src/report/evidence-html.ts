import type { TariffExposure } from "../tariffs/exposure.ts";
import { CSS } from "./brief-html.ts";
import type { EvidenceData, RestrictionEvidence } from "./evidence.ts";
import { esc, sourceLine } from "./svg.ts";
import { timelineChartInput, timelineMarkList, timelineSvg } from "./tariff-timeline-chart.ts";

const pc = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? "–" : `${(x * 100).toFixed(d)} %`);
const usd = (v: number | null | undefined) => (v === null || v === undefined ? "–" : Math.abs(v) >= 1e9 ? `USD ${(v / 1e9).toFixed(2)} bn` : `USD ${(v / 1e6).toFixed(1)} m`);

/**
 * The evidence pack as one self-contained A4 HTML document: summary and timeline; one page of US
 * measures per exporter; export restrictions on the bloc's imports; coverage, method and sources.
 * Every table row names its legal instrument and its data source.
 * @example writeFileSync("pack.html", evidenceHtml(await evidenceData(store, { bloc: "ALLIANCE" })));
 */
export function evidenceHtml(d: EvidenceData): string {
  const title = `Coercion of ${d.bloc}'s trade: evidence pack for WTO/G7 reform`;
  const kpi = (label: string, value: string) => `<div class="kpi"><span>${esc(label)}</span><b>${esc(value)}</b></div>`;
  const headline = d.tariffs.map((t) => `${t.exporter}: ${pc(t.effectiveRate)} effective US tariff on 2024 exports of ${usd(t.tradeValue)} (2024 duty paid: ${pc(t.baselineRate)})`).join("; ");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}${EXTRA_CSS}</style></head><body>
<section class="page">
<p class="kicker">chokepoint evidence pack · ${esc(d.date)} · ${esc(d.bloc)}</p>
<h1>${esc(title)}</h1>
<p class="headline">${esc(headline)}.</p>
<div class="kpis">
${d.tariffs.map((t) => [
    kpi(`${t.exporter}: US duty at ${t.date} (2024 volumes)`, `${usd(t.duty)} (${pc(t.effectiveRate)})`),
    kpi(`${t.exporter}: added over 2024 duty paid`, usd(t.addedDuty)),
    kpi(`${t.exporter}: modelled change in US sales`, t.effect ? `${pc(t.effect.changeShare.p50)} (${pc(t.effect.changeShare.p5)} to ${pc(t.effect.changeShare.p95)})` : "–"),
  ].join("")).join("\n")}
${kpi("Export restrictions on record on materials imported", String(d.restrictions.length))}
</div>
<h2>Effective US tariff rate, 2024 → ${esc(d.date)}</h2>
${timelineSvg({ ...timelineChartInput(d.timeline), width: 680 })}
<p class="src">Step series at every date a modelled measure starts or ends; 2024 US imports for consumption as weights. Numbered dates:
${timelineMarkList(d.timeline).map((m) => `<b>${m.n}</b> ${esc(m.date)} ${esc(m.text)}`).join(" · ")}.</p>
</section>
${d.tariffs.map(tariffPage).join("\n")}
<section class="page">
<h2>US measures on record, 2025–2026 (in force on ${esc(d.date)} or not)</h2>
<table class="ev"><thead><tr><th>Measure</th><th>Legal instrument</th><th>Federal Register</th><th>Signed · effective · end</th><th>Modelled</th><th>Provenance</th></tr></thead><tbody>
${d.measuresOnRecord.map((m) => `<tr><td>${esc(m.id)}<br><small>${esc(m.authority)}</small></td><td>${esc(m.instrument)}</td><td>${esc(m.federalRegister ?? "not found in stored pages")}</td><td>${esc(m.signed ?? "not verified")} · ${esc(m.effective)}${m.end ? ` · ${esc(m.end)}` : ""}</td><td>${m.modelled ? "yes" : "no"}</td><td><small>${esc(m.sources.join("; "))}</small></td></tr>`).join("\n")}
</tbody></table>
</section>
<section class="page">
<h2>Export restrictions on materials ${esc(d.bloc)} imports (in force by ${esc(d.date)})</h2>
<table class="ev"><thead><tr><th>Country · material</th><th>Measure</th><th>Legal instrument</th><th>Dates</th><th>Trade covered (imports from the country)</th><th>Provenance</th></tr></thead><tbody>
${d.restrictions.map(restrictionRow).join("\n")}
</tbody></table>
<p class="src">Restrictions: table export_restrictions of the chokepoint store (official notices). Trade covered: the importer's imports of the material from the restricting country in the latest year on record (chokepoint exposure, sourcing basis); the share is of the importer's imports of that material.</p>
</section>
<section class="page">
<h2>Coverage: what is unverified or approximated</h2>
${d.tariffs.map((t) => `<h3>${esc(t.exporter)} (${t.coverage.complete ? "complete" : "incomplete"})</h3><ul class="method">${t.coverage.warnings.map((w) => `<li>${esc(w)}</li>`).join("")}</ul>`).join("\n")}
<h2>Method</h2>
<ul class="method">
<li>Duty at constant volume: each HS10 line's 2024 customs value × the rate in force on the date; rate = the line's 2024 duty paid / customs value (its base) plus each measure's rule (additive; all-in floors such as the Japan and EU 15 %, topping the base up to the floor); Section 232 duties exclude the IEEPA, Section 122 and Section 301 layers on the same line, as the instruments state (docs/tariffs.md).</li>
<li>Modelled effect: SMART-style partial equilibrium per HS6 product (CES import demand, Armington substitution between the 51 Census partners, full pass-through), p5/p50/p95 over ${d.tariffs[0]?.effect?.runs ?? "–"} Monte Carlo draws of the elasticities. Per measure, the exporter's p50 change is allocated pro rata to the duty each measure adds.</li>
${(d.tariffs[0]?.effect?.parameters ?? []).map((p) => `<li>${esc(p.symbol)} ${esc(p.name)}: ${p.low}–${p.high}, mode ${p.mode}. ${esc(p.source)}</li>`).join("")}
</ul>
<h2>Sources</h2>
<ul class="sources">${d.sources.map((s) => `<li>${esc(sourceLine([s]).replace(/^Source: /, ""))}</li>`).join("")}</ul>
</section>
</body></html>`;
}

function tariffPage(t: TariffExposure): string {
  const added = t.measures.reduce((s, m) => s + m.dutyAdded, 0);
  const eff = (m: TariffExposure["measures"][number]) => (t.effect && added > 0 && m.modelled ? usd((t.effect.change.p50 * m.dutyAdded) / added) : m.modelled ? "–" : "not modelled");
  return `<section class="page">
<h2>US measures on ${esc(t.exporter)}'s exports in force on ${esc(t.date)}</h2>
<p>${esc(t.exporter)}'s 2024 US sales ${usd(t.tradeValue)}; duty at constant volume ${usd(t.duty)} (${pc(t.effectiveRate, 2)}) against ${usd(t.baselineDuty)} paid in 2024 (${pc(t.baselineRate, 2)}).${t.effect ? ` Modelled change in US sales: ${usd(t.effect.change.p50)} (p5 ${usd(t.effect.change.p5)}, p95 ${usd(t.effect.change.p95)}).` : ""}</p>
<table class="ev"><thead><tr><th>Measure</th><th>Legal instrument</th><th>Dates</th><th>Trade covered (2024)</th><th>Duty added</th><th>Modelled effect on sales (p50)</th><th>Provenance</th></tr></thead><tbody>
${t.measures.map((m) => `<tr><td>${esc(m.id)}<br><small>${esc(m.authority)}</small></td><td>${esc(m.instrument)}${m.federalRegister ? `<br><small>${esc(m.federalRegister)}</small>` : ""}</td><td>signed ${esc(m.signed ?? "not verified")}; effective ${esc(m.effective)}${m.end ? `; ${esc(m.end)}` : ""}</td><td>${usd(m.tradeValue)}</td><td>${m.modelled ? usd(m.dutyAdded) : "not modelled"}</td><td>${eff(m)}</td><td><small>${esc(m.sources[0])}; trade: US Census 2024</small></td></tr>`).join("\n")}
</tbody></table>
<h3>Products carrying the duty (HS4, 2024 values)</h3>
<table class="ev"><thead><tr><th>HS4</th><th>Product</th><th>2024 value</th><th>2024 rate</th><th>Rate on ${esc(t.date)}</th><th>Provenance</th></tr></thead><tbody>
${t.byProduct.slice(0, 12).map((p) => `<tr><td>${esc(p.hs)}</td><td>${esc((p.description ?? "").slice(0, 70))}</td><td>${usd(p.tradeValue)}</td><td>${pc(p.baselineRate)}</td><td>${pc(p.rate)}</td><td><small>US Census 2024; measures as above</small></td></tr>`).join("\n")}
</tbody></table>
</section>`;
}

function restrictionRow(r: RestrictionEvidence): string {
  const extra = Object.entries(r.extra).map(([k, v]) => `${k}: ${v}`).join("; ");
  const cov = r.covered.map((c) => (c.amount === null ? `${c.importer}: – (${c.note})` : `${c.importer} ${c.year}: ${c.unit === "USD" || c.unit === "EUR" ? `${c.unit} ${(c.amount / 1e6).toFixed(1)} m` : `${c.amount.toFixed(0)} ${c.unit}`} (${pc(c.share)})${c.note ? ` — ${c.note}` : ""}`)).join("<br>");
  const prov = [...new Set(r.covered.map((c) => c.source).filter((s) => s !== "—"))].join("; ");
  return `<tr><td>${esc(r.country)} · ${esc(r.material)}</td><td>${esc(r.measure)}${extra ? `<br><small>${esc(extra)}</small>` : ""}</td><td>${esc(r.instrument)}${r.url ? `<br><small>${esc(r.url)}</small>` : ""}</td><td>${esc(r.startDate ?? "–")}${r.endDate ? ` → ${esc(r.endDate)}` : ""}</td><td>${cov}</td><td><small>export_restrictions (store)${prov ? `; ${esc(prov)}` : ""}</small></td></tr>`;
}

const EXTRA_CSS = `
table.ev { font-size: 8pt; }
table.ev td, table.ev th { vertical-align: top; }
h3 { font-size: 10.5pt; margin: 8pt 0 3pt; }
small { color: #4b5563; }
`;
