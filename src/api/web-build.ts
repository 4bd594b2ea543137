import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The project root (this file is src/api/web-build.ts). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Where the Vite build of the dashboard lands. */
export const WEB_DIST = join(PROJECT_ROOT, "web", "dist");

/** What the dashboard bundle is built from (the web app imports the chart modules in src/report). */
const WEB_SOURCES = ["web/src", "web/public", "web/index.html", "src/report", "vite.config.ts"].map((p) => join(PROJECT_ROOT, p));

/**
 * Build the dashboard with Vite if `web/dist` is missing (a fresh clone after `npm ci`), older than
 * any of its sources (after a pull or an edit), or when `force` is set. Offline: everything it needs
 * is in node_modules.
 * @example const dist = await ensureWebBuild(); // ".../web/dist"
 */
export async function ensureWebBuild(opts: { force?: boolean; log?: (m: string) => void } = {}): Promise<string> {
  const index = join(WEB_DIST, "index.html");
  if (!opts.force && existsSync(index) && newestMtime(WEB_SOURCES) <= statSync(index).mtimeMs) return WEB_DIST;
  opts.log?.("Building the dashboard (web/ → web/dist)…");
  const { build } = await import("vite");
  await build({ configFile: join(PROJECT_ROOT, "vite.config.ts"), logLevel: "warn" });
  return WEB_DIST;
}

/** The newest modification time among files under the given paths (0 when none exist). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const st = statSync(p);
    if (st.isDirectory()) newest = Math.max(newest, newestMtime(readdirSync(p).map((f) => join(p, f))));
    else newest = Math.max(newest, st.mtimeMs);
  }
  return newest;
}
