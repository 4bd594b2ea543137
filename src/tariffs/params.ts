/** A model parameter with its range (triangular low/mode/high) and where it comes from. */
export interface Parameter { name: string; symbol: string; low: number; mode: number; high: number; source: string }

/**
 * Parameters of the trade-effect model (docs/tariffs.md). Magnitudes: the import-demand elasticity
 * enters with a minus sign.
 */
export const EFFECT_PARAMETERS: Record<"importDemand" | "substitution", Parameter> = {
  importDemand: {
    name: "import-demand elasticity (magnitude), all products",
    symbol: "ε",
    low: 0.5, mode: 1.5, high: 3,
    source: "WITS-SMART uses product-specific values (Kee, Nicita & Olarreaga 2008); its help page 'Checking the Raw Data' shows 1.47 for HS 540110/540120. One value for all products, range 0.5–3: chokepoint assumption around it.",
  },
  substitution: {
    name: "elasticity of substitution between supplying countries",
    symbol: "σ",
    low: 1, mode: 1.5, high: 3,
    source: "WITS-SMART default 1.5 ('SMART uses 1.5 as the default value', WITS help 'Checking the Raw Data'); range 1–3: chokepoint assumption.",
  },
};

/** Full pass-through: SMART's default export-supply elasticity is 99 (infinite); Fajgelbaum et al. (QJE 2020) found complete pass-through of the 2018 US tariffs. */
export const PASS_THROUGH_SOURCE =
  "Export prices unchanged (pass-through 1): SMART's default export-supply elasticity 99 = infinite; Fajgelbaum, Goldberg, Kennedy & Khandelwal, 'The Return to Protectionism' (QJE 2020): 'complete pass-through of tariffs to duty-inclusive prices'.";
