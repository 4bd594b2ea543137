import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ChokepointError } from "./error.ts";

/**
 * The user's `chokepoint.config.json` (or `$CHOKEPOINT_CONFIG`) as parsed JSON with its path, or
 * null when there is none. One reader for every section (`blocs`, `policy`, …).
 * @example readConfig()?.data // { blocs: { QUAD: ["AUS", "IND", "JPN", "USA"] } }
 */
export function readConfig(): { path: string; data: Record<string, unknown> } | null {
  const path = resolve(process.env.CHOKEPOINT_CONFIG ?? "chokepoint.config.json");
  if (!existsSync(path)) return null;
  try {
    return { path, data: JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown> };
  } catch (e) {
    throw new ChokepointError("invalid_input", `${path}: not valid JSON: ${(e as Error).message}`);
  }
}
