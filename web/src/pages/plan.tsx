import { useEffect, useState } from "react";
import * as Plot from "@observablehq/plot";
import { ApiError, api } from "../api.ts";
import { Chart } from "../components/figure.tsx";
import { DataDetails, ErrorBox, plain } from "../components/status.tsx";
import { useCountryNames } from "../countries.ts";
import { BlocSwitch, Sources, blocName, pct, type SourceRef } from "../ui.tsx";
import { setParams } from "../url.ts";

type Report = {
  material: string; stage: string; bloc: string; year: number;
  plan: { suppliers: { country: string; share: number; inBloc: boolean; newCapacity: number }[]; cost: number; stockpileDays: number; risk: { topThirdCountry: { country: string; share: number } | null }; binding: string[] };
  current: { suppliers: { country: string; share: number }[]; cost: number; basis: string; versusPlan: { measure: "value" | "quantity"; rows: { country: string; today: number; plan: number }[] } | null } | null;
  comparison?: { jointCost: number; separateCost: number | null; dividend: number | null; gainsMost: string | null; method: string };
  units: { cost: string; volume: string };
  feasibility?: { feasible: boolean; reason?: string; requested: { maxShare: number; minTrusted: number }; change?: { field: "maxShare" | "minTrusted" | "demand"; from: number; to: number; meaning: string }[]; additionalCapacity?: { tonnesPerYear: number; meaning: string } };
  sources: SourceRef[];
  notes: string[];
};
type Problem = { code: string; path: (string | number)[]; message: string; value?: unknown };

/** The page opens on a plan that exists: cobalt for the alliance at the CRM Act's 65 % (gallium at 65 % has none). */
export const PLAN_DEFAULT = { material: "cobalt", maxShare: 0.65 };

/** What each relaxation means for people, and which request field it sets. */
const RELAX: Record<string, { field: string; label: (v: number) => string; binding: string }> = {
  max_share: { field: "maxShare", label: (v) => `Allow up to ${pct(v)} from one third country`, binding: "the cap on any single third country's share" },
  min_trusted: { field: "minTrusted", label: (v) => `Require only ${pct(v)} from trusted suppliers`, binding: "the minimum share from trusted suppliers" },
  demand: { field: "", label: (v) => `Only ${pct(v)} of demand can be met`, binding: "total supply available to the bloc" },
};

