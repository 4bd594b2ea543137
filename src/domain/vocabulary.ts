import { z } from "zod";

/** Supply-chain stages. Downstream products are materials of their own. */
export const STAGES = ["extraction", "processing"] as const;
export type Stage = (typeof STAGES)[number];
export const StageSchema = z.enum(STAGES);

/** Exposure bases: world production, or the bloc's own sourcing from trade. */
export const BASES = ["production", "sourcing"] as const;
export type Basis = (typeof BASES)[number];
export const BasisSchema = z.enum(BASES);

/** ISO 3166 alpha-3 code. */
export const Iso3Schema = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 3166 alpha-3 code such as CHN");

/** Material id: lowercase kebab-case English name. */
export const MaterialIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case material id such as gallium");

/** Where a figure comes from: dataset, edition and year. Every figure carries one. */
export interface SourceRef {
  dataset: string;
  edition: string;
  year?: number;
}
