import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Link, href } from "./ui.tsx";
import { useLocation } from "./url.ts";
import { Overview } from "./pages/overview.tsx";
import { MaterialPage } from "./pages/material.tsx";
import { ScenarioPage } from "./pages/scenario.tsx";
import { PlanPage } from "./pages/plan.tsx";
import { AlertsPage } from "./pages/alerts.tsx";
import { ProductsPage } from "./pages/products.tsx";
import { GlossaryPage } from "./pages/glossary.tsx";
import { TariffsPage } from "./pages/tariffs.tsx";
import { NotFound } from "./components/status.tsx";
import "./styles.css";

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
      <main id="main" tabIndex={-1}>{page}</main>
      <footer>Open data: USGS Mineral Commodity Summaries, EU 2023 criticality study, Eurostat Comext, UN Comtrade, World Bank WGI; CEPII BACI when loaded. Terms explained in the <a href="/glossary">glossary</a>.</footer>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
