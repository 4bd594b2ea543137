import { hostname, networkInterfaces } from "node:os";
import type { Context, MiddlewareHandler } from "hono";
import { ChokepointError } from "../domain/error.ts";
import { LIMITS, depthOf, jsonTextDepth } from "../domain/limits.ts";

/**
 * Standard security headers on every response: no MIME sniffing, no framing (clickjacking),
 * a CSP that allows only the dashboard's own files, no referrer to other sites.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header("X-Content-Type-Options", "nosniff");
  c.header("X-Frame-Options", "DENY");
  c.header("Referrer-Policy", "no-referrer");
  c.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
};

const LOOPBACK = ["localhost", "127.0.0.1", "::1", "[::1]"];

/**
 * Host names a request may carry for a server bound to `bound`: loopback names, the bound
 * address, and for a wildcard bind (0.0.0.0, ::) this machine's name and addresses. A page on
 * another site that rebinds its DNS name to 127.0.0.1 still sends its own name: refused.
 *
 * @example allowedHostNames("127.0.0.1").has("localhost") // true
 */
export function allowedHostNames(bound: string, extra: string[] = []): Set<string> {
  const out = new Set([...LOOPBACK, bound.toLowerCase(), `[${bound.toLowerCase()}]`, ...extra.map((h) => h.toLowerCase())]);
  if (bound === "0.0.0.0" || bound === "::") {
    out.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.add(a.family === "IPv6" ? `[${a.address}]` : a.address);
  }
  return out;
}

/** Refuse requests whose Host header names none of `allowed` (DNS rebinding): 421 JSON problem. */
export function hostCheck(allowed: Set<string>): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.header("host") ?? new URL(c.req.url).host;
    const name = raw.replace(/:\d+$/, "").toLowerCase();
    if (!allowed.has(name)) {
      return c.json({ code: "misdirected_request", path: ["headers", "host"], message: `Host '${raw.slice(0, 100)}' is not this server (DNS rebinding?); use ${[...allowed][0]}` }, 421);
    }
    await next();
  };
}

const JSON_TYPE = /^application\/(json|[\w.+-]+\+json)\s*(;|$)/i;
const YAML_TYPE = /^(application|text)\/(x-)?yaml\s*(;|$)/i;

/**
 * Read a POST body by its declared type: `application/json` → parsed, `application/yaml` → text
 * (the route parses it with line numbers). Anything else — `text/plain`, forms, none with a body —
 * is 415: those are the types a page on another site can send without a CORS preflight.
 * Bodies nested deeper than `LIMITS.depth` are refused before parsing.
 *
 * @example const body = await readTypedBody(c); // {…} or "name: x\n…"
 */
export async function readTypedBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  const text = await c.req.text();
  if (!type && text.trim() === "") return {};
  if (YAML_TYPE.test(type)) return text;
  if (!JSON_TYPE.test(type)) {
    throw new ChokepointError("unsupported_media_type", `Content-Type '${type.slice(0, 80) || "(none)"}' is not accepted: send application/json (or application/yaml for scenarios)`, [
      { code: "unsupported_media_type", path: ["headers", "content-type"], message: "expected application/json or application/yaml", value: type.slice(0, 80) },
    ]);
  }
  if (text.trim() === "") return {};
  const depth = jsonTextDepth(text);
  if (depth > LIMITS.depth) {
    throw new ChokepointError("invalid_input", `request body is nested ${depth} levels deep (at most ${LIMITS.depth})`, [{ code: "too_deep", path: [], message: `nested deeper than ${LIMITS.depth} levels`, value: depth }]);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new ChokepointError("invalid_input", `request body is not valid JSON: ${(e as Error).message}`, [{ code: "invalid_json", path: [], message: (e as Error).message }]);
  }
  if (depthOf(body, LIMITS.depth) > LIMITS.depth) throw new ChokepointError("invalid_input", `request body nested deeper than ${LIMITS.depth} levels`);
  return body;
}
