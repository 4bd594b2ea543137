import { LIMITS } from "../domain/limits.ts";
import { z } from "zod";
import { BasisSchema, MaterialIdSchema, StageSchema } from "../domain/vocabulary.ts";

/**
 * Request schemas of the HTTP API. Query strings arrive as text, so numbers are coerced; the
 * OpenAPI document is generated from these same schemas (see openapi.ts).
 */

const Bloc = z.string().min(1).max(400).describe("EU27, JPN, ALLIANCE, G7, or a comma list of ISO3 codes");
const Year = z.coerce.number().int().min(1990).max(2100);

export const ExposureQuery = z
  .object({
    material: MaterialIdSchema.describe("material id, e.g. gallium"),
    stage: StageSchema.optional(),
    bloc: Bloc.default("ALLIANCE"),
    basis: BasisSchema.default("production"),
    year: Year.optional(),
    hs: z.string().regex(/^\d{2,10}$/, "expected 2–10 digits, e.g. 2846").optional().describe("sourcing only: HS/CN code prefix"),
  })
  .strict();

export const OverviewQuery = z.object({ bloc: Bloc.default("ALLIANCE") }).strict();

export const AssessQuery = z
  .object({ bloc: Bloc.default("EU27"), material: MaterialIdSchema.optional() })
  .strict();

export const MaterialsQuery = z.object({ group: z.string().min(1).max(60).optional() }).strict();

export const EmptyQuery = z.object({}).strict();

export const SimulateQuery = z
  .object({
    runs: z.coerce.number().int().min(1).max(LIMITS.runs).optional().describe("Monte Carlo runs (overrides the scenario)"),
    seed: z.coerce.number().int().min(0).max(4294967295).optional(),
  })
  .strict();

export const ScanQuery = z
  .object({
    bloc: Bloc.default("EU27"),
    year: Year.optional().describe("BACI year (default: the latest loaded)"),
    minTopShare: z.coerce.number().min(0).max(1).optional().describe("keep products whose top supplier has at least this share (0–1)"),
    dependent: z.enum(["true", "false"]).transform((v) => v === "true").optional().describe("true: only products meeting all three EC criteria"),
    materials: z.enum(["true", "false"]).transform((v) => v === "true").optional().describe("true: only products that carry a catalogue material"),
    limit: z.coerce.number().int().min(1).max(10_000).default(500).describe("products returned, best-ranked first (coverage counts them all)"),
  })
  .strict();

/** What every error response looks like. */
export const ErrorBody = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  problems: z.array(z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
});