/** Plan: the recommended mix against today's, the 65 % line, the coordination dividend; an infeasible request offers its relaxation. */
export function PlanPage({ params }: { params: URLSearchParams }) {
  const material = params.get("material") ?? PLAN_DEFAULT.material;
  const bloc = params.get("bloc") ?? "ALLIANCE";
  const maxShare = Number(params.get("maxShare") ?? PLAN_DEFAULT.maxShare);
  const minTrusted = params.get("minTrusted") ? Number(params.get("minTrusted")) : undefined;
  const stage = params.get("stage") ?? undefined;
  const name = useCountryNames();
  const [state, setState] = useState<{ r?: Report; error?: Error; busy: boolean }>({ busy: true });
  useEffect(() => {
    let live = true;
    setState({ busy: true });
    api<Report>("/api/plan", { material, bloc, maxShare, compareSeparate: bloc === "ALLIANCE", ...(minTrusted !== undefined ? { minTrusted } : {}), ...(stage ? { stage } : {}) }).then(
      (r) => live && setState({ r, busy: false }),
      (e) => live && setState({ error: e as Error, busy: false }),
    );
    return () => {
      live = false;
    };
  }, [material, bloc, maxShare, minTrusted, stage]);
  const r = state.r;
  const problems: Problem[] = state.error instanceof ApiError ? (state.error.problems as Problem[]) : [];
  return (
    <>
      <div className="title-row">
        <h1>Plan — {material}</h1>
        <label className="select">Material <input key={material} defaultValue={material} onKeyDown={(e) => e.key === "Enter" && setParams({ material: (e.target as HTMLInputElement).value }, false)} aria-label="Material id (Enter to apply)" /></label>
        <label className="select">Max share of one third country <input key={maxShare} type="number" step="0.05" min="0.1" max="1" defaultValue={maxShare} onChange={(e) => setParams({ maxShare: e.target.value })} /></label>
        <BlocSwitch bloc={bloc} />
      </div>
      {state.busy ? <p className="loading" role="status">Optimising…</p> : null}
      {state.error && state.error instanceof ApiError && state.error.code === "infeasible" ? (
        <div className="infeasible" role="alert">
          <p><b>No plan meets these limits for {blocName(bloc)}.</b> {problems.filter((p) => RELAX[p.code] && p.code !== "demand").length ? <>Binding: {problems.filter((p) => RELAX[p.code]).map((p) => RELAX[p.code].binding).join("; ")}.</> : plain(state.error.message).text}</p>
          <p className="relaxations">
            {problems.filter((p) => RELAX[p.code]?.field && typeof p.value === "number").map((p) => (
              <button key={p.code} type="button" className="primary" onClick={() => setParams({ [RELAX[p.code].field]: String(p.value) }, false)}>{RELAX[p.code].label(p.value as number)} ({p.value as number})</button>
            ))}
            {problems.filter((p) => p.code === "demand" && typeof p.value === "number").map((p) => <span key="d" className="note"> {RELAX.demand.label(p.value as number)}.</span>)}
          </p>
          <DataDetails items={[state.error.message]} />
        </div>
      ) : state.error ? <ErrorBox error={state.error} what="No plan" /> : null}
      {r?.feasibility && !r.feasibility.feasible ? (
        <div className="infeasible" role="alert">
          <p><b>No plan meets the request as asked for {blocName(bloc)}.</b> Binding: {(r.feasibility.change ?? []).map((c) => RELAX[c.field === "maxShare" ? "max_share" : c.field === "minTrusted" ? "min_trusted" : "demand"].binding).join("; ") || "the limits together"}. Shown below: the plan under the smallest change that works.</p>
          <p className="relaxations">
            {(r.feasibility.change ?? []).filter((c) => c.field !== "demand").map((c) => (
              <button key={c.field} type="button" className="primary" onClick={() => setParams({ [c.field]: String(c.to) }, false)}>{RELAX[c.field === "maxShare" ? "max_share" : "min_trusted"].label(c.to)} ({c.to})</button>
            ))}
            {(r.feasibility.change ?? []).filter((c) => c.field === "demand").map((c) => <span key="d" className="note"> {RELAX.demand.label(c.to)}.</span>)}
          </p>
          {r.feasibility.additionalCapacity ? <p className="note">{r.feasibility.additionalCapacity.meaning}</p> : null}
        </div>
      ) : null}
      {r ? (
        <>
          <ul className="kpis">
            <li><span>Annual cost</span><b>{r.plan.cost.toLocaleString("en", { maximumFractionDigits: 0 })} {r.units.cost}</b></li>
            <li><span>Stockpile</span><b>{r.plan.stockpileDays.toFixed(0)} days</b></li>
            <li><span>Largest third country</span><b>{r.plan.risk.topThirdCountry ? `${name(r.plan.risk.topThirdCountry.country)} ${pct(r.plan.risk.topThirdCountry.share)}` : "–"}</b></li>
            {r.comparison ? <li><span>Coordination dividend</span><b>{r.comparison.dividend === null ? "–" : `${r.comparison.dividend.toLocaleString("en", { maximumFractionDigits: 0 })} ${r.units.cost}`}</b></li> : null}
          </ul>
          <PlanChart r={r} maxShare={maxShare} name={name} />
          {r.current ? <p className="note">Today: {r.current.basis.replace(/versusPlan compares/, "the chart compares")}.</p> : null}
          {r.comparison ? <p className="note">Acting jointly costs {r.comparison.jointCost.toLocaleString("en", { maximumFractionDigits: 0 })} against {r.comparison.separateCost?.toLocaleString("en", { maximumFractionDigits: 0 }) ?? "no feasible plan"} separately{r.comparison.gainsMost ? `; ${r.comparison.gainsMost} gains most` : ""}.</p> : null}
          {r.plan.binding?.length ? <p className="note">Binding constraints: {r.plan.binding.map((b) => b.replace(/\b(capacity of|demand of) ([A-Z]{3}|OTHER)\b/, (_m, w: string, c: string) => `${w} ${name(c)}`).replace(/^([A-Z]{3}|EU27) demand$/, (_m, c: string) => `${blocName(c)} demand`)).join("; ")}.</p> : null}
          {/* One "Data details" per page: editions, the relaxation's technical reasons and the plan's notes together. */}
          <Sources sources={r.sources} details={[...(r.feasibility && !r.feasibility.feasible ? [r.feasibility.reason ?? "", ...(r.feasibility.change ?? []).map((c) => c.meaning)] : []), ...r.notes].filter(Boolean)} />
        </>
      ) : null}
    </>
  );
}

function PlanChart({ r, maxShare, name }: { r: Report; maxShare: number; name: (c: string) => string }) {
  // One basis: today's shares beside the plan's in the same measure (versusPlan), when the bloc has a mix at the plan's stage.
  const vs = r.current?.versusPlan;
  const rows = vs
    ? vs.rows.filter((x) => x.today > 0.005 || x.plan > 0.005).flatMap((x) => [{ mix: "today", country: x.country, name: name(x.country).slice(0, 18), share: x.today }, { mix: "recommended", country: x.country, name: name(x.country).slice(0, 18), share: x.plan }])
    : r.plan.suppliers.map((s) => ({ mix: "recommended", country: s.country, name: name(s.country).slice(0, 18), share: s.share }));
  const countries = [...new Set(rows.map((d) => d.name))];
  return (
    <Chart label={`Plan for ${r.material}, ${r.bloc}`} rows={rows} deps={[r, name]} plot={(w) => Plot.plot({
      width: w, height: 50 + countries.length * 34, marginLeft: Math.min(w * 0.45, 16 + 7 * Math.max(...countries.map((c) => c.length))), marginTop: 30, marginRight: 50, style: { fontSize: "12px" },
      x: { domain: [0, 1], tickFormat: "%", label: vs?.measure === "value" ? "share of supply by value" : "share of supply (tonnes)", grid: true },
      y: { axis: null, domain: ["today", "recommended"] },
      fy: { domain: countries, label: null },
      color: { legend: true, domain: ["today", "recommended"], range: ["#9ca3af", "#2563eb"] },
      marks: [
        Plot.barX(rows, { x: "share", y: "mix", fy: "name", fill: "mix", tip: true }),
        // Zero bars carry no label: "0.0 %" beside every country the plan drops would drown the figures that matter.
        Plot.text(rows.filter((d) => d.share >= 0.0005), { x: "share", y: "mix", fy: "name", text: (d) => `${(d.share * 100).toFixed(1)} %`, dx: 4, textAnchor: "start", fontSize: 11 }),
        // The cap is on tonnes: drawn only where the shares are tonnes.
        ...(vs?.measure === "value" ? [] : [Plot.ruleX([maxShare], { stroke: "#b91c1c", strokeDasharray: "4 3" })]),
      ],
    })} />
  );
}
