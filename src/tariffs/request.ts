import { z } from "zod";
import { ChokepointError } from "../domain/error.ts";
import { LIMITS } from "../domain/limits.ts";

/** Today for the product: the default date of a tariff question. */
export const TODAY = "2026-12-05";

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "not a real day");

/**
 * What the caller asks `chokepoint tariffs` (CLI flags, `GET /api/tariffs` query, library call).
 * Query strings arrive as text, so numbers and booleans are coerced.
 */
export const TariffRequestSchema = z.strictObject({
  exporter: z.string().min(2).max(40).describe("a Census partner: JPN, EU27, CHN, KOR, TWN, … (ISO3 or EU27)"),
  importer: z.string().regex(/^USA$/i, "only USA: the shipped data are US imports").default("USA"),
  date: Day.default(TODAY).describe("the day the measures are read at (default today, 2026-12-05)"),
  top: z.coerce.number().int().min(1).max(2000).default(25).describe("products (HS4) and lines (HS10) listed"),
  effect: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()).default(true).describe("also estimate the trade effect (Monte Carlo)"),
  runs: z.coerce.number().int().min(10).max(LIMITS.runs).default(1000),
  seed: z.coerce.number().int().min(LIMITS.seed.min).max(LIMITS.seed.max).default(42),
});
export type TariffRequestInput = z.input<typeof TariffRequestSchema>;
export type TariffRequest = z.infer<typeof TariffRequestSchema>;

/** The timeline request: exporters and the last day (from 2024-01-01). */
export const TimelineRequestSchema = z.strictObject({
  exporters: z.array(z.string().min(2).max(40)).min(1).max(10).default(["JPN", "EU27"]),
  to: Day.default(TODAY),
});
export type TimelineRequest = z.infer<typeof TimelineRequestSchema>;

/**
 * Validate a request; a bad field is `invalid_input` naming the field and value.
 * @example parseTariffRequest({ exporter: "JPN", date: "2025-10-14" })
 */
export function parseTariffRequest(input: unknown): TariffRequest {
  return parseWith(TariffRequestSchema, input, "tariffs");
}

export function parseTimelineRequest(input: unknown): TimelineRequest {
  return parseWith(TimelineRequestSchema, input, "tariff timeline");
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => ({
    code: i.code,
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)) as (string | number)[],
    message: i.message,
    field: i.path.join("."),
    value: i.path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k as string] : undefined), input),
  }));
  const first = problems[0];
  throw new ChokepointError("invalid_input", `invalid ${what} request: ${first.field} = ${JSON.stringify(first.value)}: ${first.message}`, problems);
}

/** `GET /api/tariffs/timeline` query: exporters as a comma list. */
export const TimelineQuerySchema = z.strictObject({
  exporters: z.string().regex(/^[A-Za-z0-9]{2,10}(,[A-Za-z0-9]{2,10}){0,9}$/, "a comma list such as JPN,EU27").default("JPN,EU27"),
  to: Day.default(TODAY),
});
