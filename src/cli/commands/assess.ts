import type { Command } from "commander";
import { withBloc } from "../../store/queries/blocs.ts";
import { assess, DEFAULT_WGI_YEARS, type Assessment } from "../../analytics/criticality/assess.ts";
import { parseWhatIf } from "../../analytics/criticality/what-if.ts";
import { AssessRequestSchema } from "../../analytics/criticality/request.ts";
import { ChokepointError } from "../../domain/error.ts";
import { parseRequest } from "../../domain/request.ts";
import { printJson, withStore } from "../context.ts";
import { formatTable, pct } from "../table.ts";
import { coverageLines } from "../coverage.ts";
import { round1 } from "../../analytics/criticality/thresholds.ts";

/** `chokepoint assess`: the EU criticality method (SR, EI) for EU27, Japan or the alliance. */
export function register(program: Command): void {
  program
    .command("assess")
    .description("EU criticality assessment (supply risk, economic importance) reproduced for EU27 and applied to JPN/ALLIANCE")
    .option("-b, --bloc <bloc>", "EU27, JPN, ALLIANCE, or a comma list of countries (ISO3 or names: \"JPN,KOR\", \"Japan,South Korea\")", "EU27")
    .option("-m, --material <id>", "one material (ids of the EU 2023 study: gallium, hree, pgm, natural-graphite …)")
    .option("--what-if <spec>", "changed trade variables or shares, e.g. CHN:t=1.5 or CHN:t=1.5,RUS:share=0")
    .option("--restrictions-on <date>", "what-if from the export measures in force for the bloc on this date (same query as `chokepoint restrictions`)")
    .option("--restriction-t <t>", "trade variable for those suppliers (default 1.5, the study's largest)")
    .option("--wgi-years <list>", `WGI data years to average (default ${DEFAULT_WGI_YEARS.join(",")})`)
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint assess                              EU27: computed vs published SR/EI, critical flags
  $ chokepoint assess --material gallium --json
  $ chokepoint assess --bloc JPN                   Japan's sourcing mix from trade data, with coverage flags
  $ chokepoint assess --bloc ALLIANCE --what-if CHN:t=1.5
  $ chokepoint assess --bloc JPN --material gallium --restrictions-on 2026-12-05

Method (EC 2017 guidelines): SR = [HHI_WGI,t(GS)·IR/2 + HHI_WGI,t(bloc)·(1 − IR/2)]·(1 − EoL_RIR)·SI_SR
per stage, SR = the higher stage; EI = Σ A_s·Q_s / Q_max·10·SI_EI. Critical: SR ≥ 1 and EI ≥ 2.8.`,
    )
    .action(async (opts, cmd: Command) => {
      const req = parseRequest(AssessRequestSchema, { bloc: opts.bloc, material: opts.material }, "assess");
      const whatIf = opts.whatIf ? parseWhatIf(opts.whatIf) : undefined;
      const wgiYears = opts.wgiYears ? parseYears(opts.wgiYears) : undefined;
      const a = await withStore(cmd, async (store) => assess(store, { ...(await withBloc(store, req)), whatIf, wgiYears, restrictionsOn: opts.restrictionsOn, restrictionT: opts.restrictionT === undefined ? undefined : Number(opts.restrictionT) }));
      if (opts.json) printJson(roundAssessment(a));
      else process.stdout.write(renderAssessment(a) + "\n");
    });
}

function parseYears(v: string): number[] {
  const ys = v.split(",").map((s) => Number(s.trim()));
  if (ys.some((y) => !Number.isInteger(y) || y < 1996 || y > 2100)) throw new ChokepointError("invalid_input", `invalid --wgi-years '${v}' (expected e.g. 2019 or 2017,2018,2019)`);
  return ys;
}

const r2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** Round scores for JSON (2 decimals; shares 4). */
export function roundAssessment(a: Assessment): Assessment {
  return {
    ...a,
    materials: a.materials.map((m) => ({
      ...m,
      sr: r2(m.sr),
      ...(m.srRange ? { srRange: m.srRange.map((x) => r2(x)!) as [number, number] } : {}),
      ei: r2(m.ei),
      ...(m.vsEu ? { vsEu: { ...m.vsEu, sr: r2(m.vsEu.sr), srDelta: r2(m.vsEu.srDelta) } } : {}),
      stages: Object.fromEntries(
        Object.entries(m.stages).map(([k, s]) => [k, s && { ...s, sr: r2(s.sr), hhiWgiGlobal: r2(s.hhiWgiGlobal), hhiWgiBloc: r2(s.hhiWgiBloc), ...(s.srRange ? { srRange: s.srRange.map((x) => r2(x)!) as [number, number] } : {}), topContributors: s.topContributors.map((c) => ({ ...c, share: Math.round(c.share * 1e4) / 1e4, wgi: r2(c.wgi)!, contribution: r2(c.contribution)! })) }]),
      ) as typeof m.stages,
    })),
  };
}

/** The assessed stage with the higher SR (its upper bound when only bounded): the one that sets the material's SR. */
function settingStage(m: Assessment["materials"][number]) {
  const stages = [m.stages.extraction, m.stages.processing].filter((s) => s !== null);
  const top = (s: (typeof stages)[number]) => s.sr ?? s.srRange?.[1] ?? -Infinity;
  return stages.sort((a, b) => top(b) - top(a))[0] ?? null;
}

/** People's table: one row per material. */
export function renderAssessment(a: Assessment): string {
  const f = (x: number | null | undefined) => (x === null || x === undefined ? "–" : x.toFixed(1));
  // A bounded SR (import reliance unknown) shows its bounds, e.g. "2.9–4.3".
  const fr = (x: number | null | undefined, r?: [number, number]) => (x == null && r ? `${r[0].toFixed(1)}–${r[1].toFixed(1)}` : f(x));
  const table = formatTable(a.materials, [
    { key: (m) => m.material, title: "material" },
    { key: (m) => fr(m.stages.extraction?.sr ?? null, m.stages.extraction?.srRange), title: "SR ext", align: "right" },
    { key: (m) => fr(m.stages.processing?.sr ?? null, m.stages.processing?.srRange), title: "SR proc", align: "right" },
    { key: (m) => fr(m.sr, m.srRange), title: "SR", align: "right" },
    { key: (m) => f(m.ei) + (m.eiSource === "study" ? "*" : ""), title: "EI", align: "right" },
    ...(a.bloc === "EU27" ? [{ key: (m: Assessment["materials"][number]) => `${f(m.published?.sr)} / ${f(m.published?.ei)}`, title: "published SR/EI" }] : []),
    ...(a.bloc !== "EU27"
      ? [
          { key: (m: Assessment["materials"][number]) => f(m.vsEu?.sr), title: "EU SR", align: "right" as const },
          { key: (m: Assessment["materials"][number]) => (m.vsEu?.srDelta == null ? "–" : (round1(m.vsEu.srDelta) >= 0 ? "+" : "") + Math.abs(round1(m.vsEu.srDelta)).toFixed(1).replace(/^/, round1(m.vsEu.srDelta) < 0 ? "−" : "")) + (m.vsEu?.differsFromEu ? " ≠" : ""), title: "Δ vs EU", align: "right" as const },
        ]
      : []),
    { key: (m) => (m.critical ? "critical" : "") + (m.strategic ? (m.critical ? ", " : "") + "strategic" : ""), title: "flags" },
    // IR of the stage that sets the SR (the higher one); "?" when that stage's IR is unknown.
    { key: (m) => { const st = settingStage(m); return !st ? "–" : st.importReliance === null ? "?" : pct(st.importReliance, 0); }, title: "IR", align: "right" },
    { key: (m) => (m.coverage.length ? String(m.coverage.length) : ""), title: "notes", align: "right" },
  ]);
  return [
    `Criticality assessment for ${a.bloc} (EU method, WGI ${a.wgi.years.join("+")}${a.whatIf.length ? `, what-if ${a.whatIf.map((w) => `${w.iso3}:${w.t !== undefined ? `t=${w.t}` : `share=${w.share}`}`).join(",")}` : ""})`,
    "",
    table,
    "",
    `${a.bloc}: ${a.summary.text}.`,
    ...(a.summary.unassessed.length ? [`Not assessable: ${a.summary.unassessed.map((u) => `${u.material} (${u.missing.join(", ") || u.reason})`).join("; ")}`] : []),
    ...coverageLines(a.coverage, 0),
    "* EI taken from the study (its end-use table lacks the material). notes: coverage flags, see --json.",
    ...(a.bloc !== "EU27" ? ["Δ vs EU: the bloc's SR minus the EU27 SR (same WGI vintage); ≠ marks a different SR (one decimal) or critical flag; – where the bloc's SR is not computable (see notes)."] : []),
    `Sources: ${a.sources.map((s) => `${s.dataset} (${s.edition})`).join("; ")}`,
  ].join("\n");
}
