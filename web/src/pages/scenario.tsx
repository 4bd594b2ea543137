import { useMemo, useState } from "react";
import { parse, stringify } from "yaml";
import { ApiError } from "../api.ts";
import { ErrorBox } from "../components/status.tsx";
import { useCountryNames } from "../countries.ts";
import { saveBlob } from "../csv.ts";
import { setParams } from "../url.ts";
import { Results, type Result } from "./scenario-results.tsx";

const TYPES = ["export_ban", "export_restriction", "quota", "export_tax", "outage"];

type Shock = { type: string; actor: string; material: string; stage?: string; targets: string[]; startMonth: number; durationMonths: number; severity?: number };
type Scenario = { name: string; year: number; horizonMonths: number; shocks: Shock[]; responses: { stockpileDays: Record<string, number>; allianceSharing: boolean; reroute?: boolean }; runs?: number; seed?: number };

/** The scenario as the form (and the URL) describe it, in the scenario-file schema. */
function fromParams(p: URLSearchParams): Scenario {
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
        stage: p.get("stage") ?? "processing",
        targets: (p.get("targets") ?? "ALLIANCE").split(/[ ]+/).filter(Boolean),
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

/** A YAML text as a scenario the form can show, or null when it does not parse into one. */
/** A scenario given as JSON, rewritten as YAML (anything else as it came). */
function asYaml(text: string | null): string | null {
  if (!text?.trimStart().startsWith("{")) return text;
  try {
    return stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

function fromYaml(text: string): Scenario | null {
  try {
    const s = parse(text) as Scenario;
    return s && Array.isArray(s.shocks) && s.shocks[0] && typeof s.shocks[0] === "object" ? s : null;
  } catch {
    return null;
  }
}

/** Scenario: edit (form or YAML, each updates the other), run, bloc results with members folded away, briefing as PDF. */
export function ScenarioPage({ params }: { params: URLSearchParams }) {
  const scenario = useMemo(() => fromParams(params), [params]);
  // ?yaml= opens exactly a given scenario (an alert's own, from the Alerts page, sent as JSON: JSON is YAML, and
  // the alerts page stays free of the YAML library); shown as YAML for editing.
  const [yaml, setYaml] = useState<string | null>(() => asYaml(params.get("yaml")));
  const [result, setResult] = useState<{ r: Result; s: Scenario } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const name = useCountryNames();
  const text = yaml ?? stringify(scenario);
  // The form shows what the YAML says whenever it parses (edits there update the form).
  const shown = (yaml !== null ? fromYaml(yaml) : null) ?? scenario;
  const shock = shown.shocks[0];
  const field = (k: string, v: string) => {
    setYaml(null);
    setParams({ ...paramsOf(shown), [k]: v });
  };
  const headers = (): Record<string, string> => {
    const token = sessionStorage.getItem("chokepoint-token");
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  async function run() {
    setBusy("run");
    setError(null);
    try {
      const res = await fetch("/api/simulate", { method: "POST", headers: { "content-type": "application/yaml", ...headers() }, body: text });
      const json = await res.json();
      if (!res.ok) throw new ApiError(res.status, json.code, json.message, json.problems);
      setResult({ r: json, s: fromYaml(text) ?? shown });
    } catch (e) {
      setResult(null);
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  }
  async function pdf() {
    setBusy("pdf");
    setError(null);
    try {
      const s = fromYaml(text);
      if (!s) throw new Error("the scenario file does not parse: fix the YAML first");
      const res = await fetch("/api/brief", { method: "POST", headers: { "content-type": "application/json", ...headers() }, body: JSON.stringify({ material: s.shocks[0].material, bloc: s.shocks[0].targets[0] ?? "ALLIANCE", scenario: s, runs: 200 }) });
      if (!res.ok) {
        const json = await res.json().catch(() => ({ code: "bad_response", message: `HTTP ${res.status}` }));
        throw new ApiError(res.status, json.code, json.message, json.problems);
      }
      saveBlob(await res.blob(), `chokepoint-scenario-${s.shocks[0].material}.pdf`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  }
  return (
    <>
      <h1>Scenario</h1>
      <div className="cols">
        <form className="form" onSubmit={(e) => { e.preventDefault(); run(); }} aria-label="Scenario">
          <label>Measure <select value={shock.type} onChange={(e) => field("type", e.target.value)}>{TYPES.map((t) => <option key={t}>{t}</option>)}</select></label>
          <label>Country imposing it <input value={shock.actor} onChange={(e) => field("actor", e.target.value.toUpperCase())} maxLength={3} aria-describedby="actor-name" /><small id="actor-name">{name(shock.actor)}</small></label>
          <label>Material <input value={shock.material} onChange={(e) => field("material", e.target.value)} /></label>
          <label>Stage <select value={shock.stage ?? "processing"} onChange={(e) => field("stage", e.target.value)}><option>processing</option><option>extraction</option></select></label>
          <label>Targets <input value={shock.targets.join(" ")} onChange={(e) => field("targets", e.target.value)} /></label>
          {"severity" in shock ? <label>Severity (fraction blocked) <input type="number" step="0.05" min="0" max="1" value={shock.severity} onChange={(e) => field("severity", e.target.value)} /></label> : null}
          <label>Duration (months) <input type="number" min="1" max="120" value={shock.durationMonths} onChange={(e) => field("duration", e.target.value)} /></label>
          <label>Japan stockpile (days) <input type="number" min="0" value={shown.responses?.stockpileDays?.JPN ?? 0} onChange={(e) => field("jpnDays", e.target.value)} /></label>
          <label>EU stockpile (days) <input type="number" min="0" value={shown.responses?.stockpileDays?.EU27 ?? 0} onChange={(e) => field("euDays", e.target.value)} /></label>
          <label className="check"><input type="checkbox" checked={shown.responses?.allianceSharing ?? false} onChange={(e) => field("sharing", e.target.checked ? "1" : "0")} /> Alliance shares stockpiles</label>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy !== null}>{busy === "run" ? "Running…" : "Run scenario"}</button>
            <button type="button" disabled={busy !== null} onClick={pdf}>{busy === "pdf" ? "Preparing PDF…" : "Download briefing (PDF)"}</button>
          </div>
        </form>
        <label className="yaml">Scenario file (YAML; edits here are what runs)
          <textarea value={text} onChange={(e) => setYaml(e.target.value)} rows={22} spellCheck={false} />
        </label>
      </div>
      {error ? <ErrorBox error={error} what="The scenario did not run" /> : null}
      {result ? <Results r={result.r} asked={result.s.shocks.flatMap((s) => s.targets)} window={[result.s.shocks[0].startMonth ?? 0, (result.s.shocks[0].startMonth ?? 0) + result.s.shocks[0].durationMonths]} name={name} /> : null}
    </>
  );
}

/** URL parameters that reproduce a scenario's first shock in the form. */
function paramsOf(s: Scenario): Record<string, string | undefined> {
  const k = s.shocks[0];
  return {
    type: k.type, actor: k.actor, material: k.material, stage: k.stage, targets: k.targets.join(" "), duration: String(k.durationMonths),
    severity: k.severity === undefined ? undefined : String(k.severity),
    jpnDays: String(s.responses?.stockpileDays?.JPN ?? 0), euDays: String(s.responses?.stockpileDays?.EU27 ?? 0), sharing: s.responses?.allianceSharing === false ? "0" : undefined,
  };
}
