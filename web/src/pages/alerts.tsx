import { useApi } from "../api.ts";
import { useCountryNames } from "../countries.ts";
import { BlocSwitch, Link, Show, Sources, blocName, href, pct, type SourceRef } from "../ui.tsx";

type Band = { p5: number; p50: number; p95: number };
type Alert = {
  signal: string; bloc: string; material: string; materials: string[]; basket: { code: string; materials: string[] } | null; date: string | null; supplier: string; kind: string;
  summary: string; supplierShare: number; shareAtRisk: number; impact: number; impactBasis: string; simulation: { peakShortfall: Band; valueAddedAtRisk: Band | null } | null;
  scenario: unknown; simulationNote?: string; evidence: string; basis: string; year: number; sources: SourceRef[]; coverage?: { complete: boolean; warnings: string[] };
};
type Alerts = { alerts: Alert[]; groups: { kind: string; count: number }[]; method: string };

const KIND: Record<string, string> = { restriction: "measure on record", event: "event", anomaly: "trade collapse" };
const KINDS: Record<string, string> = { restriction: "measures on record", event: "events", anomaly: "trade collapses" };

/** Alerts: events, measures and trade collapses ranked by the simulated shortfall, each drawn as a bar before it is read. */
export function AlertsPage({ params }: { params: URLSearchParams }) {
  const bloc = params.get("bloc") ?? "ALLIANCE";
  const alerts = useApi<Alerts>(`/api/alerts?bloc=${bloc}&months=${params.get("months") ?? 12}${params.get("since") ? `&since=${params.get("since")}` : ""}`);
  const name = useCountryNames();
  return (
    <>
      <div className="title-row">
        <h1>Alerts — {blocName(bloc)}</h1>
        <BlocSwitch bloc={bloc} />
      </div>
      <Show value={alerts} what="alerts">
        {(a) =>
          a.alerts.length === 0 ? (
            <p className="note">No alerts: no stored events and no trade collapse in the last months of data.</p>
          ) : (
            <>
              <p className="lede" aria-label="Alert counts">
                <b>{a.alerts.length}</b> alerts for {blocName(bloc)}: {a.groups.map((g) => `${g.count} ${(g.count > 1 ? KINDS : KIND)[g.kind] ?? g.kind}`).join(", ")}. Ranked by the simulated peak shortfall of each alert's own scenario.
              </p>
              <p className="legend" aria-hidden="true"><span className="sw risk" /> share of supply at risk before any response <span className="sw short" /> simulated peak shortfall (p50; whisker to p95)</p>
              <ol className="alerts">
                {a.alerts.slice(0, 40).map((x, i) => <AlertItem key={x.signal + x.bloc} rank={i + 1} x={x} name={name} />)}
              </ol>
            </>
          )
        }
      </Show>
      <p className="note">One alert per signal (event, measure in force, collapse in the bloc's imports) above the materiality thresholds; "Open as scenario" opens the scenario behind the figures.</p>
    </>
  );
}

function AlertItem({ rank, x, name }: { rank: number; x: Alert; name: (c: string) => string }) {
  const mats = x.basket ? `HS ${x.basket.code} (basket: ${x.basket.materials.join(", ")})` : x.materials.join(", ");
  const warnings = x.coverage && !x.coverage.complete ? x.coverage.warnings : [];
  return (
    <li data-complete={x.coverage ? String(x.coverage.complete) : "unknown"}>
      <div className="alert-bars" role="img" aria-label={`${pct(x.shareAtRisk)} at risk${x.simulation ? `, simulated peak shortfall ${pct(x.simulation.peakShortfall.p50)}` : ""}`}>
        <span className="bar risk" style={{ width: `${Math.min(100, x.shareAtRisk * 100)}%` }} />
        {x.simulation ? (
          <>
            <span className="bar short" style={{ width: `${Math.min(100, x.simulation.peakShortfall.p50 * 100)}%` }} />
            <span className="whisker" style={{ left: `${Math.min(100, x.simulation.peakShortfall.p50 * 100)}%`, width: `${Math.max(0, Math.min(100, x.simulation.peakShortfall.p95 * 100) - x.simulation.peakShortfall.p50 * 100)}%` }} />
          </>
        ) : null}
      </div>
      <div className="alert-text">
        <p><span className="rank">{rank}.</span> <b>{x.date ?? "undated"}</b> · {KIND[x.kind] ?? x.kind} · {name(x.supplier)} → {mats}</p>
        <p className="figures"><b>{pct(x.shareAtRisk)}</b> of {blocName(x.bloc)}'s {x.material} supply at risk ({name(x.supplier)} supplies {pct(x.supplierShare)}, {x.basis} {x.year}){x.simulation ? <>; simulated peak shortfall <b>{pct(x.simulation.peakShortfall.p50)}</b> (p95 {pct(x.simulation.peakShortfall.p95)}){x.simulation.valueAddedAtRisk ? `, value added at risk €${Math.round(x.simulation.valueAddedAtRisk.p50).toLocaleString("en")} M` : ""}</> : null}</p>
        <p className="summary">{x.summary}</p>
        {!x.simulation ? <p className="note not-simulated">Not simulated{x.simulationNote ? `: ${x.simulationNote}` : ""}. Ranked by the share at risk instead.</p> : null}
        {warnings.length ? (
          <details className="warnings">
            <summary>⚠ Incomplete data: {short(warnings[0])}{warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ""}</summary>
            <ul>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>
          </details>
        ) : null}
        <p>
          <Link to={href(`/material/${x.material}`, { bloc: x.bloc })}>Exposure</Link>{" · "}
          {x.scenario ? <Link to={href("/scenario", { yaml: JSON.stringify(x.scenario) })}>Open as scenario</Link> : <span className="note">no scenario (not simulable)</span>}
        </p>
        <Sources sources={x.sources} details={x.evidence !== x.summary ? [`Evidence: ${x.evidence}`] : []} />
      </div>
    </li>
  );
}

/** The first clause of a warning, for a one-line summary (the whole text is one click away). */
const short = (w: string) => (w.length > 110 ? `${w.slice(0, 107)}…` : w);
