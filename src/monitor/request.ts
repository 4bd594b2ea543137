import { z } from "zod";
import { ChokepointError } from "../domain/error.ts";
import { LIMITS } from "../domain/limits.ts";
import { MaterialIdSchema } from "../domain/vocabulary.ts";

/**
 * Requests of the monitoring capabilities, one zod schema each, parsed by both faces: the CLI maps
 * its flags to an object (strings, as a query string arrives) and the API parses its query with the
 * same schema, so the limits below are stated once.
 */
export const MONITOR_LIMITS = { months: [1, 120], runs: [1, LIMITS.runs], events: [1, 1000], minValueUsd: [0, 1e12] } as const;

const Iso3 = z.string().regex(/^[A-Z]{3}$/, "expected an ISO3 code such as CHN");
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "not a calendar date");
const Bool = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
const int = (lim: readonly [number, number]) => z.coerce.number().int().min(lim[0]).max(lim[1]);

/** `chokepoint restrictions` / `GET /api/restrictions`: measures on record on a date. */
export const RestrictionsRequest = z
  .object({
    date: IsoDate.optional().describe("date the status is given for (default: today)"),
    destination: Iso3.optional().describe("only measures that reach this destination (all-destination measures included)"),
    material: MaterialIdSchema.optional().describe("only measures on this material, a group above it or a member of it"),
    country: Iso3.optional().describe("restricting country"),
  })
  .strict();
export type RestrictionsRequest = z.infer<typeof RestrictionsRequest>;

/** `chokepoint alerts` / `GET /api/alerts`. */
export const AlertsRequest = z
  .object({
    bloc: z.union([z.string().min(1).max(400), z.array(z.string().min(1).max(400)).min(1)]).optional().describe("blocs (default: JPN, EU27, ALLIANCE)"),
    months: int(MONITOR_LIMITS.months).default(6).describe("trade collapses from the last n months of data"),
    since: IsoDate.optional().describe("only alerts dated on or after this day"),
    runs: int(MONITOR_LIMITS.runs).default(200),
    simulate: Bool.default(true),
    minValueUsd: z.coerce.number().min(MONITOR_LIMITS.minValueUsd[0]).max(MONITOR_LIMITS.minValueUsd[1]).optional().describe("materiality: lost trade value below this (USD a month) is dropped"),
    minShare: z.coerce.number().min(0).max(1).optional().describe("materiality: lost flow below this share of the bloc's supply is dropped"),
  })
  .strict();
export type AlertsRequest = z.infer<typeof AlertsRequest>;

/** `chokepoint anomalies` / `GET /api/anomalies`. */
export const AnomaliesRequest = z
  .object({
    exporter: Iso3.optional(),
    importer: z.string().min(1).max(400).optional().describe("importing country or bloc (EU27, JPN, ALLIANCE, ISO3 list); WLD = world total"),
    reporter: Iso3.optional().describe("either side of the flow: anomalies where this country is exporter or importer"),
    material: MaterialIdSchema.optional(),
    since: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month YYYY-MM (01–12)").optional(),
    kind: z.enum(["collapse", "spike"]).optional(),
    threshold: z.coerce.number().min(0.5).max(100).default(3).describe("robust score beyond which a month is flagged"),
    minBaseline: z.coerce.number().min(0).max(1e12).default(50_000).describe("no flag while the 12-month median is below this many USD a month"),
    minActive: z.coerce.number().int().min(0).max(12).default(9),
    persist: z.coerce.number().int().min(1).max(12).default(1),
  })
  .strict();
export type AnomaliesRequest = z.infer<typeof AnomaliesRequest>;

/** `GET /api/events`. */
export const EventsRequest = z.object({ limit: int(MONITOR_LIMITS.events).default(200) }).strict();
export type EventsRequest = z.infer<typeof EventsRequest>;

/**
 * Parse a monitoring request with its schema; a bad field is `invalid_input` naming the field and
 * value (the CLI exits 2, the API answers 400).
 * @example parseMonitorRequest(RestrictionsRequest, { date: "2026-06-01" }, "restrictions")
 */
export function parseMonitorRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => {
    const path = i.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const value = path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k as string] : undefined), input);
    const message = i.code === "unrecognized_keys" ? `unknown parameter(s) ${i.keys.join(", ")}` : i.message;
    return { code: i.code, path, message, field: path.join("."), ...(value !== undefined ? { value } : {}) };
  });
  const p = problems[0];
  throw new ChokepointError("invalid_input", `invalid ${what} request: ${p.field}${p.value !== undefined ? ` = ${JSON.stringify(p.value)}` : ""}: ${p.message}`, problems);
}
