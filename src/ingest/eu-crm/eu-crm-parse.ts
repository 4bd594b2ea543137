import type { Problem } from "../../domain/error.ts";

/** Where a cell came from, for problems that name file, line and field. */
export interface CellAt {
  file: string;
  line: number;
  field: string;
  problems: Problem[];
}

/**
 * Parse the study's percentage cells ("4%", "<0.1%", ">0%", "6", "0.8") into a fraction 0–1
 * and a qualifier ("<" / ">" when the study gives only a bound). Empty → undefined.
 *
 * @example parsePercent("<0.1%", at) // { value: 0.001, qualifier: "<" }
 */
export function parsePercent(raw: string, at: CellAt, opts: { allowEmpty?: boolean } = {}): { value: number; qualifier: string | null } | undefined {
  const s = raw.trim();
  if (s === "" || s === "-") {
    if (!opts.allowEmpty) problem(at, raw, "missing_value", "value is required");
    return undefined;
  }
  const m = /^([<>])?\s*(-?\d+(?:\.\d+)?)\s*%?$/.exec(s);
  if (!m) {
    problem(at, raw, "invalid_percent", `not a percentage: '${raw}'`);
    return undefined;
  }
  const value = Number(m[2]) / 100;
  if (value < 0 || value > 1.0001) {
    problem(at, raw, "out_of_range", `percentage out of 0–100: '${raw}'`);
    return undefined;
  }
  return { value, qualifier: m[1] ?? null };
}

/**
 * Parse a plain number cell; "-" and "" (the study's "not assessed") → null when allowed.
 * @example parseStudyNumber("1.8", at) // 1.8
 */
export function parseStudyNumber(raw: string, at: CellAt, opts: { allowEmpty?: boolean; min?: number; max?: number } = {}): number | null {
  const s = raw.trim();
  if (s === "" || s === "-") {
    if (!opts.allowEmpty) problem(at, raw, "missing_value", "value is required");
    return null;
  }
  const n = Number(s);
  if (!Number.isFinite(n)) {
    problem(at, raw, "invalid_number", `not a number: '${raw}'`);
    return null;
  }
  if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
    problem(at, raw, "out_of_range", `${n} is outside ${opts.min ?? "-∞"}…${opts.max ?? "∞"}`);
    return null;
  }
  return n;
}

/** Parse a 0/1 flag column. @example parseFlag("1", at) // true */
export function parseFlag(raw: string, at: CellAt): boolean | null {
  const s = raw.trim();
  if (s === "1") return true;
  if (s === "0" || s === "") return false;
  problem(at, raw, "invalid_flag", `expected 0 or 1, got '${raw}'`);
  return null;
}

/** The study's names sometimes carry line breaks ("Natural Teak\nwood"): collapse whitespace. */
export function cleanName(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}

function problem(at: CellAt, value: string, code: string, message: string): void {
  at.problems.push({ code, path: [at.line, at.field], message, file: at.file, line: at.line, field: at.field, value });
}
