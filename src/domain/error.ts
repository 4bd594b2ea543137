/**
 * The one error class of chokepoint. Every failure the user can cause carries a `code`;
 * the CLI maps codes to exit codes and the API to HTTP statuses.
 *
 * @example
 * throw new ChokepointError("unknown_material", "unknown material 'galium' (did you mean: gallium?)");
 */
export type ErrorCode =
  | "invalid_input" // bad CLI argument or request field → exit 2 / HTTP 400
  | "unknown_material"
  | "unknown_stage"
  | "unknown_bloc"
  | "unknown_country"
  | "validation_failed" // a file failed row validation → exit 1 / HTTP 422
  | "io_error" // a file could not be read → exit 1
  | "no_data" // the store holds nothing for the request → exit 3 / HTTP 404
  | "not_found" // HTTP 404
  | "infeasible" // an optimisation has no solution → exit 4 / HTTP 422
  | "not_implemented" // HTTP 501
  | "unauthorized" // HTTP 401
  | "unsupported_media_type" // a request body of a type the API does not take → HTTP 415
  | "database_locked" // another process writes the database (or holds it while we write) → exit 75 / HTTP 503
  | "internal"; // a bug → exit 70 / HTTP 500

/** A validation problem as data, shaped like zod's issues: code, path, message (+ file/line/value). */
export interface Problem {
  code: string;
  path: (string | number)[];
  message: string;
  file?: string;
  line?: number;
  field?: string;
  value?: unknown;
}

export class ChokepointError extends Error {
  readonly code: ErrorCode;
  readonly problems: Problem[];
  constructor(code: ErrorCode, message: string, problems: Problem[] = []) {
    super(message);
    this.name = "ChokepointError";
    this.code = code;
    this.problems = problems;
  }
}

const EXIT: Record<ErrorCode, number> = {
  invalid_input: 2,
  unknown_material: 2,
  unknown_stage: 2,
  unknown_bloc: 2,
  unknown_country: 2,
  validation_failed: 1,
  io_error: 1,
  no_data: 3,
  not_found: 3,
  infeasible: 4,
  not_implemented: 5,
  unauthorized: 2,
  unsupported_media_type: 2,
  database_locked: 75,
  internal: 70,
};

const HTTP: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_material: 400,
  unknown_stage: 400,
  unknown_bloc: 400,
  unknown_country: 400,
  validation_failed: 422,
  io_error: 500,
  no_data: 404,
  not_found: 404,
  infeasible: 422,
  not_implemented: 501,
  unauthorized: 401,
  unsupported_media_type: 415,
  database_locked: 503,
  internal: 500,
};

/** Exit code for an error code (CLI). @example exitCodeFor("unknown_bloc") // 2 */
export function exitCodeFor(code: ErrorCode): number {
  return EXIT[code] ?? 70;
}

/** HTTP status for an error code (API). @example httpStatusFor("no_data") // 404 */
export function httpStatusFor(code: ErrorCode): number {
  return HTTP[code] ?? 500;
}
