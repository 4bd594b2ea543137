import { LIMITS } from "../../domain/limits.ts";
import { blocsFrom } from "../../store/queries/blocs.ts";
import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import { ChokepointError } from "../../domain/error.ts";
import { briefData } from "../../report/brief.ts";
import { briefHtml } from "../../report/brief-html.ts";
import { htmlToPdf } from "../../report/pdf.ts";
import { loadScenario } from "../../simulate/scenario.ts";
import { evidenceData } from "../../report/evidence.ts";
import { evidenceHtml } from "../../report/evidence-html.ts";
import { withStore } from "../context.ts";

/** `chokepoint brief`: a 2–4 page briefing (HTML or PDF) on one material for one bloc. */
export function register(program: Command): void {
  program
    .command("brief")
    .description("a 2–4 page briefing for decision-makers: headline, key figures, map, suppliers, scenario, actions, sources")
    .option("-m, --material <id>", "material id (e.g. gallium); required unless --evidence")
    .option("--evidence", "the evidence pack for WTO/G7 reform instead: US tariffs on the bloc's exports and export restrictions on its imports")
    .option("-d, --date <YYYY-MM-DD>", "with --evidence: the day measures are read at (default 2026-12-05)")
    .option("-b, --bloc <bloc>", "EU27, JPN, ALLIANCE, or a comma list of countries (ISO3 or names: \"JPN,KOR\", \"Japan,South Korea\")", "ALLIANCE")
    .option("--scenario <file>", "also run this scenario file and report its result")
    .option("--runs <n>", "Monte Carlo runs for the scenario (default: the file's)")
    .requiredOption("-o, --output <file>", "brief.pdf (through Chromium) or brief.html")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint brief --material gallium --bloc ALLIANCE -o gallium.pdf
  $ chokepoint brief -m gallium -b JPN --scenario scenarios/china-gallium-alliance.yaml -o brief.html
  $ chokepoint brief --evidence -b ALLIANCE -o pack.pdf
  $ chokepoint brief --evidence -b JPN --date 2025-10-14 -o pack.html`,
    )
    .action(async (opts: { material?: string; evidence?: boolean; date?: string; bloc: string; scenario?: string; runs?: string; output: string }, cmd: Command) => {
      const kind = /\.pdf$/i.test(opts.output) ? "pdf" : /\.html?$/i.test(opts.output) ? "html" : null;
      if (!kind) throw new ChokepointError("invalid_input", `-o '${opts.output}': expected a file ending in .pdf or .html`);
      const runs = opts.runs === undefined ? undefined : Number(opts.runs);
      if (runs !== undefined && (!Number.isInteger(runs) || runs < 1 || runs > LIMITS.runs)) throw new ChokepointError("invalid_input", `invalid --runs '${opts.runs}' (expected 1–${LIMITS.runs})`);
      if (opts.evidence) {
        if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new ChokepointError("invalid_input", `invalid --date '${opts.date}' (expected YYYY-MM-DD)`);
        const page = evidenceHtml(await withStore(cmd, async (store) => evidenceData(store, { bloc: (await blocsFrom(store)).resolve(opts.bloc), date: opts.date, runs: runs === undefined ? undefined : Math.max(10, runs) })));
        writeFileSync(opts.output, kind === "pdf" ? await htmlToPdf(page) : page);
        process.stderr.write(`wrote ${opts.output}\n`);
        return;
      }
      if (!opts.material) throw new ChokepointError("invalid_input", "--material is required (e.g. -m gallium), or use --evidence");
      const scenario = opts.scenario ? loadScenario(opts.scenario) : undefined;
      const html = briefHtml(await withStore(cmd, async (store) => briefData(store, { material: opts.material!, bloc: (await blocsFrom(store)).resolve(opts.bloc), scenario, runs })));
      writeFileSync(opts.output, kind === "pdf" ? await htmlToPdf(html) : html);
      process.stderr.write(`wrote ${opts.output}\n`);
    });
}
