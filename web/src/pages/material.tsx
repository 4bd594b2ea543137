import { useEffect, useState } from "react";
import * as Plot from "@observablehq/plot";
import type { Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json" with { type: "json" };
import { worldMapSvg } from "../../../src/report/map.ts";
import { sankeySvg } from "../../../src/report/sankey.ts";
import { mapInput, sankeyByUnit, type ExposureLike } from "../../../src/report/inputs.ts";
import { api, useApi } from "../api.ts";
import { BlocSwitch, Link, PlotFigure, Show, Sources, SvgFigure, href, pct } from "../ui.tsx";
import { navigate, setParams } from "../url.ts";

type Exposure = Omit<ExposureLike, "suppliers"> & {
  hhi: number; top: { country: string; share: number } | null; blocShare: number; restrictedShare: number;
  crma: { breached: boolean; country: string | null; share: number | null };
  suppliers: (ExposureLike["suppliers"][number] & { inBloc: boolean; restricted?: boolean })[];
  coverage: { years: number[]; notes: string[] };
  /** the bloc's members as the server resolved them (GET /api/blocs lists the named blocs) */
  blocMembers: string[];
};
type Material = { id: string; name: string; stages: string[]; default_stage: string | null };


/** Material: world map of production shares, Sankey of imports, supplier table, trend. */
export function MaterialPage({ id, params }: { id: string; params: URLSearchParams }) {
  const bloc = params.get("bloc") ?? "ALLIANCE";
  const mats = useApi<{ materials: Material[] }>("/api/materials");
  const m = mats.state === "ok" ? mats.data.materials.find((x) => x.id === id) : undefined;
  const stage = params.get("stage") ?? m?.default_stage ?? m?.stages[0] ?? "";
  const prod = useApi<Exposure>(m ? `/api/exposure?material=${id}&bloc=${bloc}&basis=production${stage ? `&stage=${stage}` : ""}` : null);
  const flows = useSourcing(m);
  const trend = useTrend(prod.state === "ok" ? prod.data : null, bloc);
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
      </div>
      {mats.state === "ok" && !m ? <p className="error" role="alert">Unknown material '{id}'.</p> : null}
      <Show value={prod} what="exposure">
        {(e) => (
          <>
            <ul className="kpis">
              <li><span>Top producer</span><b>{e.top ? `${e.top.country} ${pct(e.top.share)}` : "–"}</b></li>
              <li><span>HHI</span><b>{Math.round(e.hhi * 10000)}</b></li>
              <li><span>{bloc}'s own share</span><b>{pct(e.blocShare)}</b></li>
              <li><span>From countries with export restrictions</span><b>{pct(e.restrictedShare)}</b></li>
              <li><span>CRM Act 65 % line</span><b className={e.crma.breached ? "bad" : "good"}>{e.crma.breached ? `breached (${e.crma.country})` : "not breached"}</b></li>
            </ul>
            <div className="cols">
              <section aria-labelledby="map-h">
                <h2 id="map-h">Who produces it ({e.stage}, {e.year})</h2>
                <SvgFigure label="World map of production shares" svg={worldMapSvg(world as unknown as Topology, { ...mapInput(e, e.blocMembers), width: 640 })} />
              </section>
              <section aria-labelledby="sup-h">
                <h2 id="sup-h">Suppliers</h2>
                <table>
                  <thead><tr><th>Country</th><th className="num">Share</th><th className="num">Amount</th><th>Note</th></tr></thead>
                  <tbody>
                    {e.suppliers.slice(0, 12).map((s) => (
                      <tr key={s.country}><td>{s.name ?? s.country}</td><td className="num">{pct(s.share)}</td><td className="num">{Math.round(s.amount).toLocaleString("en")} {s.unit}</td><td>{s.inBloc ? "in bloc" : ""}{s.restricted ? " export restriction on record" : ""}</td></tr>
                    ))}
                  </tbody>
                </table>
                <Sources sources={e.sources} />
                {e.coverage.notes.length ? <ul className="notes">{e.coverage.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
              </section>
            </div>
          </>
        )}
      </Show>
      <div className="cols">
        <section aria-labelledby="sankey-h">
          <h2 id="sankey-h">Imports of EU27 and Japan by supplier and stage</h2>
          {flows === null ? <p className="loading" role="status">Loading trade flows…</p> : flows.flows.length === 0 ? <p className="note">No import data for this material in the store.</p> : (
            <SvgFigure label="Sankey of imports" svg={sankeySvg({ title: `${m?.name ?? id}: imports by supplier`, flows: flows.flows, unit: flows.unit, sources: flows.sources, width: 640 })} />
          )}
          {flows?.notes.length ? <ul className="notes" aria-label="Imports not shown">{flows.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
        </section>
        <section aria-labelledby="trend-h">
          <h2 id="trend-h">Trend: concentration over the years loaded</h2>
          {trend === null ? <p className="loading" role="status">Loading years…</p> : trend.length < 2 ? <p className="note">Only one year loaded.</p> : (
            <>
              <PlotFigure label="Top producer share and HHI by year" deps={[trend]} make={() => Plot.plot({
                width: 620, height: 280, marginLeft: 48, y: { domain: [0, 1], label: "share / HHI (0–1)", grid: true }, x: { ticks: trend.map((t) => t.year), tickFormat: "d", label: "year" }, color: { legend: true },
                marks: [
                  Plot.lineY(trend.flatMap((t) => [{ year: t.year, v: t.top, k: "top producer share" }, { year: t.year, v: t.hhi, k: "HHI" }]), { x: "year", y: "v", stroke: "k", marker: "circle", tip: true }),
                  Plot.ruleY([0.65], { stroke: "#b91c1c", strokeDasharray: "4 3" }),
                ],
              })} />
              <Sources sources={trend.flatMap((t) => t.sources)} />
            </>
          )}
        </section>
      </div>
      <p><Link to={href("/scenario", { material: id, actor: prod.state === "ok" ? prod.data.top?.country : undefined, targets: bloc, stage })}>Simulate a cut-off by the top producer →</Link>{"  "}<Link to={href("/plan", { material: id, bloc, stage })}>Plan diversification →</Link></p>
    </>
  );
}

function useSourcing(m: Material | undefined) {
  const [v, setV] = useState<ReturnType<typeof sankeyByUnit> | null>(null);
  useEffect(() => {
    if (!m) return;
    setV(null);
    const asked = ["EU27", "JPN"].flatMap((b) => m.stages.map((s) => ({ label: `${b} ${s}`, path: `/api/exposure?material=${m.id}&bloc=${b}&stage=${s}&basis=sourcing` })));
    Promise.allSettled(asked.map((a) => api<ExposureLike>(a.path))).then((rs) => {
      const ok = rs.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      // A bloc or stage without data is said, never dropped silently (Japan's gallium: no import data).
      const missing = rs.flatMap((r, i) => (r.status === "rejected" ? [{ label: asked[i].label, reason: (r.reason as Error).message }] : []));
      setV(sankeyByUnit(ok, missing));
    });
  }, [m]);
  return v;
}

function useTrend(e: Exposure | null, bloc: string) {
  const [v, setV] = useState<{ year: number; top: number; hhi: number; sources: ExposureLike["sources"] }[] | null>(null);
  useEffect(() => {
    if (!e) return;
    setV(null);
    Promise.allSettled(e.coverage.years.map((y) => api<Exposure>(`/api/exposure?material=${e.material}&bloc=${bloc}&stage=${e.stage}&basis=production&year=${y}`))).then((rs) =>
      setV(rs.flatMap((r) => (r.status === "fulfilled" && r.value.top ? [{ year: r.value.year, top: r.value.top.share, hhi: r.value.hhi, sources: r.value.sources }] : [])).sort((a, b) => a.year - b.year)),
    );
  }, [e, bloc]);
  return v;
}
