import { z } from "zod";
import { BlocField, FlagField, FractionField, LimitField, YearField } from "../domain/request.ts";

/** What `scan` is asked (CLI flags, API query). `limit` bounds the rows returned, not the scan. */
export const ScanRequestSchema = z.strictObject({
  bloc: BlocField.default("EU27"),
  year: YearField.optional().describe("BACI year (default: the latest loaded)"),
  minTopShare: FractionField.optional().describe("keep products whose top supplier has at least this share (0–1)"),
  dependent: FlagField.optional().describe("true: only products meeting all three EC criteria"),
  materials: FlagField.optional().describe("true: only products that carry a catalogue material"),
  limit: LimitField.default(500).describe("products returned, best-ranked first (coverage counts them all)"),
});
export type ScanRequest = z.output<typeof ScanRequestSchema>;
