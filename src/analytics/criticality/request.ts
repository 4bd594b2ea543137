import { z } from "zod";
import { BlocField } from "../../domain/request.ts";
import { MaterialIdSchema } from "../../domain/vocabulary.ts";

/** What `assess` is asked over the API and the CLI (the CLI's --what-if and --wgi-years are parsed beside it). */
export const AssessRequestSchema = z.strictObject({
  bloc: BlocField.default("EU27"),
  material: MaterialIdSchema.optional(),
});
export type AssessRequest = z.output<typeof AssessRequestSchema>;
