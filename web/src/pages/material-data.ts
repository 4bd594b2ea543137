import { api, prefetch } from "../api.ts";
import type { Exposure } from "./material-trend.ts";

export type Material = { id: string; name: string; stages: string[]; default_stage: string | null };

/** The stage the material page shows: the URL's, else the catalogue's default, else the first. */
export const pageStage = (m: Material | undefined, asked: string | null) => asked ?? m?.default_stage ?? m?.stages[0] ?? "";

/**
 * Every API path the material page reads, from the URL and the catalogue entry alone: the page and the
 * prefetch below ask the very same paths, so answers fetched early are the ones the page uses.
 * @example materialPaths({ id: "gallium", stages: ["processing"], … }, "JPN", "processing").production
 */
export function materialPaths(m: Material, bloc: string, stage: string) {
  const q = `material=${encodeURIComponent(m.id)}&bloc=${encodeURIComponent(bloc)}${stage ? `&stage=${stage}` : ""}`;
  return {
    production: `/api/exposure?${q}&basis=production`,
    sourcing: `/api/exposure?${q}&basis=sourcing`,
    partners: partnersPath(m.id, bloc, stage),
    sankey: ["EU27", "JPN"].flatMap((b) => m.stages.map((s) => ({ label: `${b} ${s}`, path: `/api/exposure?material=${m.id}&bloc=${b}&stage=${s}&basis=sourcing` }))),
  };
}

/** The partners finder's path (it knows two stages; others ask for the default). */
export function partnersPath(material: string, bloc: string, stage: string): string {
  const st = stage === "extraction" || stage === "processing" ? `&stage=${stage}` : "";
  return `/api/partners?material=${encodeURIComponent(material)}&bloc=${encodeURIComponent(bloc)}${st}`;
}

/** The same exposure in another year (the trend charts). */
export const yearPath = (base: Exposure, basis: "production" | "sourcing", year: number) =>
  `/api/exposure?material=${base.material}&bloc=${encodeURIComponent(base.bloc)}&stage=${base.stage}&basis=${basis}&year=${year}`;

/**
 * Ask for a material page's data while its code is still loading (the page's chunk with the map and
 * Plot takes ~0.3 s to parse): catalogue → exposures, partners, Sankey → each year of the trends.
 * Errors are left for the page to meet when it asks.
 */
export function prefetchMaterialPage(path: string, params: URLSearchParams): void {
  const id = decodeURIComponent(path.slice("/material/".length));
  const bloc = params.get("bloc") ?? "ALLIANCE";
  api<{ materials: Material[] }>("/api/materials").then(({ materials }) => {
    const m = materials.find((x) => x.id === id);
    if (!m) return;
    const p = materialPaths(m, bloc, pageStage(m, params.get("stage")));
    for (const x of [p.partners, ...p.sankey.map((s) => s.path)]) prefetch(x);
    for (const basis of ["production", "sourcing"] as const)
      prefetch<Exposure>(p[basis]).then((e) => {
        for (const y of new Set(e.coverage.years)) if (y !== e.year) prefetch(yearPath(e, basis, y));
      }, () => {});
  }, () => {});
}
