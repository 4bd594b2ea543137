import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { Hono } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serve the built dashboard from `dist`: files as they are (hashed assets cached for a year),
 * every other path the app's index.html so shareable URLs like `/material/gallium` load.
 * @example serveDashboard(app, "web/dist")
 */
export function serveDashboard(app: Hono, dist: string): void {
  const root = resolve(dist);
  const index = () => readFileSync(join(root, "index.html"));
  app.get("*", (c) => {
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return c.json({ code: "invalid_input", path: [], message: "malformed percent-encoding in the URL path" }, 400);
    }
    const rel = normalize(path).replace(/^([/\\])+/, "");
    const file = resolve(root, rel);
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
      const immutable = rel.startsWith("assets" + sep) || rel.startsWith("assets/");
      return c.body(readFileSync(file), 200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      });
    }
    if (extname(rel)) return c.json({ code: "not_found", path: [], message: `not found: ${c.req.path}` }, 404);
    if (!existsSync(join(root, "index.html"))) return c.json({ code: "not_found", path: [], message: "the dashboard is not built (npm start builds it)" }, 404);
    return c.body(index(), 200, { "Content-Type": TYPES[".html"], "Cache-Control": "no-cache" });
  });
}
