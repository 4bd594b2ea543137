import { z } from "zod";
import { BlocField, YearField } from "../domain/request.ts";
import { BasisSchema, MaterialIdSchema, StageSchema } from "../domain/vocabulary.ts";

/** What `exposure` is asked (CLI flags, API query, library call). */
export const ExposureRequestSchema = z.strictObject({
  material: MaterialIdSchema.describe("material id, e.g. gallium"),
  stage: StageSchema.optional(),
  bloc: BlocField.default("ALLIANCE"),
  basis: BasisSchema.default("production"),
  year: YearField.optional().describe("data year (default: the latest with data)"),
  hs: z.string().regex(/^\d{2,10}$/, "expected 2–10 digits, e.g. 2846").optional().describe("sourcing only: HS/CN code prefix"),
});
export type ExposureRequest = z.output<typeof ExposureRequestSchema>;
