import { z } from "zod";
import { ChokepointError } from "../domain/error.ts";
import { BlocField, YearField } from "../domain/request.ts";

/** What the partner finder is asked (CLI flags, `GET /api/partners` query, library call): one schema for all. */
export const PartnersRequestSchema = z.strictObject({
  material: z.string().min(1).max(80),
  bloc: BlocField.default("EU27"),
  stage: z.enum(["extraction", "processing"]).optional(),
  year: YearField.optional(),
  /** Alternatives listed per tier (alliance, trusted, other) for each dependency. */
  limit: z.coerce.number().int().min(1).max(200).default(10),
  /** A supplier above this share of the bloc's extra-bloc imports is a dependency (default 0.5). */
  threshold: z.coerce.number().gt(0).lt(1).default(0.5),
  /** Countries to take off the sanctions list (comma list in a query string). */
  allow: z.preprocess((v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v), z.array(z.string().regex(/^[A-Za-z]{3}$/, "expected an ISO3 code"))).optional(),
});
export type PartnersRequest = z.infer<typeof PartnersRequestSchema>;

/**
 * Validate a partner-finder request; a bad field is `invalid_input` naming the field and value.
 * @example parsePartnersRequest({ material: "magnesium", bloc: "JPN" }).limit // 10
 */
export function parsePartnersRequest(input: unknown): PartnersRequest {
  const r = PartnersRequestSchema.safeParse(input);
  if (r.success) return r.data;
  const i = r.error.issues[0];
  const field = i.path.join(".");
  const value = i.path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k as string] : undefined), input);
  throw new ChokepointError("invalid_input", `invalid partners request: ${field} = ${JSON.stringify(value)}: ${i.message}`, [
    { code: i.code, path: i.path.map(String), message: i.message, field, value },
  ]);
}
