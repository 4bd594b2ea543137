import { LIMITS } from "../../domain/limits.ts";
import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import { ChokepointError } from "../../domain/error.ts";
import { briefData } from "../../report/brief.ts";
import { briefHtml } from "../../report/brief-html.ts";
import { htmlToPdf } from "../../report/pdf.ts";
import { loadScenario } from "../../simulate/scenario.ts";
import { withStore } from "../context.ts";

/** `chokepoint brief`: a 2–4 page briefing (HTML or PDF) on one material for one bloc. */
export function register(program: Command): void {
  program
    .command("brief")
    .description("a 2–4 page briefing for decision-makers: headline, key figures, map, suppliers, scenario, actions, sources")
    .requiredOption("-m, --material <id>", "material id (e.g. gallium)")
    .option("-b, --bloc <bloc>", "EU27, JPN, ALLIANCE, or a comma list of countries (ISO3 or names: \"JPN,KOR\", \"Japan,South Korea\")", "ALLIANCE")
    .option("--scenario <file>", "also run this scenario file and report its result")
    .option("--runs <n>", "Monte Carlo runs for the scenario (default: the file's)")
    .requiredOption("-o, --output <file>", "brief.pdf (through Chromium) or brief.html")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint brief --material gallium --bloc ALLIANCE -o gallium.pdf
  $ chokepoint brief -m gallium -b JPN --scenario scenarios/china-gallium-alliance.yaml -o brief.html`,
    )
    .action(async (opts: { material: string; bloc: string; scenario?: string; runs?: string; output: string }, cmd: Command) => {
      const kind = /\.pdf$/i.test(opts.output) ? "pdf" : /\.html?$/i.test(opts.output) ? "html" : null;
      if (!kind) throw new ChokepointError("invalid_input", `-o '${opts.output}': expected a file ending in .pdf or .html`);
      const runs = opts.runs === undefined ? undefined : Number(opts.runs);
      if (runs !== undefined && (!Number.isInteger(runs) || runs < 1 || runs > LIMITS.runs)) throw new ChokepointError("invalid_input", `invalid --runs '${opts.runs}' (expected 1–${LIMITS.runs})`);
      const scenario = opts.scenario ? loadScenario(opts.scenario) : undefined;
      const html = briefHtml(await withStore(cmd, (store) => briefData(store, { material: opts.material, bloc: opts.bloc, scenario, runs })));
      writeFileSync(opts.output, kind === "pdf" ? await htmlToPdf(html) : html);
      process.stderr.write(`wrote ${opts.output}\n`);
    });
}
