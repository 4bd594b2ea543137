import { ChokepointError } from "../../domain/error.ts";
import type { Supplier } from "./hhi-wgi.ts";

/** A changed trade variable or share for one supplier country. */
export interface WhatIf {
  iso3: string;
  t?: number;
  share?: number;
}

/**
 * Parse `CHN:t=1.5,RUS:share=0` (shares as fractions 0–1).
 * @example parseWhatIf("CHN:t=1.5") // [{ iso3: "CHN", t: 1.5 }]
 */
export function parseWhatIf(spec: string): WhatIf[] {
  const out: WhatIf[] = [];
  for (const part of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]{3}):(t|share)=(\d+(?:\.\d+)?)$/.exec(part);
    if (!m) throw new ChokepointError("invalid_input", `invalid --what-if '${part}' (expected ISO3:t=1.5 or ISO3:share=0.2, comma-separated)`);
    const v = Number(m[3]);
    if (m[2] === "t" && (v < 0 || v > 5)) throw new ChokepointError("invalid_input", `--what-if ${part}: t must be within 0–5`);
    if (m[2] === "share" && v > 1) throw new ChokepointError("invalid_input", `--what-if ${part}: share is a fraction 0–1`);
    out.push({ iso3: m[1].toUpperCase(), [m[2]]: v });
  }
  return out;
}

/**
 * Apply what-ifs to a mix: t is replaced; a share is set and the other suppliers rescaled so the
 * total is unchanged (a restriction that removes a supplier shifts its share to the others).
 *
 * @example applyWhatIf([{ iso3: "CHN", share: 0.8, t: 1 }, { iso3: "AUS", share: 0.2, t: 1 }], [{ iso3: "CHN", share: 0.5 }])
 * // CHN 0.5, AUS 0.5
 */
export function applyWhatIf(mix: readonly Supplier[], whatIfs: readonly WhatIf[]): Supplier[] {
  let out = mix.map((s) => ({ ...s }));
  for (const w of whatIfs) {
    const target = out.find((s) => s.iso3 === w.iso3);
    if (!target) continue;
    if (w.t !== undefined) target.t = w.t;
    if (w.share !== undefined) {
      const total = out.reduce((a, s) => a + s.share, 0);
      const others = total - target.share;
      const scale = others > 0 ? (total - w.share) / others : 0;
      out = out.map((s) => (s === target ? { ...s, share: w.share! } : { ...s, share: s.share * scale }));
    }
  }
  return out;
}
