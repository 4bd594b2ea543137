import { z } from "zod";

/** `benchmarks` takes no parameters; unknown ones are refused. */
export const BenchmarksRequestSchema = z.strictObject({});
