import { ChokepointError } from "../domain/error.ts";
import type { LpModel, LpRow } from "./lp.ts";

/** Solver-side names: `x<i>` for variables, `r<i>` for rows (never user text). */
export const varName = (i: number): string => `x${i}`;
export const rowName = (i: number): string => `r${i}`;

/** A finite number in LP syntax; NaN or ±Infinity in a coefficient is a bug upstream. */
function num(v: number, what: string): string {
  if (!Number.isFinite(v)) throw new ChokepointError("internal", `non-finite ${what} in LP model: ${v}`);
  // 12 significant digits is far beyond the data's precision and keeps the text exact enough.
  return String(Number(v.toPrecision(12)));
}

function linear(terms: [number, number][], what: string): string {
  if (terms.length === 0) return "0 " + varName(0);
  return terms
    .map(([i, c], k) => {
      const s = num(Math.abs(c), what);
      const sign = c < 0 ? "-" : k === 0 ? "" : "+";
      return `${sign} ${s} ${varName(i)}`.trim();
    })
    .join(" ");
}

function rowLines(row: LpRow, i: number): string[] {
  const expr = linear(row.terms, `row ${row.label}`);
  const what = `bound of row ${row.label}`;
  if (row.lo === row.hi) return [` ${rowName(i)}: ${expr} = ${num(row.hi, what)}`];
  const out: string[] = [];
  // Two-sided rows become two one-sided rows sharing the index; the solver maps duals back.
  if (Number.isFinite(row.lo)) out.push(` ${rowName(i)}${Number.isFinite(row.hi) ? "_lo" : ""}: ${expr} >= ${num(row.lo, what)}`);
  if (Number.isFinite(row.hi)) out.push(` ${rowName(i)}${Number.isFinite(row.lo) ? "_hi" : ""}: ${expr} <= ${num(row.hi, what)}`);
  return out;
}

/**
 * Render a model as CPLEX LP text for HiGHS. Every variable is declared in `Bounds`, so each one
 * appears in the solution even when it has no cost and no row.
 * @example renderLp({ sense: "min", vars: [{ label: "x", lb: 0, ub: Infinity, cost: 1 }], rows: [] })
 */
export function renderLp(m: LpModel): string {
  if (m.vars.length === 0) throw new ChokepointError("internal", "LP model without variables");
  const obj = m.vars.map((v, i) => [i, v.cost] as [number, number]).filter(([, c]) => c !== 0);
  const lines = [m.sense === "min" ? "Minimize" : "Maximize", ` obj: ${linear(obj, "cost")}`, "Subject To"];
  m.rows.forEach((r, i) => lines.push(...rowLines(r, i)));
  lines.push("Bounds");
  m.vars.forEach((v, i) => {
    const lo = v.lb === -Infinity ? "-inf" : num(v.lb, `lower bound of ${v.label}`);
    const hi = v.ub === Infinity ? "+inf" : num(v.ub, `upper bound of ${v.label}`);
    lines.push(` ${lo} <= ${varName(i)} <= ${hi}`);
  });
  const ints = m.vars.flatMap((v, i) => (v.integer ? [varName(i)] : []));
  if (ints.length) lines.push("Generals", " " + ints.join(" "));
  lines.push("End");
  return lines.join("\n");
}
