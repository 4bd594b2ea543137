import { useState } from "react";
import * as Plot from "@observablehq/plot";
import { Chart } from "../components/figure.tsx";
import { Sources, pct } from "../ui.tsx";

type Band = { p5: number; p50: number; p95: number };
/** The simulator's sanity check of value added at risk against the target's GDP (docs/simulator.md). */
type Gdp = { year: number | null; yearBasis: string; gdpMeur: number | null; vaShare: number | null; threshold: number; implausible: boolean | null; missing: string[]; warning: string | null; sources: { dataset: string; edition?: string; year?: number }[] };
type Target = { peakShortfall: Band; monthsCovered: Band; priceChange: Band; valueAddedAtRisk: Band | null; gdp?: Gdp | null; monthly: { month: number; shortfall: Band; stockpile: Band; price: Band }[] };
export type Result = {
  runs: number; seed: number; targets: Record<string, Target>;
  markets: { material: string; stage: string; year: number; sources: { dataset: string; edition?: string; year?: number }[]; notes: string[]; valueAdded?: { annualMeur: number; substitutionIndex: number; source: { dataset: string; edition?: string; year?: number } } | null; valueAddedJapan?: { annualMeur: number; vaYear: number; fxYear: number; usdPerEur: number; sources: { dataset: string; edition?: string; year?: number }[] } | null }[];
};

const BLOC_IDS = ["ALLIANCE", "EU27", "JPN"];
/** Distinct colours, one per series (at most five series per chart). */
export const SERIES_COLORS = ["#1d4ed8", "#dc2626", "#059669", "#d97706", "#7c3aed"];

/** The rows a reader compares: the blocs and the scenario's own targets; member states fold away under them. */
export function splitTargets(r: Result, asked: string[]): { blocs: string[]; members: string[] } {
  const keys = Object.keys(r.targets);
  const blocs = keys.filter((k) => BLOC_IDS.includes(k) || asked.includes(k)).slice(0, 5);
  return { blocs, members: keys.filter((k) => !blocs.includes(k)) };
}

const meur = (x: number) => (x >= 1000 ? `€${(x / 1000).toFixed(1)} bn` : `€${x.toFixed(0)} m`);
/** A share of GDP: small ones keep two significant digits instead of reading "0.0 %". */
const gdpPct = (x: number) => (x === 0 ? "0 %" : x < 0.0001 ? "< 0.01 %" : `${(x * 100).toFixed(x < 0.1 ? 2 : 1)} %`);
const gdpEur = (x: number) => (x >= 1e6 ? `€${(x / 1e6).toFixed(2)} trn` : meur(x));
/** Value added at risk as a share of GDP over the horizon, ⚠ when implausible; "–" when GDP is unknown. */
function GdpCell({ g }: { g: Gdp | null | undefined }) {
  if (!g) return <td className="num">–</td>;
  if (g.vaShare === null) return <td className="num" title={`GDP unknown for ${g.missing.join(", ")}`}>GDP unknown</td>;
  return <td className={`num${g.implausible ? " warn" : ""}`} title={g.warning ?? `GDP ${g.year}: ${gdpEur(g.gdpMeur ?? 0)} a year (${g.yearBasis})`}>{g.implausible ? "⚠ " : ""}{gdpPct(g.vaShare)}</td>;
}

