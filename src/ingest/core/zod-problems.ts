import type { z } from "zod";
import type { Problem } from "../../domain/error.ts";

/**
 * Turn a zod error for one CSV record into problems naming file, line, field and value.
 *
 * @example
 * const r = Row.safeParse(values);
 * if (!r.success) problems.push(...zodProblems(r.error, file, line, values));
 */
export function zodProblems(error: z.ZodError, file: string, line: number, values: Record<string, string>): Problem[] {
  return error.issues.map((i) => {
    const field = String(i.path[0] ?? "");
    return { code: i.code, path: [line, ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))], message: i.message, file, line, field, value: values[field] };
  });
}
