import { matrixSvg } from "../../../src/report/matrix.ts";
import { matrixPoints, type AssessmentLike } from "../../../src/report/inputs.ts";
import { useApi } from "../api.ts";
import { BlocSwitch, Link, Show, Sources, SvgFigure, href, pct, type SourceRef } from "../ui.tsx";

type OverviewRow = { material: string; name: string; stage: string; year: number; top: { country: string; share: number } | null; hhi: number; crmaBreached: boolean; sourcing: { year: number; top: { country: string; share: number } | null; hhi: number } | null; sources: SourceRef[] };
type Bench = { sources: SourceRef[]; materials: { material: string; name: string; benchmarks: { benchmark: string; current: number | null; target: number; met: boolean | null }[] }[] };

/** Overview: the criticality matrix for the bloc, the most concentrated materials, CRM Act status. */
export function Overview({ bloc }: { bloc: string }) {
  const assess = useApi<AssessmentLike>(`/api/assess?bloc=${bloc}`);
  const overview = useApi<{ materials: OverviewRow[] }>(`/api/overview?bloc=${bloc}`);
  const bench = useApi<Bench>("/api/benchmarks");
  return (
    <>
      <div className="title-row">
        <h1>Overview — {bloc === "ALLIANCE" ? "Japan–EU alliance" : bloc}</h1>
        <BlocSwitch bloc={bloc} />
      </div>
      <section aria-labelledby="matrix-h">
        <h2 id="matrix-h">Criticality matrix</h2>
        <p className="lede">Supply risk against economic importance, EU method (EC 2017 guidelines){bloc === "EU27" ? "" : `, supply risk rebased on ${bloc}'s own sourcing`}. Hover a bubble for its scores.</p>
        <Show value={assess} what="criticality assessment">
          {(a) => (
            <>
              <SvgFigure label={`Criticality matrix for ${bloc}`} svg={matrixSvg({ title: `Criticality matrix, ${a.bloc}`, points: matrixPoints(a), sources: a.sources, width: 860 })} />
              <p className="note">{a.materials.filter((m) => m.critical === true).length} of {a.materials.length} materials critical for {a.bloc}, {a.materials.filter((m) => m.critical === null).length} not assessable (SR or EI unknown, or SR bounds straddling 1).</p>
            </>
          )}
        </Show>
      </section>
      <div className="cols">
        <section aria-labelledby="conc-h">
          <h2 id="conc-h">Most concentrated supply</h2>
          <Show value={overview} what="overview">
            {(o) => (
              <>
                <table>
                  <thead>
                    <tr><th>Material</th><th>Stage</th><th>Top producer</th><th className="num">HHI</th><th>{bloc} imports: top partner</th></tr>
                  </thead>
                  <tbody>
                    {o.materials.slice(0, 12).map((r) => (
                      <tr key={`${r.material}-${r.stage}`}>
                        <td><Link to={href(`/material/${r.material}`, { bloc, stage: r.stage })}>{r.name}</Link></td>
                        <td>{r.stage}</td>
                        <td>{r.top ? `${r.top.country} ${pct(r.top.share, 0)}` : "–"}{r.crmaBreached ? <span className="flag" title="above the CRM Act's 65 % single-country line"> ▲65</span> : null}</td>
                        <td className="num">{Math.round(r.hhi * 10000)}</td>
                        <td>{r.sourcing?.top ? `${r.sourcing.top.country} ${pct(r.sourcing.top.share, 0)} (${r.sourcing.year})` : "–"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <Sources sources={o.materials.slice(0, 12).flatMap((r) => r.sources)} />
              </>
            )}
          </Show>
        </section>
        <section aria-labelledby="bench-h">
          <h2 id="bench-h">CRM Act 2030 benchmarks</h2>
          <Show value={bench} what="benchmarks">
            {(b) => {
              const cap = b.materials.map((m) => ({ m, c: m.benchmarks.find((x) => x.benchmark === "maxSingleThirdCountry")! })).filter((x) => x.c.current !== null);
              const over = cap.filter((x) => x.c.met === false).sort((a, z) => (z.c.current ?? 0) - (a.c.current ?? 0));
              return (
                <>
                  <p className="big"><b>{over.length}</b> of {cap.length} strategic raw materials rely on one third country for more than 65 % of EU sourcing.</p>
                  <ul className="chips">
                    {over.map(({ m, c }) => (
                      <li key={m.material}><Link to={href(`/material/${m.material}`, { bloc })}>{m.name}</Link> {pct(c.current, 0)}</li>
                    ))}
                  </ul>
                  <Sources sources={b.sources} />
                </>
              );
            }}
          </Show>
        </section>
      </div>
    </>
  );
}
