import type { Alternative, PartnersReport } from "../../../src/plan/partners.ts";
import type { AllianceDirection } from "../../../src/plan/partners-alliance.ts";
import { useApi } from "../api.ts";
import { Absent, plain } from "../components/status.tsx";
import { useCountryNames } from "../countries.ts";
import { saveBlob, slug, toCsv } from "../csv.ts";
import { Sources, blocName, pct } from "../ui.tsx";
import { partnersPath } from "./material-data.ts";

const TIER: Record<Alternative["tier"], string> = { alliance: "Alliance partner", trusted: "Trusted partner", other: "Other" };
const usd = (v: number | null | undefined) => (v === null || v === undefined ? "–" : v >= 1e9 ? `$${(v / 1e9).toFixed(2)} bn` : v >= 1e6 ? `$${(v / 1e6).toFixed(1)} m` : `$${Math.round(v / 1e3)} k`);

/** The alternatives shown per dependency: every alliance partner, then the 5 largest trusted and 3 largest other exporters. */
export function shownAlternatives(alts: readonly Alternative[]): Alternative[] {
  const t = (x: Alternative["tier"], n: number) => alts.filter((a) => a.tier === x).slice(0, n);
  return [...t("alliance", Infinity), ...t("trusted", 5), ...t("other", 3)];
}

/**
 * Partner finder on the material page (`GET /api/partners`): for each dependency of the bloc (a third
 * country above 50 % of its extra-bloc imports as the sourcing engine reads them, or above the CRM Act's
 * 65 %), who else exports the product in BACI — the other alliance half first, then trusted partners,
 * then others. Where BACI names another largest supplier or dependency, the panel says so and why.
 */
export function PartnersPanel({ material, bloc, stage }: { material: string; bloc: string; stage: string }) {
  const r = useApi<PartnersReport>(partnersPath(material, bloc, stage));
  const name = useCountryNames();
  return (
    <section aria-labelledby="partners-h" className="partners">
      <h2 id="partners-h">Who else could supply {blocName(bloc)}</h2>
      {r.state === "loading" ? <p className="loading" role="status">Loading partners…</p> : r.state === "error" ? (
        <Absent title="No partner figures for this material." details={plain(r.error.message).details}><p>{plain(r.error.message).text}</p></Absent>
      ) : (
        <>
          <p className="note">Dependencies: the bloc's imports as in the sourcing table (sourcing engine); other exporters: world trade (CEPII BACI {r.data.year}, HS {r.data.codes.join(", ")}, {r.data.stage}). Sanctioned suppliers left out: {r.data.policy.excluded.map(name).join(", ")}.</p>
          {r.data.blocs.map((b) => (
            <div key={b.bloc} className="partner-bloc" data-bloc={b.bloc}>
              {r.data.blocs.length > 1 ? <h3>{blocName(b.bloc)}</h3> : null}
              {b.disagreement ? <Disagreement b={b} name={name} /> : null}
              {b.dependencies.length === 0 ? (
                <p className="no-dependency">No dependency: no third country supplies more than 50 % of {blocName(b.bloc)}'s imports from outside ({b.sourcing ? `sourcing engine, ${b.sourcing.year}` : `CEPII BACI ${r.data.year}`}{largest(b) ? `; largest: ${name(largest(b)!.country)} ${pct(largest(b)!.share)}` : ""}).</p>
              ) : b.dependencies.map((d) => <DependencyTable key={d.country} bloc={b.bloc} d={d} name={name} material={material} />)}
            </div>
          ))}
          {r.data.alliance ? (
            <>
              <h3>Inside the alliance</h3>
              <ul className="alliance-links">
                {[r.data.alliance.euToJapan, r.data.alliance.japanToEu].map((a) => <li key={a.from}><AllianceLine a={a} /></li>)}
              </ul>
            </>
          ) : null}
          <Sources sources={r.data.sources} details={[...r.data.coverage.warnings, r.data.method]} />
        </>
      )}
    </section>
  );
}

