import { z } from "zod";
import { ChokepointError, type Problem } from "./error.ts";
import { LIMITS } from "./limits.ts";

/**
 * Request fields, built from the one limits module (`limits.ts`): the CLI, the HTTP API and library
 * callers parse their input with capability schemas made of these, so a value one face accepts the
 * other does too. Text arrives from flags and query strings, numbers from JSON and library calls: fields coerce
 * text to numbers and to booleans (`"true"`/`"false"`), and check the same ranges either way.
 */
export const YearField = z.coerce.number().int().min(LIMITS.years.min).max(LIMITS.years.max);
export const RunsField = z.coerce.number().int().min(1).max(LIMITS.runs);
export const SeedField = z.coerce.number().int().min(LIMITS.seed.min).max(LIMITS.seed.max);
export const LimitField = z.coerce.number().int().min(LIMITS.listRows.min).max(LIMITS.listRows.max);
export const FractionField = z.coerce.number().min(0).max(1);
export const BlocField = z
  .string()
  .min(1)
  .max(LIMITS.blocChars)
  .describe("EU27, JPN, ALLIANCE, G7, or a comma list of ISO3 codes or country names");
export const FlagField = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/**
 * Validate a request against a capability's schema; a bad field is `invalid_input` naming the
 * field and the value given (problems carry zod's issue code and the field's path).
 *
 * @example parseRequest(ExposureRequestSchema, { material: "gallium", year: "1950" }, "exposure")
 * // throws invalid_input: "exposure request: year = \"1950\": Too small: expected number to be >=1962"
 */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw requestError(r.error, input, `${what} request`);
}

/**
 * A zod failure on request input as an `invalid_input` error; `where` prefixes the message
 * (`query`, `body`, `exposure request`).
 */
export function requestError(error: z.ZodError, input: unknown, where: string): ChokepointError {
  const problems: Problem[] = error.issues.map((i) => {
    const path = i.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const value = path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k as string] : undefined), input);
    const message = i.code === "unrecognized_keys" ? `unknown parameter(s) ${i.keys.join(", ")}` : i.message;
    return { code: i.code, path, message, field: path.join("."), ...(value !== undefined ? { value } : {}) };
  });
  const p = problems[0];
  const field = p.field ? (where.endsWith("request") ? `${where}: ${p.field}` : `${where}.${p.field}`) : where;
  return new ChokepointError("invalid_input", `${field}${p.value !== undefined ? ` = ${JSON.stringify(p.value)}` : ""}: ${p.message}`, problems);
}
