import { z } from "zod";
import { ChokepointError } from "../domain/error.ts";
import { ScenarioSchema } from "../simulate/scenario.ts";

/** What the caller asks the planner (CLI flags, API body, library call). */
export const PlanRequestSchema = z.strictObject({
  material: z.string().min(1),
  stage: z.string().optional(),
  bloc: z.string().min(1),
  year: z.number().int().min(1990).max(2100).optional(),
  maxShare: z.number().gt(0).max(1).optional(),
  trusted: z.array(z.string().min(1)).optional(),
  /** Countries to take off the sanctions list for this plan (ISO3). */
  allow: z.array(z.string().regex(/^[A-Za-z]{3}$/, "expected an ISO3 code")).optional(),
  /** Throw `infeasible` instead of answering with the smallest feasible change (default false). */
  strict: z.boolean().optional(),
  minTrusted: z.number().min(0).max(1).optional(),
  risk: z.enum(["shortfall", "governance"]).optional(),
  demandShare: z.number().gt(0).lt(1).optional(),
  investmentBlock: z.number().positive().optional(),
  compareSeparate: z.boolean().optional(),
  /** Also price the bloc's current mix from its imports (default true; batch callers may skip it). */
  current: z.boolean().optional(),
  /**
   * The scenario to size a stockpile against, as an object (never a path: only the CLI reads files,
   * so no request can make the server open one). The CLI loads `--scenario <file>` and passes it here.
   */
  scenario: ScenarioSchema.optional(),
  /** Where the scenario came from, for the report (the CLI sets the file name; default: its `name`). */
  scenarioLabel: z.string().max(400).optional(),
  protect: z.number().gt(0).lt(1).optional(),
  /** With scenario: the largest acceptable peak monthly shortfall, fraction of demand (default 0.1). */
  threshold: z.number().min(0).lt(1).optional(),
});
export type PlanRequestInput = z.input<typeof PlanRequestSchema>;
export type PlanRequest = z.infer<typeof PlanRequestSchema>;

/**
 * Validate a plan request; a bad field is `invalid_input` naming the field and value.
 * @example parseRequest({ material: "gallium", bloc: "JPN", maxShare: 0.65 })
 */
export function parseRequest(input: unknown): PlanRequest {
  const r = PlanRequestSchema.safeParse(input);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => ({
    code: i.code,
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: i.message,
    field: i.path.join("."),
    value: i.path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k as string] : undefined), input),
  }));
  const first = problems[0];
  throw new ChokepointError("invalid_input", `invalid plan request: ${first.field} = ${JSON.stringify(first.value)}: ${first.message}`, problems);
}
