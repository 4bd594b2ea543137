import { useApi } from "../api.ts";
import { BlocSwitch, Link, Show, Sources, href, pct, type SourceRef } from "../ui.tsx";

type Band = { p5: number; p50: number; p95: number };
type Alert = { signal: string; bloc: string; material: string; materials: string[]; basket: { code: string; materials: string[] } | null; date: string | null; supplier: string; kind: string; summary: string; supplierShare: number; shareAtRisk: number; impact: number; impactBasis: string; simulation: { peakShortfall: Band; valueAddedAtRisk: Band | null } | null; scenario: unknown; evidence: string; basis: string; year: number; sources: SourceRef[] };

/** Alerts: events and trade collapses ranked by share of supply at risk, linked to exposure and a scenario. */
export function AlertsPage({ params }: { params: URLSearchParams }) {
  const bloc = params.get("bloc") ?? "ALLIANCE";
  const alerts = useApi<{ alerts: Alert[]; groups: { kind: string; count: number }[]; method: string }>(`/api/alerts?bloc=${bloc}&months=${params.get("months") ?? 12}${params.get("since") ? `&since=${params.get("since")}` : ""}`);
  return (
    <>
      <div className="title-row">
        <h1>Alerts — {bloc}</h1>
        <BlocSwitch bloc={bloc} />
      </div>
      <Show value={alerts} what="alerts">
        {(a) =>
          a.alerts.length === 0 ? (
            <p className="note">No alerts: no stored events and no trade collapse in the last months of data.</p>
          ) : (
            <ol className="alerts">
              {a.alerts.slice(0, 40).map((x, i) => (
                <li key={i}>
                  <p><b>{x.date ?? "undated"}</b> · {x.kind} · {x.basket ? `HS ${x.basket.code} (basket: ${x.basket.materials.join(", ")})` : x.materials.join(", ")}</p>
                  <p><b>{pct(x.shareAtRisk)}</b> of {x.bloc}'s {x.material} supply at risk{x.simulation ? <>; simulated peak shortfall {pct(x.simulation.peakShortfall.p50)} (p95 {pct(x.simulation.peakShortfall.p95)}){x.simulation.valueAddedAtRisk ? `, value added at risk €${Math.round(x.simulation.valueAddedAtRisk.p50).toLocaleString("en")} M` : ""}</> : null} — {x.summary}</p>
                  <p className="evidence">Evidence: {x.evidence}. {x.supplier} supplies {pct(x.supplierShare)} ({x.basis}, {x.year}).</p>
                  <p>
                    <Link to={href(`/material/${x.material}`, { bloc: x.bloc })}>Exposure</Link>{" · "}
                    {x.scenario ? <Link to={href("/scenario", { yaml: JSON.stringify(x.scenario) })}>Open as scenario</Link> : <span className="note">no scenario (not simulable)</span>}
                  </p>
                  <Sources sources={x.sources} />
                </li>
              ))}
            </ol>
          )
        }
      </Show>
      <p className="note">One alert per signal (event, measure in force, collapse in the bloc's imports) above the materiality thresholds; ranked by the simulated peak shortfall of the alert's own scenario, which "Open as scenario" opens.</p>
    </>
  );
}
