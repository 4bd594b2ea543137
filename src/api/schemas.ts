import { z } from "zod";

/**
 * Request schemas of the HTTP API that belong to no capability. Each capability's own request schema
 * lives beside it (`analytics/exposure-request.ts`, `simulate/request.ts`, `monitor/request.ts`, …) and the
 * routes import it from there; the OpenAPI document is generated from the same schemas (openapi.ts).
 */

export const EmptyQuery = z.object({}).strict();

/** What every error response looks like. */
export const ErrorBody = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  problems: z.array(z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
});
