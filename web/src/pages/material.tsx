import { useEffect, useState } from "react";
import * as Plot from "@observablehq/plot";
import type { Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json" with { type: "json" };
import { worldMapSvg } from "../../../src/report/map.ts";
import { sankeySvg } from "../../../src/report/sankey.ts";
import { mapInput, sankeyByUnit, type ExposureLike } from "../../../src/report/inputs.ts";
import { ApiError, api, useApi } from "../api.ts";
import { Chart } from "../components/figure.tsx";
import { Absent, NotFound, plain } from "../components/status.tsx";
import { shortName } from "../countries.ts";
import { BlocSwitch, Link, Show, Sources, blocName, href, pct } from "../ui.tsx";
import { navigate, setParams } from "../url.ts";
import { PartnersPanel } from "./material-partners.tsx";
import { coverageWarnings, useYears, type Exposure, type YearPoint } from "./material-trend.ts";
import { materialPaths, pageStage, type Material } from "./material-data.ts";

const COLORS = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed"];

/** Material: who produces it and where the bloc buys it, side by side, with trends, the Sankey and a briefing. */
export function MaterialPage({ id, params }: { id: string; params: URLSearchParams }) {
  const bloc = params.get("bloc") ?? "ALLIANCE";
  const mats = useApi<{ materials: Material[] }>("/api/materials");
  const m = mats.state === "ok" ? mats.data.materials.find((x) => x.id === id) : undefined;
  const stage = pageStage(m, params.get("stage"));
  const paths = m ? materialPaths(m, bloc, stage) : null;
  const prod = useApi<Exposure>(paths?.production ?? null);
  const src = useApi<Exposure>(paths?.sourcing ?? null);
  if (mats.state === "error") return <Show value={mats} what="material catalogue">{() => null}</Show>;
  if (mats.state === "ok" && !m) return <NotFound what={`There is no material '${id}' in the catalogue.`} hint={<>Pick one: {mats.data.materials.slice(0, 8).map((x) => <span key={x.id}><Link to={href(`/material/${x.id}`, { bloc })}>{x.name}</Link>, </span>)}…</>} />;
  return (
    <>
      <div className="title-row">
        <h1>{m?.name ?? id}</h1>
        <label className="select">Material{" "}
          <select value={id} onChange={(e) => navigate(`/material/${e.target.value}`, { bloc })}>
            {mats.state === "ok" ? mats.data.materials.map((x) => <option key={x.id} value={x.id}>{x.name}</option>) : <option>{id}</option>}
          </select>
        </label>
        {m && m.stages.length > 1 ? (
          <div className="switch" role="radiogroup" aria-label="Stage">
            {m.stages.map((s) => <button key={s} role="radio" aria-checked={s === stage} className={s === stage ? "on" : ""} onClick={() => setParams({ stage: s }, false)}>{s}</button>)}
          </div>
        ) : null}
        <BlocSwitch bloc={bloc} />
        <a className="button" href={`/api/brief?material=${encodeURIComponent(id)}&bloc=${encodeURIComponent(bloc)}`} download>Download briefing (PDF)</a>
      </div>
      {noData(prod) ? null : <Show value={prod} what="world production">
        {(e) => (
          <ul className="kpis">
            <li><span>Top producer</span><b>{e.top ? `${nameOf(e, e.top.country)} ${pct(e.top.share)}` : "–"}</b></li>
            <li><span>Concentration (HHI)</span><b>{Math.round(e.hhi * 10000)}</b></li>
            <li><span>{blocName(bloc)}'s own share of production</span><b>{pct(e.blocShare)}</b></li>
            <li><span>From countries with export restrictions</span><b>{pct(e.restrictedShare)}</b></li>
            <li><span>CRM Act 65 % line (production)</span><b className={e.crma.breached ? "bad" : "good"}>{e.crma.breached ? `breached (${nameOf(e, e.crma.country)})` : "not breached"}</b></li>
          </ul>
        )}
      </Show>}
      <div className="cols">
        <section aria-labelledby="prod-h">
          <h2 id="prod-h">Who produces it</h2>
          {noData(prod) ? (
            <Absent title="No world production figures for this material." details={plain((prod as { error: Error }).error.message).details}>
              <p>{plain((prod as { error: Error }).error.message).text}</p>
              <p className="note">Where {blocName(bloc)} buys it (imports by partner) still shows who it depends on.</p>
            </Absent>
          ) : <Show value={prod} what="world production">
            {(e) => (
              <>
                <p className="note">{e.stage}, {e.year}; {blocName(bloc)} outlined on the map.</p>
                <Chart label={`World production of ${e.material}, ${e.year}`} maxWidth={640} deps={[e, bloc]} rows={supplierRows(e)} svg={(w) => worldMapSvg(world as unknown as Topology, { ...mapInput(e, e.blocMembers ?? []), width: w })} />
                <SupplierTable e={e} label="Producer" />
                <ShareTrend base={e} basis="production" title="Top producer's share of world production" />
              </>
            )}
          </Show>}
        </section>
        <section aria-labelledby="src-h">
          <h2 id="src-h">Where {blocName(bloc)} buys it</h2>
          {src.state === "loading" ? <p className="loading" role="status">Loading imports…</p> : src.state === "error" ? (
            <Absent title={`No import figures for ${blocName(bloc)} on this material.`} details={plain(src.error.message).details}>
              <p>{plain(src.error.message).text}</p>
              <p className="note">Production shares (left) still show who could cut supply.</p>
            </Absent>
          ) : (
            <>
              <p className="note">Imports by partner, {src.data.year} ({src.data.suppliers[0]?.unit ?? ""}).</p>
              {coverageWarnings(src.data).length ? <ul className="warnings" aria-label="Coverage warnings">{coverageWarnings(src.data).map((w) => <li key={w}>⚠ {w}</li>)}</ul> : null}
              <SupplierTable e={src.data} label="Partner" sourcing />
              <ShareTrend base={src.data} basis="sourcing" title={`Partners' shares of ${blocName(bloc)}'s imports`} />
            </>
          )}
        </section>
      </div>
      {m ? <PartnersPanel material={m.id} bloc={bloc} stage={stage} /> : null}
      <HhiTrend prod={prod.state === "ok" ? prod.data : null} src={src.state === "ok" ? src.data : null} bloc={bloc} />
      <SankeySection m={m} />
      <p><Link to={href("/scenario", { material: id, actor: prod.state === "ok" ? prod.data.top?.country : undefined, targets: bloc, stage })}>Simulate a cut-off by the top producer →</Link>{"  "}<Link to={href("/plan", { material: id, bloc, stage })}>Plan diversification →</Link></p>
    </>
  );
}

/** A 404 "no_data" answer: data absent, explained rather than shown as an error. */
const noData = (v: { state: string; error?: unknown }) => v.state === "error" && v.error instanceof ApiError && v.error.code === "no_data";
const nameOf = (e: Exposure, c: string | null) => (c ? shortName(e.suppliers.find((s) => s.country === c)?.name ?? c) : "–");
const supplierRows = (e: Exposure) => e.suppliers.map((s) => ({ year: e.year, basis: e.basis, country: s.country, name: shortName(s.name ?? s.country), share: s.share, amount: s.amount, unit: s.unit }));

function SupplierTable({ e, label, sourcing }: { e: Exposure; label: string; sourcing?: boolean }) {
  return (
    <>
      <table className={sourcing ? "sourcing-table" : "production-table"}>
        <thead><tr><th>{label}</th><th className="num">Share</th><th className="num">Amount</th><th>Note</th></tr></thead>
        <tbody>
          {e.suppliers.slice(0, 10).map((s) => (
            <tr key={s.country}><td>{shortName(s.name ?? s.country)}</td><td className="num">{pct(s.share)}</td><td className="num">{s.unit === "USD" ? `$${short(s.amount)}` : `${Math.round(s.amount).toLocaleString("en")} ${s.unit}`}</td><td>{s.inBloc ? "in bloc" : ""}{s.restricted ? " export restriction on record" : ""}{s.share > 0.65 && !s.inBloc && !s.aggregate ? " above 65 %" : ""}</td></tr>
          ))}
        </tbody>
      </table>
      <Sources sources={e.sources} details={e.coverage.notes ?? []} />
    </>
  );
}

const short = (v: number) => (v >= 1e9 ? `${(v / 1e9).toFixed(2)} bn` : v >= 1e6 ? `${(v / 1e6).toFixed(1)} m` : `${Math.round(v / 1e3)} k`);

/** Shares by year, at most five series, with the CRM Act's 65 % line labelled. */
function ShareTrend({ base, basis, title }: { base: Exposure; basis: "production" | "sourcing"; title: string }) {
  const t = useYears(base, basis);
  if (!t) return <p className="loading" role="status">Loading years…</p>;
  if (t.points.length < 2) return <p className="note">Only {t.points[0]?.year ?? "one year"} loaded: no trend.</p>;
  const partners = basis === "production" ? [base.top?.country].filter(Boolean) as string[] : base.suppliers.filter((s) => !s.aggregate).slice(0, 4).map((s) => s.country);
  const rows = t.points.flatMap((p: YearPoint) => partners.map((c) => ({ year: p.year, country: c, name: nameOf(base, c), share: p.e.suppliers.find((s) => s.country === c)?.share ?? 0 })));
  const names = partners.map((c) => nameOf(base, c));
  const gaps = t.points.flatMap((p) => coverageWarnings(p.e).map((w) => `${p.year}: ${w}`));
  return (
    <>
      <h3>{title}, {t.points[0].year}–{t.points.at(-1)!.year}</h3>
      <Chart label={`${title} by year`} maxWidth={620} deps={[t]} rows={rows} plot={(w) => Plot.plot({
        width: w, height: 240, marginLeft: 44, marginRight: 20, style: { fontSize: "12px" },
        y: { domain: [0, 1], tickFormat: "%", label: "share", grid: true }, x: { ticks: t.points.map((p) => p.year), tickFormat: "d", label: null },
        color: { legend: true, domain: names, range: COLORS },
        marks: [
          Plot.ruleY([0.65], { stroke: "#b91c1c", strokeDasharray: "4 3" }),
          Plot.text([0.65], { x: t.points[0].year, y: (d) => d, text: () => "CRM Act 65 %", dy: -7, textAnchor: "start", fill: "#b91c1c", fontSize: 11 }),
          Plot.lineY(rows, { x: "year", y: "share", stroke: "name", marker: "circle", tip: true }),
        ],
      })} />
      {gaps.length || t.failed.length ? <ul className="warnings" aria-label="Coverage warnings">{[...gaps, ...t.failed.map((y) => `${y}: no figures`)].map((w) => <li key={w}>⚠ {w}</li>)}</ul> : null}
    </>
  );
}

/** HHI by year on its own axis (0–10 000): world production and the bloc's imports. */
function HhiTrend({ prod, src, bloc }: { prod: Exposure | null; src: Exposure | null; bloc: string }) {
  const p = useYears(prod, "production");
  const s = useYears(src, "sourcing");
  const rows = [
    ...(p?.points ?? []).map((x) => ({ year: x.year, series: "world production", hhi: Math.round(x.e.hhi * 10000) })),
    ...(s?.points ?? []).map((x) => ({ year: x.year, series: `${blocName(bloc)} imports`, hhi: Math.round(x.e.hhi * 10000) })),
  ];
  if (rows.length < 2) return null;
  return (
    <section aria-labelledby="hhi-h">
      <h2 id="hhi-h">Concentration (HHI) by year</h2>
      <Chart label="Concentration by year" maxWidth={900} deps={[p, s]} rows={rows} plot={(w) => Plot.plot({
        width: w, height: 220, marginLeft: 52, style: { fontSize: "12px" },
        y: { domain: [0, 10000], label: "HHI (0–10 000)", grid: true }, x: { ticks: [...new Set(rows.map((r) => r.year))], tickFormat: "d", label: null },
        color: { legend: true, range: COLORS },
        marks: [Plot.ruleY([2500], { stroke: "#9ca3af", strokeDasharray: "2 3" }), Plot.text([2500], { x: Math.min(...rows.map((r) => r.year)), y: (d) => d, text: () => "2 500: highly concentrated", dy: -7, textAnchor: "start", fill: "#6b7280", fontSize: 11 }), Plot.lineY(rows, { x: "year", y: "hhi", stroke: "series", marker: "circle", tip: true })],
      })} />
    </section>
  );
}

function SankeySection({ m }: { m: Material | undefined }) {
  const [v, setV] = useState<ReturnType<typeof sankeyByUnit> | null>(null);
  useEffect(() => {
    if (!m) return;
    let live = true;
    setV(null);
    const asked = materialPaths(m, "EU27", "").sankey;
    Promise.allSettled(asked.map((a) => api<ExposureLike>(a.path))).then((rs) => {
      if (!live) return;
      const ok = rs.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const missing = rs.flatMap((r, i) => (r.status === "rejected" ? [{ label: asked[i].label, reason: plain((r.reason as Error).message).text }] : []));
      setV(sankeyByUnit(ok, missing));
    });
    return () => {
      live = false;
    };
  }, [m]);
  if (!m) return null;
  return (
    <section aria-labelledby="sankey-h">
      <h2 id="sankey-h">Imports of the EU27 and Japan by supplier and stage{v?.year ? `, ${v.year}, ${v.unit}` : ""}</h2>
      {v === null ? <p className="loading" role="status">Loading trade flows…</p> : v.flows.length === 0 ? <p className="note">No import figures for this material are loaded.</p> : (
        <Chart label={`${m.name} imports by supplier ${v.year ?? ""}`} maxWidth={900} deps={[v]} rows={v.flows.map((f) => ({ year: v.year, unit: v.unit, supplier: f.supplier, name: f.name ?? f.supplier, stage: f.stage, bloc: f.bloc, value: f.value }))} svg={(w) => sankeySvg({ title: `${m.name}: imports by supplier, ${v.year}, ${v.unit}`, flows: v.flows.map((f) => ({ ...f, name: f.name ? shortName(f.name) : f.name })), unit: v.unit, sources: v.sources, width: w })} />
      )}
      {v?.notes.length ? <ul className="notes" aria-label="Imports not shown">{v.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
    </section>
  );
}
