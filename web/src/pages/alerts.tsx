import { useApi } from "../api.ts";
import { BlocSwitch, Link, Show, Sources, href, pct, type SourceRef } from "../ui.tsx";

type Alert = { bloc: string; material: string; supplier: string; kind: string; summary: string; supplierShare: number; impact: number; evidence: string; basis: string; year: number; sources: SourceRef[] };

/** Alerts: events and trade collapses ranked by share of supply at risk, linked to exposure and a scenario. */
export function AlertsPage({ params }: { params: URLSearchParams }) {
  const bloc = params.get("bloc") ?? "ALLIANCE";
  const alerts = useApi<{ alerts: Alert[]; method: string }>(`/api/alerts?bloc=${bloc}&months=${params.get("months") ?? 12}`);
  return (
    <>
      <div className="title-row">
        <h1>Alerts — {bloc}</h1>
        <BlocSwitch bloc={bloc} />
      </div>
      <Show value={alerts} what="alerts">
        {(a) =>
          a.alerts.length === 0 ? (
            <p className="note">No alerts: no stored events (run <code>chokepoint watch</code>) and no trade collapse in the last months of data.</p>
          ) : (
            <ol className="alerts">
              {a.alerts.slice(0, 40).map((x, i) => (
                <li key={i}>
                  <p><b>{pct(x.impact)}</b> of {x.bloc}'s {x.material} supply at risk — {x.summary}</p>
                  <p className="evidence">Evidence: {x.evidence}. {x.supplier} supplies {pct(x.supplierShare)} ({x.basis}, {x.year}).</p>
                  <p>
                    <Link to={href(`/material/${x.material}`, { bloc: x.bloc })}>Exposure</Link>{" · "}
                    <Link to={href("/scenario", { material: x.material, actor: x.supplier, targets: x.bloc, type: x.kind === "event" ? "export_ban" : "export_restriction", severity: String(Math.min(1, Math.max(0.1, Math.round((x.impact / Math.max(x.supplierShare, 1e-9)) * 20) / 20))) })}>Prefilled scenario</Link>
                  </p>
                  <Sources sources={x.sources} />
                </li>
              ))}
            </ol>
          )
        }
      </Show>
      <p className="note">Ranking: severity × the supplier's share of the bloc's supply (exposure-based, not simulated).</p>
    </>
  );
}