/** Where BACI names another largest supplier or dependency than the sourcing engine: one line, the reasons folded. */
function Disagreement({ b, name }: { b: PartnersReport["blocs"][number]; name: (c: string) => string }) {
  const [s, t] = [b.sourcing?.topSuppliers[0], b.topSuppliers[0]];
  return (
    <div className="partners-disagree warn" role="note">
      <b>Sources disagree:</b> {s ? `the sourcing table (${b.sourcing!.year}) has ${name(s.country)} ${pct(s.share)} largest` : "the sourcing table"}, world trade (CEPII BACI) {t ? `${name(t.country)} ${pct(t.share)}` : "no supplier"}. Dependencies follow the sourcing table.{" "}
      <details><summary>Why</summary>{b.disagreement}</details>
    </div>
  );
}

/** The bloc's largest supplier from outside it, as the dependencies were read (sourcing engine, else BACI). */
function largest(b: PartnersReport["blocs"][number]) {
  return b.sourcing ? b.sourcing.topSuppliers[0] ?? null : b.topSuppliers[0] ?? null;
}

function DependencyTable({ bloc, d, name, material }: { bloc: string; d: PartnersReport["blocs"][number]["dependencies"][number]; name: (c: string) => string; material: string }) {
  const shown = shownAlternatives(d.alternatives);
  const rows = d.alternatives.map((a) => ({ bloc, dependency: d.country, country: a.country, name: name(a.country), tier: a.tier, worldExportShare: a.worldExportShare, worldExportsUsd: a.worldExports.usd, sellsToBlocUsd: a.sellsToBloc.usd, sellsToBlocShare: a.sellsToBloc.share, exportsElsewhereUsd: a.exportsElsewhere.usd, governanceRisk: a.governance?.risk ?? null }));
  return (
    <div className="dependency" data-dependency={d.country}>
      <p><b>{name(d.country)} supplies {pct(d.share)}</b> of {blocName(bloc)}'s imports from outside ({d.usd !== null ? usd(d.usd) : `${Math.round(d.amount).toLocaleString("en")} ${d.unit}`}): {d.reasons.join("; ")}. Other exporters:</p>
      <table className="partners-table">
        <thead><tr><th>Exporter</th><th>Tier</th><th className="num">World export share</th><th className="num">Sells {bloc} now (BACI)</th><th className="num">Exports elsewhere</th><th className="num">Governance risk</th></tr></thead>
        <tbody>
          {shown.map((a) => (
            <tr key={a.country} data-country={a.country} data-tier={a.tier}>
              <td>{name(a.country)}</td><td>{TIER[a.tier]}</td><td className="num">{pct(a.worldExportShare)}</td>
              <td className="num">{usd(a.sellsToBloc.usd)} ({pct(a.sellsToBloc.share)})</td><td className="num">{usd(a.exportsElsewhere.usd)}</td>
              <td className="num">{a.governance ? `${a.governance.risk.toFixed(1)} (${a.governance.year})` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        {d.alternatives.length > shown.length ? `${d.alternatives.length - shown.length} more exporters in the CSV. ` : ""}Exports elsewhere is trade that could be redirected, not spare capacity. Governance: WGI on the EU 0–10 risk scale (higher is worse).{" "}
        <button type="button" className="linkish" onClick={() => saveBlob(new Blob([toCsv(rows)], { type: "text/csv" }), `${slug(`partners ${material} ${bloc} ${d.country}`)}.csv`)}>Download CSV</button>
      </p>
    </div>
  );
}

function AllianceLine({ a }: { a: AllianceDirection }) {
  const who = (b: string) => (b === "JPN" ? "Japan" : b === "EU27" ? "the EU" : b);
  return (
    <>
      <b>{who(a.from)} → {who(a.to)}</b>: already {usd(a.already.usd)} ({pct(a.already.shareOfBuyerImports)} of {who(a.to)}'s imports from outside itself); {who(a.to)} buys {usd(a.buyerImportsFromThirdCountries.usd)} from third countries, and {who(a.from)} exports {usd(a.supplierExportsToThirdCountries.usd)} to third countries.
    </>
  );
}
