import { scanChartSvg, usdShort, type ScanPoint } from "../../../src/report/scan-chart.ts";
import { useApi, type ApiError, type Loadable } from "../api.ts";
import { Chart } from "../components/figure.tsx";
import { Absent, plain } from "../components/status.tsx";
import { BlocSwitch, Link, Show, Sources, blocName, href, pct, type SourceRef } from "../ui.tsx";

type Product = ScanPoint & {
  rank: number;
  materials: { material: string; stage: string; basket: boolean }[];
  suppliers: number;
};
type Scan = {
  year: number;
  bloc: string;
  sources: SourceRef[];
  method: string;
  returned: number;
  coverage: { productsImported: number; productsListed: number; dependent: number; missingMembers: string[] };
  yearsLoaded: number[];
  products: Product[];
};

/** How many products the chart draws: all dependent ones come first in the ranking, then by value. */
const DRAWN = 1500;

/** Every product (CEPII BACI): the bloc's extra-bloc import concentration against the top supplier's world share. */
export function ProductsPage({ params }: { params: URLSearchParams }) {
  const bloc = params.get("bloc") ?? "ALLIANCE";
  const dependent = params.get("dependent") === "true";
  const materials = params.get("materials") === "true";
  const year = params.get("year") ?? undefined;
  const scan = useApi<Scan>(`/api/scan?bloc=${encodeURIComponent(bloc)}&limit=${DRAWN}${year ? `&year=${encodeURIComponent(year)}` : ""}${dependent ? "&dependent=true" : ""}${materials ? "&materials=true" : ""}`);
  const keep = (p: Record<string, string | undefined>) => href("/products", { bloc, year, dependent: dependent ? "true" : undefined, materials: materials ? "true" : undefined, ...p });
  return (
    <>
      <div className="title-row">
        <h1>Every product — {blocName(bloc)}</h1>
        <BlocSwitch bloc={bloc} />
      </div>
      <p className="lede">
        For every HS6 product the bloc imports from outside: how concentrated those imports are, and whether the top supplier also dominates world exports (then there is nowhere else to buy).{" "}
        {dependent ? <Link to={keep({ dependent: undefined })}>All products, dependent or not</Link> : <Link to={keep({ dependent: "true" })}>Only dependent products</Link>}{" · "}
        {materials ? <Link to={keep({ materials: undefined })}>Every HS6 product</Link> : <Link to={keep({ materials: "true" })}>Only products carrying a catalogue material</Link>}
      </p>
      {scan.state === "error" && (scan.error as ApiError).status === 404 ? (
        <Absent title="No product-level trade data (CEPII BACI) is loaded yet." details={plain(scan.error.message).details.length ? plain(scan.error.message).details : ["chokepoint ingest baci <folder of BACI_HS22_Y*.csv files>"]}>
          <p>This page compares, for every HS6 product, how concentrated the bloc's imports are with how dominant the top supplier is in world exports. It needs CEPII's BACI world trade table (free download from cepii.fr, one CSV file per year), loaded once into the local database by whoever runs this server.</p>
          <p>Until then, the <Link to={href("/", { bloc })}>overview</Link> and the material pages cover the catalogue's critical materials from Comext, Comtrade and USGS data.</p>
        </Absent>
      ) : null}
      <Show value={scan.state === "error" && (scan.error as ApiError).status === 404 ? ({ state: "ok", data: null } as Loadable<Scan | null>) : (scan as Loadable<Scan | null>)} what="product scan">
        {(s) => !s ? null : (
          <>
            {s.yearsLoaded.length > 1 ? (
              <nav aria-label="BACI year" className="chips">
                {s.yearsLoaded.map((y) => (y === s.year ? <b key={y}>{y} </b> : <Link key={y} to={keep({ year: String(y) })}>{y} </Link>))}
              </nav>
            ) : null}
            <p className="big">
              <b>{s.coverage.dependent}</b> of {s.coverage.productsImported.toLocaleString("en-US")} products meet all three EC dependency criteria for {s.bloc} ({s.year}).
            </p>
            <Chart
              label={`Product scan for ${s.bloc}, ${s.year}`}
              maxWidth={860}
              deps={[s]}
              rows={s.products.map((p) => ({ hs6: p.hs6, description: p.description ?? null, importValue: p.importValue, hhi: p.hhi, topCountry: p.top.country, topShare: p.top.share, topWorldShare: p.topWorldShare, dependent: p.dependent }))}
              svg={(w) => scanChartSvg({
                title: `Every product, ${s.bloc} ${s.year}`,
                points: s.products,
                sources: s.sources,
                width: w,
                note: s.returned < s.coverage.productsListed ? `${s.returned.toLocaleString("en-US")} of ${s.coverage.productsListed.toLocaleString("en-US")} products drawn.` : undefined,
              })}
            />
            <h2>Ranked: dependent first, then by import value</h2>
            <div className="scroll">
              <table>
                <thead>
                  <tr><th className="num">#</th><th>HS6</th><th>Materials</th><th className="num">Imports (USD)</th><th className="num">Suppliers</th><th className="num">HHI</th><th>Top supplier</th><th className="num">World share</th><th>Dependent</th></tr>
                </thead>
                <tbody>
                  {s.products.slice(0, 30).map((p) => (
                    <tr key={p.hs6}>
                      <td className="num">{p.rank}</td>
                      <td><b>{p.hs6}</b> {p.description ?? ""}</td>
                      <td>{materialsOf(p).map((m) => <Link key={m.material} to={href(`/material/${m.material}`, { bloc })}>{m.material}{m.basket ? "*" : ""} </Link>)}</td>
                      <td className="num">{usdShort(p.importValue)}</td>
                      <td className="num">{p.suppliers}</td>
                      <td className="num">{p.hhi.toFixed(2)}</td>
                      <td>{p.top.country} {pct(p.top.share, 0)}</td>
                      <td className="num">{pct(p.topWorldShare, 0)}</td>
                      <td>{p.dependent ? "yes" : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="note">* basket code: the HS6 line holds other goods too. Method: {s.method}. World share: the top supplier's share of world exports of the product.</p>
            <Sources sources={s.sources} />
          </>
        )}
      </Show>
    </>
  );
}

/** Each material once (a code can carry it at two stages); a basket mark only if every line is a basket. */
function materialsOf(p: Product): { material: string; basket: boolean }[] {
  const out = new Map<string, boolean>();
  for (const m of p.materials) out.set(m.material, (out.get(m.material) ?? true) && m.basket);
  return [...out].map(([material, basket]) => ({ material, basket }));
}
