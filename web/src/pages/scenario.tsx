import { useMemo, useState } from "react";
import * as Plot from "@observablehq/plot";
import { parse, stringify } from "yaml";
import { ApiError } from "../api.ts";
import { PlotFigure, Sources, pct } from "../ui.tsx";
import { setParams } from "../url.ts";

type Band = { p5: number; p50: number; p95: number };
type Target = { peakShortfall: Band; monthsCovered: Band; priceChange: Band; valueAddedAtRisk: Band | null; monthly: { month: number; shortfall: Band; stockpile: Band; price: Band }[] };
type Result = { runs: number; seed: number; targets: Record<string, Target>; markets: { material: string; stage: string; year: number; sources: { dataset: string; edition?: string; year?: number }[]; notes: string[] }[] };

const TYPES = ["export_ban", "export_restriction", "quota", "export_tax", "outage"];

/** The scenario as the form (and the URL) describe it, in the scenario-file schema. */
function fromParams(p: URLSearchParams) {
  const type = p.get("type") ?? "export_restriction";
  return {
    name: p.get("name") ?? `${p.get("actor") ?? "CHN"} restricts ${p.get("material") ?? "gallium"} exports`,
    year: Number(p.get("year") ?? 2023),
    horizonMonths: Number(p.get("horizon") ?? 24),
    shocks: [
      {
        type,
        actor: p.get("actor") ?? "CHN",
        material: p.get("material") ?? "gallium",
        ...(p.get("stage") ? { stage: p.get("stage")! } : { stage: "processing" }),
        targets: (p.get("targets") ?? "ALLIANCE").split(" "),
        startMonth: 0,
        durationMonths: Number(p.get("duration") ?? 12),
        ...(type === "export_ban" ? {} : { severity: Number(p.get("severity") ?? 0.8) }),
      },
    ],
    responses: { stockpileDays: { JPN: Number(p.get("jpnDays") ?? 60), EU27: Number(p.get("euDays") ?? 0) }, allianceSharing: p.get("sharing") !== "0", reroute: true },
    runs: 500,
    seed: Number(p.get("seed") ?? 42),
  };
}

