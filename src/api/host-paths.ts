import { ChokepointError, type Problem } from "../domain/error.ts";
import { LIMITS } from "../domain/limits.ts";

/**
 * The HTTP API never takes a file path from a request: scenarios travel as objects and only the
 * CLI reads files. As a second wall behind the schemas (which have no path fields), every string in
 * a request's query and body that looks like a host path is refused before any capability runs, so
 * a future field cannot reopen the hole by accident.
 */

const MAX_DECODE = 3; // %252F → %2F → /: decode a few times so double-encoding is seen too

/** Percent-decode repeatedly; malformed escapes stay as they are. */
function decoded(s: string): string {
  let cur = s;
  for (let i = 0; i < MAX_DECODE; i++) {
    let next: string;
    try {
      next = decodeURIComponent(cur);
    } catch {
      return cur;
    }
    if (next === cur) return cur;
    cur = next;
  }
  return cur;
}

/**
 * Whether a request string names a place on the host's file system: absolute (`/etc`, `\\srv`,
 * `C:\`), home (`~/`), parent (`..`) segments, or a `file:` URL — plain or percent-encoded.
 * @example looksLikeHostPath("/etc/shadow") // true
 * @example looksLikeHostPath("EU27,JPN") // false
 */
export function looksLikeHostPath(raw: string): boolean {
  const s = decoded(raw).trim().replace(/\0/g, "");
  return (
    /^[/\\]/.test(s) ||
    /^~[/\\]/.test(s) ||
    /^[A-Za-z]:[/\\]/.test(s) ||
    /^file:/i.test(s) ||
    /(^|[/\\])\.\.([/\\]|$)/.test(s)
  );
}

/**
 * Throw `invalid_input` (HTTP 400) naming the first field whose value looks like a host path.
 * The message names the field, never anything read from the path.
 * @example refuseHostPaths({ scenario: "/etc/shadow" }, "body") // throws: body.scenario …
 */
export function refuseHostPaths(value: unknown, where: "query" | "body"): void {
  const found: Problem[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: (string | number)[], depth: number) => {
    if (found.length || depth > LIMITS.depth) return; // deeper bodies were refused when read
    if (typeof v === "string") {
      if (looksLikeHostPath(v)) found.push({ code: "path_not_allowed", path, message: "the API does not read files: send the content, not a path", field: path.join(".") });
      return;
    }
    if (!v || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], depth + 1));
    else for (const [k, x] of Object.entries(v)) {
      if (looksLikeHostPath(k)) found.push({ code: "path_not_allowed", path: [...path, k], message: "the API does not read files: a key names a path", field: [...path, k].join(".") });
      walk(x, [...path, k], depth + 1);
    }
  };
  walk(value, [], 0);
  if (found.length) {
    const p = found[0];
    throw new ChokepointError("invalid_input", `${where}.${p.field || "(value)"}: looks like a file path; the API does not read files (send a scenario as an object, not a path)`, found);
  }
}
