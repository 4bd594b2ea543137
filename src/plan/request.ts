import { z } from "zod";
import { ChokepointError } from "../domain/error.ts";

/** What the caller asks the planner (CLI flags, API body, library call). */
export const PlanRequestSchema = z.object({
  material: z.string().min(1),
  stage: z.string().optional(),
  bloc: z.string().min(1),
  year: z.number().int().min(1990).max(2100).optional(),
  maxShare: z.number().gt(0).max(1).optional(),
  trusted: z.array(z.string().min(1)).optional(),
  minTrusted: z.number().min(0).max(1).optional(),
  risk: z.enum(["shortfall", "governance"]).optional(),
  demandShare: z.number().gt(0).lt(1).optional(),
  investmentBlock: z.number().positive().optional(),
  compareSeparate: z.boolean().optional(),
  /** Also price the bloc's current mix from its imports (default true; batch callers may skip it). */
  current: z.boolean().optional(),
  scenario: z.string().optional(),
  protect: z.number().gt(0).lt(1).optional(),
  /** With scenario: the largest acceptable peak monthly shortfall, fraction of demand (default 0.1). */
  threshold: z.number().min(0).lt(1).optional(),
});
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
