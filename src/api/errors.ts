import type { z } from "zod";
import { ChokepointError, httpStatusFor, type Problem } from "../domain/error.ts";
import { requestError } from "../domain/request.ts";

/** The JSON every failed request gets: `{ code, path, message, problems? }`. */
export interface ErrorBody {
  code: string;
  path: (string | number)[];
  message: string;
  problems?: Problem[];
}

/**
 * Turn a zod failure on request input into an `invalid_input` error naming the field and value
 * (the same conversion the CLI gets from `parseRequest`).
 * @example throw fromZod(schema.safeParse(q).error!, "query", q)
 */
export function fromZod(error: z.ZodError, where: "query" | "body", input: unknown): ChokepointError {
  return requestError(error, input, where);
}

/**
 * Status and body for any thrown value. Request-body validation failures (`validation_failed`
 * from the scenario parser) are the caller's input, so they are 400 here, not 422.
 * @example const [status, body] = errorResponse(new ChokepointError("no_data", "…")) // [404, {…}]
 */
export function errorResponse(e: unknown): [number, ErrorBody] {
  if (e instanceof ChokepointError) {
    const status = e.code === "validation_failed" ? 400 : httpStatusFor(e.code);
    const body: ErrorBody = { code: e.code === "validation_failed" ? "invalid_input" : e.code, path: e.problems[0]?.path ?? FIELD[e.code] ?? [], message: e.message };
    if (e.problems.length) body.problems = e.problems;
    return [status, body];
  }
  // The store interrupts statements still running when the server stops (Ctrl-C): not a bug.
  if (/INTERRUPT/.test(String((e as Error)?.message ?? e))) return [503, { code: "unavailable", path: [], message: "the server is shutting down" }];
  return [500, { code: "internal", path: [], message: "internal error (logged on the server)" }];
}

/** The request field an identifier error is about, when the error carries no problems of its own. */
const FIELD: Partial<Record<string, string[]>> = {
  unknown_material: ["material"],
  unknown_stage: ["stage"],
  unknown_bloc: ["bloc"],
  unknown_country: ["country"],
};
