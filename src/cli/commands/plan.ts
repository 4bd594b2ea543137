import { withBloc } from "../../store/queries/blocs.ts";
import { Command, Option } from "commander";
import { STAGES } from "../../domain/vocabulary.ts";
import { plan, type PlanReport } from "../../plan/plan.ts";
import { parseRequest } from "../../plan/request.ts";
import { loadScenario } from "../../simulate/scenario.ts";
import { printJson, withStore } from "../context.ts";
import { bar, formatTable, pct } from "../table.ts";
import { coverageLines } from "../coverage.ts";

/** `chokepoint plan`: optimal sourcing mix, trusted capacity and stockpile under the 65 % rule. */
export function register(program: Command): void {
  program
    .command("plan")
    .description("optimal sourcing mix, new trusted capacity and stockpile for a bloc (HiGHS), alone or as an alliance")
    .requiredOption("-m, --material <id>", "material id from the catalogue (see `chokepoint materials`)")
    .addOption(new Option("-s, --stage <stage>", "supply-chain stage (default: the material's natural stage)").choices(STAGES))
    .option("-b, --bloc <bloc>", "EU27, JPN, ALLIANCE (plans EU27 + JPN jointly), or a comma list of countries (ISO3 or names: \"JPN,KOR\", \"Japan,South Korea\")", "ALLIANCE")
    .option("-y, --year <year>", "production data year (default: the latest)")
    .option("--max-share <x>", "no single third country above this share of demand (CRM Act: 0.65)", "0.65")
    .option("--trusted <list>", "trusted suppliers besides the bloc: blocs or ISO3 codes, comma-separated (e.g. ALLIANCE,AUS,CAN)")
    .option("--allow <list>", "take countries off the sanctions list for this plan (ISO3, comma-separated; default list: data/policy/sanctions.json)")
    .option("--strict", "exit 4 when the request has no plan, instead of answering with the smallest feasible change")
    .option("--min-trusted <x>", "at least this share of demand from trusted suppliers", "0")
    .addOption(new Option("--risk <kind>", "risk penalty: expected shortfall (with stockpile) or governance-weighted cost").choices(["shortfall", "governance"]).default("shortfall"))
    .option("--demand-share <x>", "the bloc's share of world demand (needed for blocs other than EU27, JPN, ALLIANCE)")
    .option("--block <t>", "new capacity comes in whole blocks of this size per year (solves a MILP)")
    .option("--compare-separate", "ALLIANCE: also plan EU27 and JPN separately, competing for the same capacity")
    .option("--scenario <file>", "size the stockpile against a simulator scenario")
    .option("--protect <p>", "with --scenario: share of the simulator's draws that must stay below the threshold (0.95 or 0.5)", "0.95")
    .option("--threshold <x>", "with --scenario: largest acceptable peak monthly shortfall, fraction of the bloc's demand", "0.1")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint plan -m rare-earths -b EU27 --max-share 0.65
  $ chokepoint plan -m natural-graphite -b ALLIANCE --compare-separate --json
  $ chokepoint plan -m lithium -b JPN --trusted AUS,CAN,CHL --min-trusted 0.5
  $ chokepoint plan -m gallium -b EU27 --max-share 0.65          # meets demand through named new capacity
  $ chokepoint plan -m natural-graphite -b EU27 --allow RUS       # let a sanctioned supplier back in
  $ chokepoint plan -m cobalt -b ALLIANCE --risk governance --block 500
  $ chokepoint plan -m gallium -b ALLIANCE --max-share 0.99 --scenario scenarios/china-gallium-alliance.yaml --protect 0.95 --threshold 0.1

Model: an LP (a MILP with --block) minimising sourcing cost + new-capacity cost + stockpile holding
+ the expected shortfall's cost, with demand met, supplier availability, the single-third-country
cap and the trusted share as constraints. Assumptions (demand shares, contestable supply, lead
times, disruption odds) are listed under "assumptions" in --json and in docs/planner.md.
Policy by default: suppliers under EU or Japanese sanctions (data/policy/sanctions.json) are excluded
unless --allow; trusted partners are MSP members and EU/Japan FTA/EPA partners (data/policy/trusted.json,
or chokepoint.config.json "policy"); the cap is the CRM Act's 65 %. An impossible request is answered
with the plan under the smallest feasible change and the new capacity that would make it feasible as
asked (see "feasibility"); --strict exits 4 instead.`,
    )
    .action(async (opts, cmd: Command) => {
      const req = parseRequest({
        material: opts.material,
        stage: opts.stage,
        bloc: opts.bloc,
        year: opts.year,
        maxShare: opts.maxShare,
        trusted: opts.trusted ? String(opts.trusted).split(",").map((s: string) => s.trim()).filter(Boolean) : undefined,
        allow: opts.allow ? String(opts.allow).split(",").map((s: string) => s.trim()).filter(Boolean) : undefined,
        strict: !!opts.strict,
        minTrusted: opts.minTrusted,
        risk: opts.risk,
        demandShare: opts.demandShare,
        investmentBlock: opts.block,
        compareSeparate: !!opts.compareSeparate,
        ...(opts.scenario ? { scenario: loadScenario(opts.scenario), scenarioLabel: opts.scenario, protect: opts.protect, threshold: opts.threshold } : {}),
      });
      const r = await withStore(cmd, async (store) => plan(store, await withBloc(store, req)));
      if (opts.json) printJson(r);
      else process.stdout.write(renderPlan(r) + "\n");
    });
}

const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** Human rendering: the planned mix against the current one, cost, risk, shadow prices, comparison. */
export function renderPlan(r: PlanReport): string {
  const cur = new Map((r.current?.suppliers ?? []).map((s) => [s.country, s.share]));
  const vu = r.units.volume === "share of world supply" ? "share/yr" : `${r.units.volume}/yr`;
  const table = formatTable(r.plan.suppliers, [
    { key: (s) => s.country + (s.inBloc ? " *" : "") + (s.trusted ? " +" : "") + (s.option ? ` new: ${s.option}` : ""), title: "supplier" },
    { key: (s) => pct(s.share), title: "planned", align: "right" },
    { key: (s) => bar(s.share, 20), title: "" },
    { key: (s) => (cur.has(s.country) ? pct(cur.get(s.country)) : "–"), title: "now", align: "right" },
    { key: (s) => num(s.volume), title: vu, align: "right" },
    { key: (s) => (s.newCapacity > 0 ? num(s.newCapacity) : ""), title: "new capacity", align: "right" },
  ]);
  const f = r.feasibility;
  const lines = [
    `${r.material} · ${r.stage} · ${r.bloc} · production ${r.year} · demand ${num(r.demand.total)} ${vu}`,
    `policy: cap ${pct(f.requested.maxShare)} per third country; excluded under sanctions: ${r.policy.excluded.map((x) => x.country).join(", ") || "none among the suppliers"}${r.policy.allowed.length ? ` (allowed: ${r.policy.allowed.join(", ")})` : ""}`,
    "",
    table,
    "  * in bloc   + trusted" + (r.current ? `   now: the bloc's ${r.current.year} imports at the ${r.current.stage} stage, shares by ${r.current.measure}` : ""),
    ...(r.current?.versusPlan
      ? [`now → planned, both by ${r.current.versusPlan.measure}${r.current.versusPlan.measure === "value" ? " (the plan at its prices)" : ""}: ` +
          r.current.versusPlan.rows.slice(0, 6).map((x) => `${x.country} ${pct(x.today)} → ${pct(x.plan)}`).join(", ")]
      : []),
    "",
    `cost              ${num(r.plan.cost)} ${r.units.cost}/yr (sourcing ${num(r.plan.costBreakdown.sourcing)}, investment ${num(r.plan.costBreakdown.investment)}, stockpile ${num(r.plan.costBreakdown.stockpile)}, shortfall ${num(r.plan.costBreakdown.shortfallPenalty)})`,
    `expected shortfall ${num(r.plan.risk.expectedShortfall)} ${vu}` + (r.current ? `   (current mix: ${num(r.current.risk.expectedShortfall)})` : ""),
    `governance risk   ${r.plan.risk.governanceRisk.toFixed(3)} (0–1)` + (r.current ? `   (current mix: ${r.current.risk.governanceRisk.toFixed(3)})` : ""),
    r.stockpileHeadline.basis === "scenario sizing"
      ? `stockpile         ${r.stockpileHeadline.days === null ? "not reachable" : `${r.stockpileHeadline.days} days`} of consumption (scenario sizing; the optimiser alone would hold ${r.plan.stockpileDays.toFixed(0)} days against average risk)`
      : `stockpile         ${r.plan.stockpileDays.toFixed(0)} days of consumption (optimiser: holding cost vs expected loss; size against a scenario with --scenario)`,
    `binding           ${r.plan.binding.join("; ") || "–"}`,
  ];
  if (!f.feasible) {
    lines.splice(2, 0, `NO PLAN AS ASKED: ${f.reason}`, `shown instead: the plan under ${f.change!.map((c) => `${c.field} ${c.from} → ${c.to}`).join(", ")}`);
    if (f.additionalCapacity) lines.splice(4, 0, `or build ${num(f.additionalCapacity.tonnesPerYear)} ${vu} of new in-bloc/trusted capacity beyond the named options` + (f.additionalCapacity.annualCost === null ? "" : ` (~${num(f.additionalCapacity.annualCost)} ${f.additionalCapacity.costUnit})`));
  }
  for (const o of r.newCapacityOptions) {
    lines.push("", `new capacity option ${o.id}: ${o.name}`);
    lines.push(`  builds ${num(o.built)} of ${num(o.capacityByHorizon)} t/yr reachable by ${o.horizonYear}; capex ${num(o.capexUsd)} USD (${num(o.annualisedCapexPerTpa)} USD/yr per t/yr annualised), opex ${num(o.opexUsdPerTonne)} USD/t (${o.opexBasis}); ${num(o.annualCost)} USD/yr`);
  }
  lines.push("", "shadow prices (what one more unit of supply available from each source would save):");
  if (!r.shadowPrices.length) lines.push("  none: no supply limit binds");
  for (const s of r.shadowPrices.slice(0, 8)) lines.push(`  ${(s.option ?? s.country).padEnd(5)} ${num(s.valuePerUnit)} ${r.units.cost}/yr per ${r.units.volume}/yr${s.trusted ? "  (trusted)" : ""}`);
  const c = r.comparison;
  if (c) {
    const cu = `${c.costUnit ?? r.units.cost}/yr`;
    lines.push("", `joint vs separate (EU27 and JPN competing for the same capacity): ${c.verdict}`);
    lines.push(`  ${c.summary}`);
    lines.push(`  cost       joint ${num(c.jointCost)} ${cu}   separate ${c.separateCost === null ? "infeasible" : `${num(c.separateCost)} ${cu}`}${c.dividend ? `   dividend ${num(c.dividend)} ${cu}` : ""}`);
    lines.push(`  shortfall  joint ${num(c.jointShortfall)} ${vu}   separate ${c.separateShortfall === null ? "–" : `${num(c.separateShortfall)} ${vu}`}${c.shortfallAvoided !== null ? `   avoided ${num(c.shortfallAvoided)} ${vu}` : ""}`);
    lines.push(`  stockpile  joint ${c.jointStockpileDays.toFixed(0)} days (pooled)   separate ${c.separateStockpileDays === null ? "–" : `${c.separateStockpileDays.toFixed(0)} days`}`);
    if (c.gainsMost) lines.push(`  gains most ${c.gainsMost}`);
    for (const x of c.separateInfeasible) lines.push(`  ${x.partner} alone: ${x.reason}`);
  }
  const z = r.stockpileSizing;
  if (z) {
    lines.push("", `stockpile sizing against ${z.scenario} (peak monthly shortfall ≤ ${pct(z.threshold)} in ${pct(z.protect)} of ${z.runs} draws):`);
    lines.push(z.stockpileDays === null ? `  not reachable within 3650 days of stock` : `  ${z.stockpileDays} days of ${z.bloc}'s consumption (shortfall at that stock ${pct(z.atStockpile ?? 0)}, one day less ${z.oneDayLess === null ? "–" : pct(z.oneDayLess)}, none ${pct(z.withoutStockpile)})`);
  }
  if (r.prices.basis !== "trade") lines.push("", `prices: ${r.prices.basis === "default" ? "defaults (no trade unit values)" : "partly defaults"}, see prices in --json`);
  lines.push("", `sources: ${r.sources.map((s) => `${s.dataset} ${s.edition}${s.year ? ` (${s.year})` : ""}`).join("; ")}`);
  lines.push(...r.notes.map((n) => `note: ${n}`));
  lines.push(...coverageLines(r.coverage));
  return lines.join("\n");
}
