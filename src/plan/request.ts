import { z } from "zod";
import { BlocField, FlagField, parseRequest as parseWith, YearField } from "../domain/request.ts";
import { ScenarioSchema } from "../simulate/scenario.ts";
import { splitResolvedBloc, type Bloc } from "../domain/blocs.ts";

/** What the caller asks the planner (CLI flags, API body, library call). */
export const PlanRequestSchema = z.strictObject({
  material: z.string().min(1),
  stage: z.string().optional(),
  bloc: BlocField,
  year: YearField.optional(),
  maxShare: z.coerce.number().gt(0).max(1).optional(),
  trusted: z.array(z.string().min(1)).optional(),
  /** Countries to take off the sanctions list for this plan (ISO3). */
  allow: z.array(z.string().regex(/^[A-Za-z]{3}$/, "expected an ISO3 code")).optional(),
  /** Throw `infeasible` instead of answering with the smallest feasible change (default false). */
  strict: FlagField.optional(),
  minTrusted: z.coerce.number().min(0).max(1).optional(),
  risk: z.enum(["shortfall", "governance"]).optional(),
  demandShare: z.coerce.number().gt(0).lt(1).optional(),
  investmentBlock: z.coerce.number().positive().optional(),
  compareSeparate: FlagField.optional(),
  /** Also price the bloc's current mix from its imports (default true; batch callers may skip it). */
  current: FlagField.optional(),
  /**
   * The scenario to size a stockpile against, as an object (never a path: only the CLI reads files,
   * so no request can make the server open one). The CLI loads `--scenario <file>` and passes it here.
   */
  scenario: ScenarioSchema.optional(),
  /** Where the scenario came from, for the report (the CLI sets the file name; default: its `name`). */
  scenarioLabel: z.string().max(400).optional(),
  protect: z.coerce.number().gt(0).lt(1).optional(),
  /** With scenario: the largest acceptable peak monthly shortfall, fraction of demand (default 0.1). */
  threshold: z.coerce.number().min(0).lt(1).optional(),
});
export type PlanRequestInput = z.input<typeof PlanRequestSchema>;
export type PlanRequest = z.infer<typeof PlanRequestSchema>;

/** A plan request whose bloc the edge (CLI/API, `withBloc`) may already have resolved to a `Bloc`. */
export type PlanInput = Omit<PlanRequestInput, "bloc"> & { bloc: string | Bloc };

/**
 * A request with its bloc split off: the `Bloc` when the caller resolved it, else null (the planner
 * then resolves the spec against its `PlanData.blocs`). The rest is validated by the schema.
 * @example splitBloc({ material: "gallium", bloc: { id: "JPN", members: ["JPN"] } }).bloc // { id: "JPN", … }
 */
export function splitBloc(input: PlanInput | Record<string, unknown>): { req: PlanRequest; bloc: Bloc | null } {
  const split = splitResolvedBloc(input);
  return { req: parseRequest(split.input), bloc: split.bloc };
}

/**
 * Validate a plan request; a bad field is `invalid_input` naming the field and value.
 * @example parseRequest({ material: "gallium", bloc: "JPN", maxShare: 0.65 })
 */
export function parseRequest(input: unknown): PlanRequest {
  return parseWith(PlanRequestSchema, input, "plan");
}
