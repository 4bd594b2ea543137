import type { Market } from "./market.ts";
import type { ModelScenario } from "./model.ts";
import type { Scenario } from "./scenario.ts";
import type { ModelShock } from "./shock.ts";

/** Members of a bloc spec (`EU27`, `ALLIANCE`, `JPN,KOR`…); throws `unknown_bloc` for bad ones. */
export type BlocResolver = (spec: string) => string[];

/** Shocks grouped by the market they hit. */
export interface MarketKey {
  material: string;
  stage: string | undefined;
  shocks: Scenario["shocks"];
}

/** Group shocks by (material, stage), in order of first appearance. @example marketsOf(s)[0].material // "gallium" */
export function marketsOf(s: Scenario): MarketKey[] {
  const out: MarketKey[] = [];
  for (const k of s.shocks) {
    const hit = out.find((m) => m.material === k.material && m.stage === k.stage);
    if (hit) hit.shocks.push(k);
    else out.push({ material: k.material, stage: k.stage, shocks: [k] });
  }
  return out;
}

/**
 * Blocs to report: the targets, EU27 and JPN whenever ALLIANCE is among them, ALLIANCE/EU27/JPN
 * for shocks on ALL, then any extra `report` entries. A single ISO3 target is its own bloc.
 *
 * @example reportBlocs(scenario) // ["ALLIANCE", "EU27", "JPN"]
 */
export function reportBlocs(s: Scenario): string[] {
  const out: string[] = [];
  const add = (b: string) => !out.includes(b) && out.push(b);
  for (const k of s.shocks) {
    for (const t of k.targets.map((x) => x.trim().toUpperCase())) {
      if (t === "ALL") ["ALLIANCE", "EU27", "JPN"].forEach(add);
      else {
        add(t === "EU" ? "EU27" : t);
        if (t === "ALLIANCE") ["EU27", "JPN"].forEach(add);
      }
    }
  }
  for (const r of s.report ?? []) add(r.trim().toUpperCase());
  return out;
}

/** The countries a consumer stands for: itself, or every member of its group when it is a world-mix stand-in. */
export function consumerMembers(m: Market, c: number, resolve: BlocResolver): string[] {
  const k = m.consumers[c];
  return k.basis === "trade" ? [k.id] : resolve(k.group);
}

/**
 * Resolve a scenario's shocks, stockpiles and sharing against one market. Consumer arrays have
 * ROW last; ROW is targeted only by shocks on ALL. Stockpile keys that are blocs apply to each
 * member (days of its own demand); ISO3 keys override them.
 *
 * @example const ms = compileScenario(scenario, key, market, resolve);
 */
export function compileScenario(s: Scenario, key: MarketKey, m: Market, resolve: BlocResolver): ModelScenario {
  const N = m.consumers.length + 1;
  const members = m.consumers.map((_, c) => consumerMembers(m, c, resolve));
  const shocks: ModelShock[] = key.shocks.map((k) => {
    const targeted = new Uint8Array(N);
    if (k.targets.some((t) => t.trim().toUpperCase() === "ALL")) targeted.fill(1);
    else {
      const hit = new Set(k.targets.flatMap((t) => resolve(t)));
      members.forEach((ms, c) => (targeted[c] = ms.some((x) => hit.has(x)) ? 1 : 0));
    }
    return {
      type: k.type, actor: m.suppliers.indexOf(k.actor), targeted, start: k.startMonth,
      end: k.startMonth + (k.durationMonths ?? s.horizonMonths), severity: k.severity ?? 1, worldTonnes: m.worldTonnes,
    };
  });
  const days = new Float64Array(N);
  const entries = Object.entries(s.responses.stockpileDays);
  const single = (k: string) => /^[A-Z]{3}$/.test(k) && resolve(k).length === 1 && resolve(k)[0] === k;
  for (const [k, d] of [...entries.filter(([k]) => !single(k)), ...entries.filter(([k]) => single(k))]) {
    const set = new Set(resolve(k));
    members.forEach((ms, c) => {
      if (ms.every((x) => set.has(x))) days[c] = d;
    });
  }
  const group = new Int32Array(N).fill(-1);
  if (s.responses.allianceSharing) {
    const alliance = new Set(resolve("ALLIANCE"));
    members.forEach((ms, c) => {
      if (ms.every((x) => alliance.has(x))) group[c] = 0;
    });
  }
  return { horizonMonths: s.horizonMonths, shocks, stockpileDays: days, sharingGroup: group, reroute: s.responses.reroute, ...(s.responses.allianceSharing && s.responses.tradeShare ? { tradeShare: s.responses.tradeShare } : {}) };
}
