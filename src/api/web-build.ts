import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The project root (this file is src/api/web-build.ts). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Where the Vite build of the dashboard lands. */
export const WEB_DIST = join(PROJECT_ROOT, "web", "dist");

/**
 * Build the dashboard with Vite if `web/dist` is missing (a fresh clone after `npm ci`), or when
 * `force` is set. Offline: everything it needs is in node_modules.
 * @example const dist = await ensureWebBuild(); // ".../web/dist"
 */
export async function ensureWebBuild(opts: { force?: boolean; log?: (m: string) => void } = {}): Promise<string> {
  if (!opts.force && existsSync(join(WEB_DIST, "index.html"))) return WEB_DIST;
  opts.log?.("Building the dashboard (web/ → web/dist)…");
  const { build } = await import("vite");
  await build({ configFile: join(PROJECT_ROOT, "vite.config.ts"), logLevel: "warn" });
  return WEB_DIST;
}
