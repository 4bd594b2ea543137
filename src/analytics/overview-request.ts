import { z } from "zod";
import { BlocField } from "../domain/request.ts";

/** What `overview` is asked: one bloc. */
export const OverviewRequestSchema = z.strictObject({ bloc: BlocField.default("ALLIANCE") });
export type OverviewRequest = z.output<typeof OverviewRequestSchema>;
