/**
 * A linear programme as plain data: columns (variables) and rows (constraints), addressed by index.
 * Names are generated from indices when the LP text is rendered, so no user string ever reaches
 * the solver; `label` is kept only for people (reports, error messages).
 */
export interface LpVar {
  label: string;
  lb: number;
  ub: number; // Infinity for none
  cost: number;
  integer?: boolean;
}

export interface LpRow {
  label: string;
  terms: [number, number][]; // [variable index, coefficient]
  lo: number; // -Infinity for none
  hi: number; // Infinity for none
}

export interface LpModel {
  sense: "min" | "max";
  vars: LpVar[];
  rows: LpRow[];
}

/**
 * Build an LP incrementally; `addVar`/`addRow` return the new index.
 * @example
 * const lp = new LpBuilder("min");
 * const x = lp.addVar("x", { cost: 2 });
 * lp.addRow("demand", [[x, 1]], { lo: 10 });
 */
export class LpBuilder {
  readonly model: LpModel;
  constructor(sense: "min" | "max" = "min") {
    this.model = { sense, vars: [], rows: [] };
  }

  addVar(label: string, o: { lb?: number; ub?: number; cost?: number; integer?: boolean } = {}): number {
    this.model.vars.push({ label, lb: o.lb ?? 0, ub: o.ub ?? Infinity, cost: o.cost ?? 0, integer: o.integer });
    return this.model.vars.length - 1;
  }

  addRow(label: string, terms: [number, number][], o: { lo?: number; hi?: number }): number {
    this.model.rows.push({ label, terms: terms.filter(([, c]) => c !== 0), lo: o.lo ?? -Infinity, hi: o.hi ?? Infinity });
    return this.model.rows.length - 1;
  }
}
