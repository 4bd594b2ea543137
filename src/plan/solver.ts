import type { Highs } from "highs";
import { ChokepointError } from "../domain/error.ts";
import type { LpModel } from "./lp.ts";
import { renderLp, varName } from "./lp-render.ts";

/** What a solve returns, by model index. Duals: d(objective)/d(row bound); absent for MILPs. */
export interface LpResult {
  status: "optimal" | "infeasible" | "unbounded" | "other";
  highsStatus: string;
  objective: number;
  values: number[];
  rowActivity: number[];
  rowDuals: number[] | undefined;
  reducedCosts: number[] | undefined;
}

let loading: Promise<Highs> | undefined;

/** The HiGHS WebAssembly module, loaded once per process and reused by every solve. */
export function loadHighs(): Promise<Highs> {
  loading ??= import("highs").then((m) => (m.default as unknown as () => Promise<Highs>)());
  return loading;
}

function mapStatus(s: string): LpResult["status"] {
  if (s === "Optimal") return "optimal";
  if (s === "Infeasible") return "infeasible";
  if (s === "Unbounded" || s === "Primal infeasible or unbounded") return s === "Unbounded" ? "unbounded" : "infeasible";
  return "other";
}

/**
 * Solve an LP/MILP with HiGHS and map the answer back onto the model's indices.
 * @example
 * const r = await solveLp(lp.model); // r.values[x], r.rowDuals?.[demandRow]
 */
export async function solveLp(model: LpModel): Promise<LpResult> {
  const highs = await loadHighs();
  let raw;
  try {
    raw = highs.solve(renderLp(model), { output_flag: false });
  } catch (e) {
    throw new ChokepointError("internal", `HiGHS failed: ${(e as Error).message}`);
  }
  const status = mapStatus(raw.Status);
  const n = model.vars.length;
  const m = model.rows.length;
  if (status !== "optimal") {
    return { status, highsStatus: raw.Status, objective: NaN, values: [], rowActivity: [], rowDuals: undefined, reducedCosts: undefined };
  }
  const cols = raw.Columns as Record<string, { Primal: number; Dual?: number }>;
  const values = Array.from({ length: n }, (_, i) => cols[varName(i)]?.Primal ?? 0);
  const isMip = model.vars.some((v) => v.integer);
  const reducedCosts = isMip ? undefined : Array.from({ length: n }, (_, i) => cols[varName(i)]?.Dual ?? 0);
  const activity = new Array<number>(m).fill(0);
  const duals = new Array<number>(m).fill(0);
  for (const r of raw.Rows as { Name: string; Primal: number; Dual?: number }[]) {
    const match = /^r(\d+)(_lo|_hi)?$/.exec(r.Name);
    if (!match) continue;
    const i = Number(match[1]);
    activity[i] = r.Primal;
    duals[i] += r.Dual ?? 0; // at most one side of a two-sided row is active
  }
  return { status, highsStatus: raw.Status, objective: raw.ObjectiveValue, values, rowActivity: activity, rowDuals: isMip ? undefined : duals, reducedCosts };
}
