import { StrictMode, Suspense, lazy } from "react";
import { createRoot } from "react-dom/client";
import { Link, href } from "./ui.tsx";
import { useLocation } from "./url.ts";
import { NotFound } from "./components/status.tsx";
import { api } from "./api.ts";
import { prefetchMaterialPage } from "./pages/material-data.ts";
import "./styles.css";

// What the page will ask for first, requested while its code is still loading.
for (const p of ["/api/blocs", "/api/countries"]) api(p).catch(() => {});
if (location.pathname.startsWith("/material/")) prefetchMaterialPage(location.pathname, new URLSearchParams(location.search));

// One chunk per page: a visit parses only its page's code (the map and Plot stay off the overview and alerts).
const Overview = lazy(() => import("./pages/overview.tsx").then((m) => ({ default: m.Overview })));
const MaterialPage = lazy(() => import("./pages/material.tsx").then((m) => ({ default: m.MaterialPage })));
const ScenarioPage = lazy(() => import("./pages/scenario.tsx").then((m) => ({ default: m.ScenarioPage })));
const PlanPage = lazy(() => import("./pages/plan.tsx").then((m) => ({ default: m.PlanPage })));
const AlertsPage = lazy(() => import("./pages/alerts.tsx").then((m) => ({ default: m.AlertsPage })));
const ProductsPage = lazy(() => import("./pages/products.tsx").then((m) => ({ default: m.ProductsPage })));
const GlossaryPage = lazy(() => import("./pages/glossary.tsx").then((m) => ({ default: m.GlossaryPage })));
const TariffsPage = lazy(() => import("./pages/tariffs.tsx").then((m) => ({ default: m.TariffsPage })));

const NAV = [
  ["/", "Overview"],
  ["/material/gallium", "Material"],
  ["/scenario", "Scenario"],
  ["/plan", "Plan"],
  ["/alerts", "Alerts"],
  ["/products", "Products"],
  ["/tariffs", "Tariffs"],
  ["/glossary", "Glossary"],
] as const;

function App() {
  const loc = useLocation();
  const bloc = loc.params.get("bloc") ?? "ALLIANCE";
  const section = "/" + (loc.path.split("/")[1] ?? "");
  let page;
  if (loc.path.startsWith("/material/")) page = <MaterialPage id={decodeURIComponent(loc.path.slice(10))} params={loc.params} />;
  else if (loc.path === "/scenario") page = <ScenarioPage params={loc.params} />;
  else if (loc.path === "/plan") page = <PlanPage params={loc.params} />;
  else if (loc.path === "/alerts") page = <AlertsPage params={loc.params} />;
  else if (loc.path === "/products") page = <ProductsPage params={loc.params} />;
  else if (loc.path === "/tariffs") page = <TariffsPage params={loc.params} />;
  else if (loc.path === "/glossary") page = <GlossaryPage />;
  else if (loc.path === "/" || loc.path === "/index.html") page = <Overview bloc={bloc} />;
  else page = <NotFound what={`There is no page at ${loc.path}.`} />;
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header>
        <strong className="brand">chokepoint</strong>
        <nav aria-label="Pages">
          {NAV.map(([to, label]) => (
            <Link key={to} to={href(to, { bloc: loc.params.get("bloc") ?? undefined })} className={(to === "/" ? section === "/" : section === "/" + to.split("/")[1]) ? "active" : ""}>
              {label}
            </Link>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}><Suspense fallback={<p className="loading" role="status">Loading…</p>}>{page}</Suspense></main>
      <footer>Open data: USGS Mineral Commodity Summaries, EU 2023 criticality study, Eurostat Comext, UN Comtrade, World Bank WGI; CEPII BACI when loaded. Terms explained in the <a href="/glossary">glossary</a>.</footer>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
