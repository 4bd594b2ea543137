/**
 * Every size and range limit on user input, in one place (issue #18). The CLI, scenario files
 * and the HTTP API all read these, so a request can never ask for more than the CLI allows.
 */
export const LIMITS = {
  /** Monte Carlo runs per simulation (CLI --runs, scenario `runs`, API query and body). */
  runs: 20_000,
  /** Simulated months (scenario `horizonMonths`). */
  horizonMonths: 120,
  /** Data years a loader or scenario accepts: earlier than UN Comtrade's first year is a typo. */
  years: { min: 1962, max: 2100 },
  /** Scenario `year` (a data year the simulator looks up). */
  scenarioYears: { min: 2000, max: 2100 },
  /** Largest HTTP request body, bytes (checked before the body is read). */
  bodyBytes: 256 * 1024,
  /** Deepest nesting of arrays/objects in a JSON or YAML request body or scenario file. */
  depth: 32,
  /** YAML aliases per document (an alias bomb expands exponentially). */
  yamlAliases: 100,
  /** Largest single CSV field, characters (a 20 MB field is not data). */
  fieldChars: 64 * 1024,
  /** Simulations the server runs at once (each on its own worker thread); more wait in line. */
  simulationWorkers: 1,
  /** Random seeds (CLI --seed, scenario `seed`, API query): unsigned 32-bit integers. */
  seed: { min: 0, max: 4_294_967_295 },
  /** Rows a listing returns (API `limit`, CLI `--limit`). */
  listRows: { min: 1, max: 10_000 },
  /** A bloc spec: a name or a comma list of countries. */
  blocChars: 400,
} as const;

/**
 * Depth of nested arrays/objects, without recursion (a 10,000-deep body must not overflow the stack).
 * Stops counting once `limit` is passed.
 *
 * @example depthOf({ a: [[1]] }) // 3
 */
export function depthOf(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === "object") stack.push([x, d + 1]);
  }
  return max;
}

/**
 * Depth of a JSON text's nesting, by scanning brackets outside strings (before JSON.parse, which
 * would build the whole structure). @example jsonTextDepth('{"a":[1,[2]]}') // 3
 */
export function jsonTextDepth(text: string): number {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) max = Math.max(max, ++depth);
    else if (ch === 125 || ch === 93) depth--;
  }
  return max;
}
