import { z } from "zod";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/** The duty layer a rule belongs to: Section 232 rules exclude the other layers on the same line. */
export const LayerSchema = z.enum(["s232", "ieepa", "s122", "s301", "none"]);
export type Layer = z.infer<typeof LayerSchema>;

/**
 * How a rule sets the duty on a line whose 2024 rate (duty paid / customs value) is `base`:
 * `additive` adds `value`; `allIn` tops the line up to `value` including MFN (adds max(0, value − base));
 * `exempt` adds nothing but stops lower-priority rules of the same layer.
 */
export const RateRuleSchema = z.strictObject({ kind: z.enum(["additive", "allIn", "exempt"]), value: z.number().min(0).max(5) });
export type RateRule = z.infer<typeof RateRuleSchema>;

/** Product scope: every line, HS/HTS prefixes and/or named scope lists, minus exclusions. */
export const ScopeSchema = z.strictObject({
  all: z.boolean().optional(),
  prefixes: z.array(z.string().regex(/^\d{2,10}$/)).optional(),
  lists: z.array(z.string().min(1)).optional(),
  excludePrefixes: z.array(z.string().regex(/^\d{2,10}$/)).optional(),
  excludeLists: z.array(z.string().min(1)).optional(),
});
export type Scope = z.infer<typeof ScopeSchema>;

/** One rule of a measure: partners, dates [from, to) and scope, with its rate rule. Lower priority wins within a layer. */
export const RuleSchema = z.strictObject({
  partners: z.array(z.string().min(1)).min(1),
  except: z.array(z.string()).optional(),
  from: Day,
  to: Day.nullable(),
  scope: ScopeSchema,
  rate: RateRuleSchema,
  priority: z.number(),
  layer: LayerSchema.optional(),
  note: z.string().optional(),
  /** Counts the trade value the rule covers but charges nothing (scope known, duty base or rate not). */
  coverageOnly: z.boolean().optional(),
});
export type Rule = z.infer<typeof RuleSchema>;

/** A US tariff measure as shipped in data/us-tariffs/measures.json. */
export const MeasureSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/),
  authority: z.string().min(1),
  layer: LayerSchema,
  instrument: z.string().min(1),
  signed: Day.nullable(),
  federalRegister: z.string().nullable(),
  effective: z.string().min(1),
  end: z.string().nullable(),
  headings: z.string(),
  modelled: z.boolean(),
  notModelled: z.string().nullable(),
  sources: z.array(z.string().min(1)).min(1),
  evidenceNote: z.string(),
  rules: z.array(RuleSchema),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const MeasuresFileSchema = z.strictObject({ edition: z.string().min(1), scopeNote: z.string().optional(), measures: z.array(MeasureSchema).min(1) });
