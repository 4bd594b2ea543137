import type { PlanParams, PlanProblem, Supplier } from "./problem.ts";

/** Parameters for hand-solvable test problems: no risk terms unless a test turns them on. */
export const testParams = (o: Partial<PlanParams> = {}): PlanParams => ({
  maxShare: 0.65,
  minTrusted: 0,
  risk: "shortfall",
  voll: 0,
  governancePenalty: 0,
  holdingCost: 0,
  disruptionMonths: 6,
  ...o,
});

/** A supplier with neutral defaults for hand-solvable test problems. */
export const supplier = (country: string, available: number, unitCost: number, o: Partial<Supplier> = {}): Supplier => ({
  country,
  available,
  unitCost,
  disruption: 0,
  governance: 0,
  trusted: false,
  newCapacityMax: 0,
  capexPerTonne: 0,
  ...o,
});

/** One bloc (EU27, demand 100) buying from CHN (cheap, plentiful), AUS and CAN (trusted, small). */
export const threeSuppliers = (o: Partial<PlanParams> = {}, s: Partial<Record<string, Partial<Supplier>>> = {}): PlanProblem => ({
  partners: [{ id: "EU27", members: ["DEU", "FRA"], demand: 100 }],
  suppliers: [
    supplier("CHN", 200, 10, s.CHN),
    supplier("AUS", 30, 12, { trusted: true, ...s.AUS }),
    supplier("CAN", 50, 15, { trusted: true, ...s.CAN }),
  ],
  params: testParams(o),
});
