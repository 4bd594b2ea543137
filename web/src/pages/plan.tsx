import { useEffect, useState } from "react";
import * as Plot from "@observablehq/plot";
import { api } from "../api.ts";
import { BlocSwitch, PlotFigure, Sources, pct, type SourceRef } from "../ui.tsx";
import { setParams } from "../url.ts";

type Report = {
  material: string; stage: string; bloc: string; year: number;
  plan: { suppliers: { country: string; share: number; inBloc: boolean; newCapacity: number }[]; cost: number; stockpileDays: number; risk: { topThirdCountry: { country: string; share: number } | null }; binding: string[] };
  current: { suppliers: { country: string; share: number }[]; cost: number; basis: string; versusPlan: { measure: "value" | "quantity"; rows: { country: string; today: number; plan: number }[] } | null } | null;
  comparison?: { jointCost: number; separateCost: number | null; dividend: number | null; gainsMost: string | null; method: string };
  units: { cost: string; volume: string };
  sources: SourceRef[];
  notes: string[];
};

/** Plan: the recommended mix against today's, the 65 % line, the coordination dividend. */
export function PlanPage({ params }: { params: URLSearchParams }) {
  const material = params.get("material") ?? "gallium";
  const bloc = params.get("bloc") ?? "ALLIANCE";
  const maxShare = Number(params.get("maxShare") ?? 0.65);
  const [state, setState] = useState<{ r?: Report; error?: string; busy: boolean }>({ busy: true });
  useEffect(() => {
    setState({ busy: true });
    api<Report>("/api/plan", { material, bloc, maxShare, compareSeparate: bloc === "ALLIANCE", ...(params.get("stage") ? { stage: params.get("stage") } : {}) }).then(
      (r) => setState({ r, busy: false }),
      (e) => setState({ error: (e as Error).message, busy: false }),
    );
  }, [material, bloc, maxShare, params]);
  const r = state.r;
  return (
    <>
      <div className="title-row">
        <h1>Plan — {material}</h1>
        <label className="select">Material <input defaultValue={material} onKeyDown={(e) => e.key === "Enter" && setParams({ material: (e.target as HTMLInputElement).value }, false)} aria-label="Material id (Enter to apply)" /></label>
        <label className="select">Max share of one third country <input type="number" step="0.05" min="0.1" max="1" defaultValue={maxShare} onChange={(e) => setParams({ maxShare: e.target.value })} /></label>
        <BlocSwitch bloc={bloc} />
      </div>
      {state.busy ? <p className="loading" role="status">Optimising…</p> : null}
      {state.error ? <p className="error" role="alert">{state.error}</p> : null}
      {r ? (
        <>
          <ul className="kpis">
            <li><span>Annual cost</span><b>{r.plan.cost.toLocaleString("en", { maximumFractionDigits: 0 })} {r.units.cost}</b></li>
            <li><span>Stockpile</span><b>{r.plan.stockpileDays.toFixed(0)} days</b></li>
            <li><span>Largest third country</span><b>{r.plan.risk.topThirdCountry ? `${r.plan.risk.topThirdCountry.country} ${pct(r.plan.risk.topThirdCountry.share)}` : "–"}</b></li>
            {r.comparison ? <li><span>Coordination dividend</span><b>{r.comparison.dividend === null ? "–" : `${r.comparison.dividend.toLocaleString("en", { maximumFractionDigits: 0 })} ${r.units.cost}`}</b></li> : null}
          </ul>
          <PlotFigure label="Recommended mix against today's" deps={[r]} make={() => {
            // One basis: today's shares beside the plan's in the same measure (versusPlan), when the bloc has a mix at the plan's stage.
            const vs = r.current?.versusPlan;
            const rows = vs
              ? vs.rows.filter((x) => x.today > 0.005 || x.plan > 0.005).flatMap((x) => [{ mix: "today", country: x.country, share: x.today }, { mix: "recommended", country: x.country, share: x.plan }])
              : r.plan.suppliers.map((s) => ({ mix: "recommended", country: s.country, share: s.share }));
            const countries = [...new Set(rows.map((d) => d.country))];
            return Plot.plot({
              width: 900, height: 40 + countries.length * 30, marginLeft: 60, marginTop: 30,
              x: { domain: [0, 1], tickFormat: "%", label: vs?.measure === "value" ? "share of supply by value" : "share of supply (tonnes)", grid: true },
              y: { axis: null, domain: ["today", "recommended"] },
              fy: { domain: countries, label: null },
              color: { legend: true, domain: ["today", "recommended"], range: ["#9ca3af", "#2563eb"] },
              marks: [
                Plot.barX(rows, { x: "share", y: "mix", fy: "country", fill: "mix", tip: true }),
                Plot.text(rows, { x: "share", y: "mix", fy: "country", text: (d) => `${(d.share * 100).toFixed(1)} %`, dx: 4, textAnchor: "start", fontSize: 9 }),
                // The cap is on tonnes: drawn only where the shares are tonnes.
                ...(vs?.measure === "value" ? [] : [Plot.ruleX([maxShare], { stroke: "#b91c1c", strokeDasharray: "4 3" })]),
              ],
            });
          }} />
          {r.current ? <p className="note">Today: {r.current.basis}.</p> : null}
          {r.comparison ? <p className="note">Acting jointly costs {r.comparison.jointCost.toLocaleString("en", { maximumFractionDigits: 0 })} against {r.comparison.separateCost?.toLocaleString("en", { maximumFractionDigits: 0 }) ?? "infeasible"} separately{r.comparison.gainsMost ? `; ${r.comparison.gainsMost} gains most` : ""}.</p> : null}
          <Sources sources={r.sources} />
          {r.notes.length ? <ul className="notes">{r.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
        </>
      ) : null}
    </>
  );
}
