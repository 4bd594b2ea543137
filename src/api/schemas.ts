import { z } from "zod";
import { MaterialIdSchema } from "../domain/vocabulary.ts";

/**
 * Request schemas of the HTTP API that no capability owns yet (monitoring). Each capability's own
 * request schema lives beside it (`analytics/exposure-request.ts`, `simulate/request.ts`, …) and the
 * routes import it from there; the OpenAPI document is generated from the same schemas (openapi.ts).
 */

export const EmptyQuery = z.object({}).strict();

export const EventsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }).strict();

export const AnomaliesQuery = z
  .object({
    exporter: z.string().regex(/^[A-Z]{3}$/, "expected an ISO3 code such as CHN").optional(),
    material: MaterialIdSchema.optional(),
    since: z.string().regex(/^\d{4}-\d{2}$/, "expected YYYY-MM").optional(),
  })
  .strict();

export const AlertsQuery = z
  .object({
    bloc: z.string().min(1).max(400).optional().describe("one bloc (default: JPN, EU27 and ALLIANCE)"),
    months: z.coerce.number().int().min(1).max(120).default(6),
  })
  .strict();

/** What every error response looks like. */
export const ErrorBody = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  problems: z.array(z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
});