/** Scenario: edit (form or YAML), run, shortfall and stockpile over months with p5–p95 bands. */
export function ScenarioPage({ params }: { params: URLSearchParams }) {
  const scenario = useMemo(() => fromParams(params), [params]);
  // ?yaml= opens exactly a given scenario (an alert's own, from the Alerts page).
  const [yaml, setYaml] = useState<string | null>(params.get("yaml"));
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const text = yaml ?? stringify(scenario);
  const shock = scenario.shocks[0];
  const field = (k: string, v: string) => {
    setYaml(null);
    setParams({ [k]: v });
  };
  async function run() {
    setBusy(true);
    setError(null);
    try {
      parse(text);
      const token = sessionStorage.getItem("chokepoint-token");
      const res = await fetch("/api/simulate", { method: "POST", headers: { "content-type": "application/yaml", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: text });
      const json = await res.json();
      if (!res.ok) throw new ApiError(res.status, json.code, json.message);
      setResult(json);
    } catch (e) {
      setResult(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <h1>Scenario</h1>
      <div className="cols">
        <form className="form" onSubmit={(e) => { e.preventDefault(); run(); }} aria-label="Scenario">
          <label>Measure <select value={shock.type} onChange={(e) => field("type", e.target.value)}>{TYPES.map((t) => <option key={t}>{t}</option>)}</select></label>
          <label>Actor (ISO3) <input value={shock.actor} onChange={(e) => field("actor", e.target.value.toUpperCase())} maxLength={3} /></label>
          <label>Material <input value={shock.material} onChange={(e) => field("material", e.target.value)} /></label>
          <label>Stage <select value={shock.stage} onChange={(e) => field("stage", e.target.value)}><option>processing</option><option>extraction</option></select></label>
          <label>Targets <input value={shock.targets.join(" ")} onChange={(e) => field("targets", e.target.value)} /></label>
          {"severity" in shock ? <label>Severity (fraction blocked) <input type="number" step="0.05" min="0" max="1" value={shock.severity} onChange={(e) => field("severity", e.target.value)} /></label> : null}
          <label>Duration (months) <input type="number" min="1" max="120" value={shock.durationMonths} onChange={(e) => field("duration", e.target.value)} /></label>
          <label>Japan stockpile (days) <input type="number" min="0" value={scenario.responses.stockpileDays.JPN} onChange={(e) => field("jpnDays", e.target.value)} /></label>
          <label>EU stockpile (days) <input type="number" min="0" value={scenario.responses.stockpileDays.EU27} onChange={(e) => field("euDays", e.target.value)} /></label>
          <label className="check"><input type="checkbox" checked={scenario.responses.allianceSharing} onChange={(e) => field("sharing", e.target.checked ? "1" : "0")} /> Alliance shares stockpiles</label>
          <button type="submit" className="primary" disabled={busy}>{busy ? "Running…" : "Run scenario"}</button>
        </form>
        <label className="yaml">Scenario file (YAML; edits here are what runs)
          <textarea value={text} onChange={(e) => setYaml(e.target.value)} rows={22} spellCheck={false} />
        </label>
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {result ? <Results r={result} /> : null}
    </>
  );
}

function Results({ r }: { r: Result }) {
  const targets = Object.entries(r.targets);
  const rows = targets.flatMap(([k, t]) => t.monthly.map((m) => ({ target: k, ...m })));
  const m0 = r.markets[0];
  return (
    <section aria-labelledby="res-h" className="results">
      <h2 id="res-h">Result: {m0.material} ({m0.stage}), {r.runs} runs, seed {r.seed}</h2>
      <table>
        <thead><tr><th>Target</th><th className="num">Peak shortfall p50 (p5–p95)</th><th className="num">Months covered</th><th className="num">Peak price</th><th className="num">Value added at risk, M€</th></tr></thead>
        <tbody>
          {targets.map(([k, t]) => (
            <tr key={k}><td>{k}</td><td className="num">{pct(t.peakShortfall.p50)} ({pct(t.peakShortfall.p5)}–{pct(t.peakShortfall.p95)})</td><td className="num">{t.monthsCovered.p50.toFixed(1)}</td><td className="num">+{pct(t.priceChange.p50, 0)}</td><td className="num">{t.valueAddedAtRisk ? `${t.valueAddedAtRisk.p50.toFixed(0)} (${t.valueAddedAtRisk.p5.toFixed(0)}–${t.valueAddedAtRisk.p95.toFixed(0)})` : "–"}</td></tr>
          ))}
        </tbody>
      </table>
      <div className="cols">
        <PlotFigure label="Shortfall by month" deps={[r]} make={() => Plot.plot({
          title: "Shortfall, share of demand (p5–p95 band, p50 line)", width: 600, height: 280, y: { percent: true, label: "shortfall %", grid: true }, x: { label: "month" }, color: { legend: true },
          marks: [Plot.areaY(rows, { x: "month", y1: (d) => d.shortfall.p5, y2: (d) => d.shortfall.p95, fill: "target", fillOpacity: 0.18 }), Plot.lineY(rows, { x: "month", y: (d) => d.shortfall.p50, stroke: "target", tip: true })],
        })} />
        <PlotFigure label="Stockpile by month" deps={[r]} make={() => Plot.plot({
          title: "Stockpile left, days of demand", width: 600, height: 280, y: { label: "days", grid: true }, x: { label: "month" }, color: { legend: true },
          marks: [Plot.areaY(rows, { x: "month", y1: (d) => d.stockpile.p5, y2: (d) => d.stockpile.p95, fill: "target", fillOpacity: 0.18 }), Plot.lineY(rows, { x: "month", y: (d) => d.stockpile.p50, stroke: "target", tip: true })],
        })} />
      </div>
      <Sources sources={r.markets.flatMap((m) => m.sources)} />
      {m0.notes.length ? <ul className="notes">{m0.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
    </section>
  );
}
