import { readFileSync } from "node:fs";
import { z } from "zod";
import { LineCounter, parseDocument, isNode } from "yaml";
import { ChokepointError, type Problem } from "../domain/error.ts";
import { Iso3Schema, MaterialIdSchema, StageSchema } from "../domain/vocabulary.ts";
import { DEFAULT_PARAMS, type ParamName } from "./params.ts";
import { SHOCK_TYPES } from "./shock.ts";
import { scenarioDomainIssues } from "./scenario-rules.ts";
import { LIMITS, depthOf, jsonTextDepth } from "../domain/limits.ts";

/** Shocks whose severity is a fraction 0–1. */
const FRACTION_TYPES = new Set(["export_restriction", "outage"]);

const Range = z.union([
  z.number(),
  z.tuple([z.number(), z.number()]),
  z.object({ low: z.number(), mode: z.number().optional(), high: z.number() }).strict(),
]);

const ShockSchema = z
  .object({
    type: z.enum(SHOCK_TYPES),
    actor: Iso3Schema,
    material: MaterialIdSchema,
    stage: StageSchema.optional(),
    targets: z.array(z.string().min(1)).min(1),
    startMonth: z.number().int().min(0).default(0),
    durationMonths: z.number().int().min(1).optional(),
    severity: z.number().min(0).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.severity === undefined && s.type !== "export_ban") {
      ctx.addIssue({ code: "custom", path: ["severity"], message: `severity is required for ${s.type}` });
    }
    if (s.severity !== undefined && FRACTION_TYPES.has(s.type) && s.severity > 1) {
      ctx.addIssue({ code: "custom", path: ["severity"], message: `severity of ${s.type} is a fraction 0–1`, input: s.severity });
    }
  });

/** Scenario files: YAML or JSON. See docs/simulator.md for every field. */
export const ScenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    year: z.number().int().min(LIMITS.scenarioYears.min).max(LIMITS.scenarioYears.max),
    horizonMonths: z.number().int().min(1).max(LIMITS.horizonMonths).default(24),
    shocks: z.array(ShockSchema).min(1),
    responses: z
      .object({
        stockpileDays: z.record(z.string(), z.number().min(0).max(3650)).default({}),
        allianceSharing: z.boolean().default(false),
        /** With allianceSharing: fraction (0–1) of an unaffected member's monthly demand it passes to affected members (trade sharing; the giver bears it). */
        tradeShare: z.number().min(0).max(1).optional(),
        reroute: z.boolean().default(true),
      })
      .strict()
      .default({ stockpileDays: {}, allianceSharing: false, reroute: true }),
    /** Blocs to report besides the targets (default: the targets; ALL reports ALLIANCE, EU27, JPN). */
    report: z.array(z.string().min(1)).optional(),
    /** Targets' share of world demand by group (EU27, JPN, or ISO3): [low, high]. */
    demandShares: z.record(z.string(), z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)])).optional(),
    params: z.partialRecord(z.enum(Object.keys(DEFAULT_PARAMS) as [ParamName, ...ParamName[]]), Range).optional(),
    runs: z.number().int().min(1).max(LIMITS.runs).default(1000),
    seed: z.number().int().min(0).max(4294967295).default(1),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const i of scenarioDomainIssues(s)) ctx.addIssue({ code: "custom", path: i.path, message: i.message, input: i.input });
  });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/**
 * Parse and validate a scenario given as text (YAML or JSON — JSON is YAML).
 * Problems name the file, line, path, the value found and the values allowed.
 *
 * @example
 * const s = parseScenario("name: x\nyear: 2023\nshocks: [{type: export_ban, actor: CHN, material: gallium, targets: [JPN]}]", "x.yaml");
 * s.runs // 1000
 */
export function parseScenario(text: string, file = "<scenario>"): Scenario {
  const depth = jsonTextDepth(text);
  if (depth > LIMITS.depth) {
    throw new ChokepointError("validation_failed", `${file}: nested ${depth} levels deep (at most ${LIMITS.depth})`, [
      { code: "too_deep", path: [], message: `nested deeper than ${LIMITS.depth} levels`, file, value: depth },
    ]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = lines.linePos(e.pos[0]).line;
    throw new ChokepointError("validation_failed", `${file}${line ? `:${line}` : ""}: not valid YAML/JSON: ${e.message.split("\n")[0]}`, [
      { code: "parse_error", path: [], message: e.message, file, line },
    ]);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch (e) {
    // An alias bomb (aliases of aliases) expands exponentially: refused, not expanded.
    throw new ChokepointError("validation_failed", `${file}: not a usable scenario: ${(e as Error).message}`, [
      { code: "parse_error", path: [], message: (e as Error).message, file },
    ]);
  }
  return validateScenario(data, file, (path) => {
    const node = doc.getIn(path, true);
    const range = isNode(node) ? node.range : undefined;
    return range ? lines.linePos(range[0]).line : undefined;
  });
}

/**
 * Validate an already-parsed scenario object (e.g. a JSON request body).
 * @example validateScenario({ name: "x", year: 2023, shocks: [] }) // throws validation_failed: shocks: …
 */
export function validateScenario(data: unknown, file = "<scenario>", lineOf: (path: (string | number)[]) => number | undefined = () => undefined): Scenario {
  if (depthOf(data, LIMITS.depth) > LIMITS.depth) {
    throw new ChokepointError("validation_failed", `${file}: nested deeper than ${LIMITS.depth} levels`, [{ code: "too_deep", path: [], message: `nested deeper than ${LIMITS.depth} levels`, file }]);
  }
  const r = ScenarioSchema.safeParse(data, { reportInput: true });
  if (r.success) return r.data;
  const problems: Problem[] = r.error.issues.map((i) => {
    const path = i.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    let message = i.message;
    const allowed = "values" in i ? (i.values as unknown[]) : undefined;
    if (allowed) message = `expected one of ${allowed.map(String).join(", ")}`;
    if (i.code === "unrecognized_keys") message = `unknown field(s) ${i.keys.join(", ")}`;
    const line = lineOf(path) ?? lineOf(path.slice(0, -1));
    return { code: i.code, path, message, file, line, field: path.join("."), value: i.input };
  });
  const text = problems
    .map((p) => {
      const where = `${file}${p.line ? `:${p.line}` : ""}`;
      const value = p.value === undefined ? "" : ` (found ${JSON.stringify(p.value)})`;
      return `${where}: ${p.field || "(top level)"}: ${p.message}${value}`;
    })
    .join("\n  ");
  throw new ChokepointError("validation_failed", `invalid scenario:\n  ${text}`, problems);
}

/**
 * Read and validate a scenario file.
 * @example const s = loadScenario("scenarios/china-gallium-alliance.yaml");
 */
export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ChokepointError("io_error", `cannot read scenario ${file}: ${(e as Error).message}`);
  }
  return parseScenario(text, file);
}
