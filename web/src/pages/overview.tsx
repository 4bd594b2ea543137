import { matrixSvg } from "../../../src/report/matrix.ts";
import { matrixPoints, type AssessmentLike } from "../../../src/report/inputs.ts";
import { useApi } from "../api.ts";
import { Chart } from "../components/figure.tsx";
import { useCountryNames } from "../countries.ts";
import { causeOf, verdict, reasonText, type AssessedMaterial, type Verdict } from "../status-of.ts";
import { BlocSwitch, Link, Show, Sources, blocName, href, pct, type SourceRef } from "../ui.tsx";

type OverviewRow = { material: string; name: string; stage: string; year: number; top: { country: string; share: number } | null; hhi: number; crmaBreached: boolean; sourcing: { stage?: string; year: number; top: { country: string; share: number } | null; hhi: number } | null; flags?: { euStrategic?: boolean }; sources: SourceRef[] };
type Assessment = Omit<AssessmentLike, "materials"> & { materials: (AssessmentLike["materials"][number] & AssessedMaterial)[] };

/** Overview: the criticality matrix with every material accounted for, the most concentrated supply, the CRM Act line for the bloc. */
export function Overview({ bloc }: { bloc: string }) {
  const assess = useApi<Assessment>(`/api/assess?bloc=${encodeURIComponent(bloc)}`);
  const overview = useApi<{ materials: OverviewRow[] }>(`/api/overview?bloc=${encodeURIComponent(bloc)}`);
  const name = useCountryNames();
  return (
    <>
      <div className="title-row">
        <h1>Overview — {blocName(bloc)}</h1>
        <BlocSwitch bloc={bloc} />
      </div>
      <section aria-labelledby="matrix-h">
        <h2 id="matrix-h">Criticality matrix</h2>
        <p className="lede">Supply risk against economic importance, EU method (EC 2017 guidelines){bloc === "EU27" ? "" : `, supply risk rebased on ${blocName(bloc)}'s own sourcing`}. Hover a dot for its scores; terms in the <Link to="/glossary">glossary</Link>.</p>
        <Show value={assess} what="criticality assessment">
          {(a) => {
            const v = a.materials.map((m) => ({ m, ...verdict(m) }));
            const count = (s: string) => v.filter((x) => x.status === s).length;
            const unassessed = v.filter((x) => x.status === "unassessed" || x.status === "undecided");
            return (
              <>
                <p className="big headline" aria-label="Headline counts">
                  <b className="bad">{count("critical")}</b> critical · <b>{count("not-critical")}</b> not critical · <b>{count("unassessed") + count("undecided")}</b> not assessable — of {a.materials.length} materials, {blocName(a.bloc)}
                </p>
                <div className="matrix-row">
                  <Chart
                    label={`Criticality matrix, ${a.bloc}`}
                    maxWidth={860}
                    deps={[a]}
                    rows={v.map(({ m, status }) => ({ material: m.material, name: m.name, sr: m.sr, srLow: m.srRange?.[0] ?? null, srHigh: m.srRange?.[1] ?? null, ei: m.ei, status, strategic: m.strategic }))}
                    svg={(w) => matrixSvg({ title: `Criticality matrix, ${a.bloc}`, points: matrixPoints(a), sources: a.sources, width: w })}
                  />
                  <Unassessed bloc={bloc} label={blocName(a.bloc)} items={unassessed} />
                </div>
              </>
            );
          }}
        </Show>
      </section>
      <div className="cols">
        <section aria-labelledby="conc-h">
          <h2 id="conc-h">Most concentrated supply</h2>
          <Show value={overview} what="overview">
            {(o) => {
              const groups = groupRows(o.materials).slice(0, 12);
              return (
                <>
                  <table className="concentrated">
                    <thead>
                      <tr><th>Material</th><th>Top producer</th><th className="num">HHI</th><th>{blocName(bloc)} imports: top partner</th></tr>
                    </thead>
                    <tbody>
                      {groups.map((g) => (
                        <tr key={g.rows.map((r) => r.material + r.stage).join()}>
                          <td>
                            {g.rows.length > 1 ? <b>{g.rows.length} materials: </b> : null}
                            {g.rows.map((r, i) => <span key={r.material + r.stage}>{i ? ", " : ""}<Link to={href(`/material/${r.material}`, { bloc, stage: r.stage })}>{r.name}</Link></span>)}
                            <span className="note"> ({g.rows[0].stage})</span>
                          </td>
                          <td>{g.rows[0].top ? `${name(g.rows[0].top.country)} ${pct(g.rows[0].top.share, 0)}` : "–"}{g.rows[0].crmaBreached ? <span className="flag" title="above the CRM Act's 65 % single-country line"> ▲65</span> : null}</td>
                          <td className="num">{Math.round(g.rows[0].hhi * 10000)}</td>
                          <td>{g.rows.length > 1 ? partnerSummary(g.rows, name) : g.rows[0].sourcing?.top ? `${name(g.rows[0].sourcing.top.country)} ${pct(g.rows[0].sourcing.top.share, 0)} (${g.rows[0].sourcing.year}${g.rows[0].sourcing.stage && g.rows[0].sourcing.stage !== g.rows[0].stage ? `, ${g.rows[0].sourcing.stage}` : ""})` : "no import data"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <Sources sources={o.materials.slice(0, 12).flatMap((r) => r.sources)} />
                </>
              );
            }}
          </Show>
        </section>
        <section aria-labelledby="bench-h">
          <h2 id="bench-h">CRM Act 65 % line — {blocName(bloc)}'s imports</h2>
          <Show value={overview} what="overview">
            {(o) => {
              const strategic = o.materials.filter((r) => r.flags?.euStrategic);
              const withData = strategic.filter((r) => r.sourcing?.top);
              const over = withData.filter((r) => r.sourcing!.top!.share > 0.65).sort((a, z) => z.sourcing!.top!.share - a.sourcing!.top!.share);
              return (
                <>
                  <p className="big crma-headline"><b>{over.length}</b> of {withData.length} strategic raw materials with import data rely on one third country for more than 65 % of {blocName(bloc)}'s imports.</p>
                  <ul className="chips">
                    {over.map((r) => (
                      <li key={r.material + r.stage}><Link to={href(`/material/${r.material}`, { bloc })}>{r.name}</Link> {name(r.sourcing!.top!.country)} {pct(r.sourcing!.top!.share, 0)}</li>
                    ))}
                  </ul>
                  {strategic.length > withData.length ? <p className="note">No import data for {blocName(bloc)} on {strategic.length - withData.length} strategic materials: {strategic.filter((r) => !r.sourcing?.top).map((r) => r.name).join(", ")}.</p> : null}
                  <p className="note">The CRM Act (Regulation (EU) 2024/1252) sets this benchmark for the EU's consumption; it is applied here to the selected bloc's imports by partner, latest year loaded.</p>
                  <Sources sources={withData.flatMap((r) => r.sources.slice(-2))} />
                </>
              );
            }}
          </Show>
        </section>
      </div>
    </>
  );
}

/** Consecutive rows with the same top producer, share and stage become one row ("10 materials: …, CHN 100 %"). */
function groupRows(rows: OverviewRow[]): { rows: OverviewRow[] }[] {
  const out: { rows: OverviewRow[] }[] = [];
  const key = (r: OverviewRow) => `${r.top?.country}|${r.top ? Math.round(r.top.share * 100) : ""}|${r.stage}|${Math.round(r.hhi * 100)}`;
  for (const r of rows) {
    const last = out.at(-1);
    if (last && key(last.rows[0]) === key(r)) last.rows.push(r);
    else out.push({ rows: [r] });
  }
  return out;
}

function partnerSummary(rows: OverviewRow[], name: (c: string) => string): string {
  const tops = rows.filter((r) => r.sourcing?.top).map((r) => name(r.sourcing!.top!.country));
  if (!tops.length) return "no import data";
  const uniq = [...new Set(tops)];
  return `${uniq.slice(0, 3).join(", ")}${uniq.length > 3 ? ", …" : ""}${tops.length < rows.length ? ` (${rows.length - tops.length} without import data)` : ""}`;
}

/**
 * Materials without a verdict, grouped by cause in plain words (names only: scannable on a phone), with
 * each material's full reason folded away underneath.
 */
function Unassessed({ bloc, label, items }: { bloc: string; label: string; items: { m: AssessedMaterial; status: Verdict; reasons: string[] }[] }) {
  const groups = new Map<string, typeof items>();
  for (const x of items) {
    const cause = causeOf(x.status, x.reasons.join("; "), label);
    groups.set(cause, [...(groups.get(cause) ?? []), x]);
  }
  return (
    <aside className="unassessed" aria-labelledby="ua-h">
      <h3 id="ua-h">Not assessable for {label} ({items.length})</h3>
      {items.length === 0 ? <p className="note">Every material has both scores.</p> : (
        <>
          {[...groups].sort((a, b) => b[1].length - a[1].length).map(([cause, xs]) => (
            <p key={cause} className="cause" data-count={xs.length}>
              <b>{cause}</b> ({xs.length}): {xs.map(({ m }, i) => <span key={m.material}>{i ? ", " : ""}<Link to={href(`/material/${m.material}`, { bloc })}>{m.name}</Link></span>)}
            </p>
          ))}
          <details className="why">
            <summary>The reason for each material</summary>
            <ul>
              {items.map(({ m, status, reasons }) => (
                <li key={m.material}>
                  {m.name}{status === "undecided" ? " (undecided: supply risk bounded across the line)" : ""}
                  <span className="reason"> — {reasons.length ? reasonText(reasons[0]) : "an input of the method is missing"}</span>
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </aside>
  );
}
