/**
 * The planning problem as plain data (no database): who needs how much, who can supply it, at what
 * cost and risk. `inputs.ts` fills it from the store; tests fill it by hand.
 * Volumes are tonnes per year, costs USD per tonne (or relative units when no unit value is known).
 */
export interface Partner {
  id: string; // bloc id, e.g. "EU27"
  members: string[]; // ISO3
  demand: number; // t/yr to be met
}

export interface Supplier {
  country: string; // ISO3
  option?: string; // id of a named new-capacity option (data/policy/capacity-options.json) this row stands for
  available: number; // t/yr this problem's partners may buy (production minus others' demand)
  unitCost: number; // per tonne
  partnerCost?: number[]; // per partner index, when partners pay differently (freight, trade unit values)
  disruption: number; // probability of a disruption per year, 0–1
  governance: number; // governance risk 0 (best) – 1 (worst), from WGI
  trusted: boolean;
  newCapacityMax: number; // t/yr of new capacity that can be built and ramped up within the horizon
  capexPerTonne: number; // annualised cost per t/yr of new capacity
}

export interface PlanParams {
  maxShare: number; // no single third country above this share of a partner's demand (CRMA: 0.65)
  minTrusted: number; // at least this share of each partner's demand from trusted suppliers
  risk: "shortfall" | "governance";
  voll: number; // cost per tonne of expected shortfall (value of lost load)
  governancePenalty: number; // cost per tonne per unit of governance risk (risk = "governance")
  holdingCost: number; // cost per tonne of stockpile per year
  disruptionMonths: number; // length of one supplier disruption
  investmentBlock?: number; // when set, new capacity comes in whole blocks of this many t/yr (MILP)
}

export interface PlanProblem {
  partners: Partner[]; // one for a single bloc; EU27 and JPN for the alliance's joint plan
  suppliers: Supplier[];
  params: PlanParams;
  /** Countries whose supply counts as in-bloc (exempt from the third-country cap); default: partners' members. */
  blocMembers?: string[];
  /** One stockpile shared by all partners (the alliance's joint reserve) instead of one each. */
  pooledStockpile?: boolean;
  /** Volume unit for messages ("t", "share of world supply"). */
  unit?: string;
}

/** One partner's solved volumes. */
export interface PartnerPlan {
  id: string;
  demand: number;
  volumes: number[]; // by supplier index
  stockpile: number; // tonnes
  expectedShortfall: number; // t/yr
  cost: number; // sourcing + stockpile holding + share of investment + risk penalty
}

export interface PlanSolution {
  objective: number;
  partners: PartnerPlan[];
  newCapacity: number[]; // by supplier index, t/yr
  sourcingCost: number;
  investmentCost: number;
  holdingCost: number;
  expectedShortfall: number; // t/yr summed over partners
  governanceRisk: number; // volume-weighted governance risk of the combined mix, 0–1
  capacityShadow: number[]; // by supplier: objective saved per extra t/yr of capacity (≥ 0)
  capShadow: number[]; // by supplier: objective saved per extra share point of the cap, per partner summed
  binding: string[]; // people-readable binding constraints
}