/** One line on the check against GDP, then each implausible target's warning. */
function GdpCheck({ r, name }: { r: Result; name: (c: string) => string }) {
  const all = Object.entries(r.targets).filter(([, t]) => t.gdp);
  if (!all.length) return null;
  const eu = r.targets.EU27?.gdp ?? all[0][1].gdp!;
  const flagged = all.filter(([, t]) => t.gdp!.implausible);
  const months = r.targets.EU27?.monthly.length ?? all[0][1].monthly.length;
  return (
    <>
      <p className="note">
        Sanity check against GDP (World Bank, current US$, at the ECB annual rate): {eu.vaShare === null
          ? <>no GDP in euro for {eu.missing.map(name).join(", ")}, so the amounts are not compared.</>
          : <>the EU's value added at risk is {gdpPct(eu.vaShare)} of its GDP over the same {months} months (GDP {eu.year}, {gdpEur(eu.gdpMeur!)} a year{eu.yearBasis.startsWith("same year") ? "" : `: ${eu.yearBasis}`}).</>}{" "}
        A member above {pct(eu.threshold, 0)} of its GDP is marked ⚠: more than the EU as a whole could lose on one material.
      </p>
      {flagged.map(([k, t]) => <p className="warn" key={k}>⚠ {t.gdp!.warning}</p>)}
    </>
  );
}

export function Results({ r, asked, window: win, name }: { r: Result; asked: string[]; window: [number, number]; name: (c: string) => string }) {
  const { blocs, members } = splitTargets(r, asked);
  const [showMembers, setShowMembers] = useState(false);
  const m0 = r.markets[0];
  const row = (k: string, t: Target) => (
    <tr key={k}><td>{BLOC_IDS.includes(k) ? <b>{k === "ALLIANCE" ? "Japan–EU alliance" : k === "JPN" ? "Japan" : k}</b> : name(k)}</td><td className="num">{pct(t.peakShortfall.p50)} ({pct(t.peakShortfall.p5)}–{pct(t.peakShortfall.p95)})</td><td className="num">{t.monthsCovered.p50.toFixed(1)}</td><td className="num">+{pct(t.priceChange.p50, 0)}</td><td className="num">{t.valueAddedAtRisk ? `${meur(t.valueAddedAtRisk.p50)} (${meur(t.valueAddedAtRisk.p5)}–${meur(t.valueAddedAtRisk.p95)})` : "not modelled"}</td><GdpCell g={t.gdp} /></tr>
  );
  const series = blocs.map((k, i) => ({ k, label: k === "ALLIANCE" ? "Alliance" : k, color: SERIES_COLORS[i] }));
  const rows = series.flatMap((s) => r.targets[s.k].monthly.map((m) => ({ target: s.label, month: m.month, shortfallP5: m.shortfall.p5, shortfallP50: m.shortfall.p50, shortfallP95: m.shortfall.p95, stockpileP5: m.stockpile.p5, stockpileP50: m.stockpile.p50, stockpileP95: m.stockpile.p95 })));
  const band = (what: "shortfall" | "stockpile", label: string, percent: boolean) => (w: number) =>
    Plot.plot({
      title: label, width: w, height: 280, marginLeft: 48, style: { fontSize: "12px" },
      y: { percent, label: percent ? "shortfall %" : "days of demand", grid: true }, x: { label: "month" },
      color: { legend: true, domain: series.map((s) => s.label), range: series.map((s) => s.color) },
      marks: [
        Plot.rectX([win], { x1: (d) => d[0], x2: (d) => d[1], fill: "#fee2e2", fillOpacity: 0.6 }),
        Plot.text([win], { x: (d) => (d[0] + d[1]) / 2, frameAnchor: "top", dy: 4, text: () => "shock", fill: "#b91c1c", fontSize: 11 }),
        Plot.areaY(rows, { x: "month", y1: `${what}P5`, y2: `${what}P95`, fill: "target", fillOpacity: 0.15 }),
        Plot.lineY(rows, { x: "month", y: `${what}P50`, stroke: "target", strokeWidth: 2, tip: true }),
      ],
    });
  const eu = r.targets.EU27?.valueAddedAtRisk;
  const memberVa = members.map((k) => [k, r.targets[k].valueAddedAtRisk?.p50 ?? 0] as const).sort((a, b) => b[1] - a[1]);
  const top = memberVa[0];
  return (
    <section aria-labelledby="res-h" className="results">
      <h2 id="res-h">Result: {m0.material} ({m0.stage}), {r.runs} runs</h2>
      <table className="targets">
        <thead><tr><th>Who</th><th className="num">Peak shortfall p50 (p5–p95)</th><th className="num">Months covered</th><th className="num">Peak price</th><th className="num">Value added at risk p50 (p5–p95)</th><th className="num" title="p50 value added at risk ÷ GDP over the same months">% of GDP</th></tr></thead>
        <tbody>{blocs.map((k) => row(k, r.targets[k]))}</tbody>
        {/* Members fold away inside the same table, so their columns line up with the blocs'. */}
        {members.length ? <tbody className="members">{showMembers ? members.map((k) => row(k, r.targets[k])) : null}</tbody> : null}
      </table>
      {members.length ? (
        <button type="button" className="link members-toggle" aria-expanded={showMembers} onClick={() => setShowMembers(!showMembers)}>
          {showMembers ? "Hide" : "Show"} the {members.length} member states
        </button>
      ) : null}
      <div className="cols">
        <Chart label="Shortfall by month" rows={rows} deps={[r]} maxWidth={620} plot={band("shortfall", "Shortfall, share of demand (p5–p95 band, p50 line)", true)} />
        <Chart label="Stockpile by month" rows={rows} deps={[r]} maxWidth={620} plot={band("stockpile", "Stockpile left, days of demand", false)} />
      </div>
      <div className="explain" aria-labelledby="va-h">
        <h3 id="va-h">What "value added at risk" means</h3>
        <p>
          The value added of manufacturing that uses {m0.material} and could be lost while supply falls short, over the {r.targets[blocs[0]]?.monthly.length ?? ""} months of the scenario, in euro.
          Method: each month, the share of the EU's (or Japan's) demand not met × the annual value added of the sectors that use {m0.material}
          {m0.valueAdded ? <> ({meur(m0.valueAdded.annualMeur)} a year in the EU, from the end uses of the EU 2023 criticality study)</> : null} × its substitution index{m0.valueAdded ? <> ({m0.valueAdded.substitutionIndex})</> : null} ÷ 12; the alliance adds both.
          It assumes no substitution or demand response beyond that index, so read it as an upper-bound style estimate.
          {m0.valueAddedJapan
            ? <> Japan: the same end uses × Japan's value added of those industries from the OECD national input-output table {m0.valueAddedJapan.vaYear} ({meur(m0.valueAddedJapan.annualMeur)} a year, in euro at the ECB rate of {m0.valueAddedJapan.fxYear}, {m0.valueAddedJapan.usdPerEur} US$ per euro).</>
            : <> Japan shows "not modelled" where no Japanese value added table is loaded.</>}
        </p>
        {eu && top && top[1] > 0.5 * eu.p50 ? <p className="warn">⚠ {name(top[0])} carries {pct(top[1] / eu.p50, 0)} of the EU's value added at risk ({meur(top[1])} of {meur(eu.p50)}): members are apportioned by their share of EU imports, which can put a large share on a country that re-exports.</p> : null}
        <GdpCheck r={r} name={name} />
      </div>
      {/* One source line and one "Data details" for the whole result: editions, the market's notes, the seed. */}
      <Sources sources={[...r.markets.flatMap((m) => m.sources), ...(m0.valueAdded ? [m0.valueAdded.source, ...(r.targets.EU27?.gdp?.sources ?? [])] : []), ...(m0.valueAddedJapan?.sources.slice(0, 1) ?? [])]} details={[...m0.notes, `seed ${r.seed}`]} />
    </section>
  );
}
