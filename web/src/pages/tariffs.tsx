import type { TariffTimeline } from "../../../src/tariffs/timeline.ts";
import type { TariffExposure } from "../../../src/tariffs/exposure.ts";
import { timelineChartInput, timelineSvg } from "../../../src/report/tariff-timeline-chart.ts";
import { measureName, timelineMarkList } from "../../../src/report/tariff-marks.ts";
import { useApi } from "../api.ts";
import { Chart } from "../components/figure.tsx";
import { Show, Sources, pct } from "../ui.tsx";
import { setParams } from "../url.ts";

const EXPORTERS = ["JPN", "EU27"] as const;
const who = (e: string) => (e === "JPN" ? "Japan" : e === "EU27" ? "the EU" : e);
const usd = (v: number) => (Math.abs(v) >= 1e9 ? `$${(v / 1e9).toFixed(1)} bn` : `$${(v / 1e6).toFixed(0)} m`);

/**
 * Tariffs: the effective US tariff rate on Japan's and the EU's 2024 exports at every measure date since
 * 2024 (numbered on the chart, named in the table), and the measures in force on a chosen date.
 */
export function TariffsPage({ params }: { params: URLSearchParams }) {
  const tl = useApi<TariffTimeline>("/api/tariffs/timeline?exporters=JPN,EU27");
  const exporter = EXPORTERS.includes(params.get("exporter") as (typeof EXPORTERS)[number]) ? params.get("exporter")! : "JPN";
  const date = params.get("date") ?? (tl.state === "ok" ? tl.data.to : null);
  return (
    <>
      <div className="title-row">
        <h1>US tariffs on Japan's and the EU's exports</h1>
      </div>
      <p className="lede">Duty on each exporter's 2024 US sales (constant volumes, 2024 customs values) under the US measures in force on each date, as a share of those sales. 2024 is the duty actually paid.</p>
      <Show value={tl} what="tariff timeline">
        {(t) => <Timeline t={t} date={date} />}
      </Show>
      {date ? <InForce exporter={exporter} date={date} max={tl.state === "ok" ? tl.data.to : undefined} /> : null}
    </>
  );
}

function Timeline({ t, date }: { t: TariffTimeline; date: string | null }) {
  const marks = timelineMarkList(t);
  const byDate = new Map(marks.map((m) => [m.date, m]));
  const dates = t.series[0]?.points.map((p) => p.date) ?? [];
  const rows = t.series.flatMap((s) => s.points.map((p) => ({ exporter: s.exporter, date: p.date, effectiveRate: p.effectiveRate, duty: p.duty, measures: p.measures.join(" ") })));
  return (
    <section aria-labelledby="tl-h">
      <h2 id="tl-h">Effective US tariff rate, {t.from.slice(0, 4)} to {t.to}</h2>
      <Chart label="Effective US tariff rate on JPN and EU27 exports" maxWidth={900} deps={[t]} rows={rows} svg={(w) => timelineSvg({ ...timelineChartInput(t), width: w })} />
      <p className="note">Numbers on the chart are the measure dates in the table below. Pick a date to see the measures in force on it.</p>
      <table className="timeline-table">
        <thead><tr><th className="num">#</th><th>Date</th>{t.series.map((s) => <th key={s.exporter} className="num">{s.exporter}</th>)}<th>What changed</th></tr></thead>
        <tbody>
          {dates.map((d, i) => {
            const m = byDate.get(d);
            return (
              <tr key={d} className={d === date ? "on" : ""}>
                <td className="num">{m?.n ?? ""}</td>
                <td><button type="button" className="linkish" aria-pressed={d === date} onClick={() => setParams({ date: d }, false)}>{d}</button></td>
                {t.series.map((s) => <td key={s.exporter} className="num" data-exporter={s.exporter} data-rate={s.points[i].effectiveRate}>{pct(s.points[i].effectiveRate)}</td>)}
                <td>{m?.text ?? (i === 0 ? "2024: duty actually paid" : d === t.to ? "today" : "")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Sources sources={t.sources} details={t.coverage.warnings} />
    </section>
  );
}

function InForce({ exporter, date, max }: { exporter: string; date: string; max?: string }) {
  const r = useApi<TariffExposure>(`/api/tariffs?exporter=${exporter}&date=${date}&effect=false&top=10`);
  return (
    <section aria-labelledby="inforce-h">
      <div className="title-row">
        <h2 id="inforce-h">Measures in force on {date} — {who(exporter)}</h2>
        <div className="controls">
          <div className="switch" role="radiogroup" aria-label="Exporter">
            {EXPORTERS.map((e) => <button key={e} role="radio" aria-checked={e === exporter} className={e === exporter ? "on" : ""} onClick={() => setParams({ exporter: e }, false)}>{e}</button>)}
          </div>
          <label className="select">Date <input type="date" value={date} min="2024-01-01" max={max} onChange={(e) => e.target.value && setParams({ date: e.target.value }, false)} /></label>
        </div>
      </div>
      <Show value={r} what="measures in force">
        {(x) => (
          <>
            <ul className="kpis">
              <li><span>Effective rate on {x.date}</span><b className="effective-rate">{pct(x.effectiveRate, 2)}</b></li>
              <li><span>2024 duty actually paid</span><b>{pct(x.baselineRate, 2)}</b></li>
              <li><span>Duty at 2024 volumes</span><b>{usd(x.duty)}</b></li>
              <li><span>Added over 2024</span><b>{usd(x.addedDuty)}</b></li>
              <li><span>US sales 2024</span><b>{usd(x.tradeValue)}</b></li>
            </ul>
            {x.measures.length === 0 ? <p className="note">No US measure beyond the 2024 duties is in force for {who(exporter)} on {x.date}.</p> : (
              <table className="measures-table">
                <thead><tr><th>Measure</th><th>Legal instrument</th><th>Effective</th><th className="num">Trade covered</th><th className="num">Duty added</th></tr></thead>
                <tbody>
                  {x.measures.map((m) => (
                    <tr key={m.id} data-measure={m.id}>
                      <td><b>{measureName(m.id, m.authority)}</b><br /><small>{m.authority}{m.modelled ? "" : " · not modelled"}</small></td>
                      <td><small>{m.instrument}{m.federalRegister ? ` (${m.federalRegister})` : ""}</small></td>
                      <td><small>{m.effective}{m.end ? `; ${m.end}` : ""}</small></td>
                      <td className="num">{m.tradeValue ? usd(m.tradeValue) : "–"}</td>
                      <td className="num">{m.dutyAdded ? usd(m.dutyAdded) : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>Products carrying the duty (HS4, largest US sales first)</h3>
            <table className="products-table">
              <thead><tr><th>HS4</th><th>Product</th><th className="num">US sales 2024</th><th className="num">Rate {x.date}</th><th className="num">Rate 2024</th></tr></thead>
              <tbody>
                {x.byProduct.slice(0, 10).map((p) => <tr key={p.hs}><td>{p.hs}</td><td className="clip">{p.description ?? "–"}</td><td className="num">{usd(p.tradeValue)}</td><td className="num">{pct(p.rate)}</td><td className="num">{pct(p.baselineRate)}</td></tr>)}
              </tbody>
            </table>
            <Sources sources={x.sources} details={x.coverage.warnings} />
          </>
        )}
      </Show>
    </section>
  );
}
