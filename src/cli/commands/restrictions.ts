import type { Command } from "commander";
import { listRestrictions } from "../../monitor/restrictions/list.ts";
import { parseMonitorRequest, RestrictionsRequest } from "../../monitor/request.ts";
import { printJson, withStore } from "../context.ts";
import { formatTable } from "../table.ts";

/** `chokepoint restrictions`: export measures on record on a date, with destinations and suspensions. */
export function register(program: Command): void {
  program
    .command("restrictions")
    .description("export restrictions on record on a date: in force, suspended (until when) or ended, with destinations")
    .option("--date <YYYY-MM-DD>", "date the status is given for (default: today)")
    .option("--destination <ISO3>", "only measures that reach this destination (measures on all destinations included)")
    .option("--material <id>", "only measures on this material, a group above it or a member of it")
    .option("--country <ISO3>", "restricting country")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Status on the date: in-force, suspended (until = last day of the suspension) or ended. A measure
aimed at named destinations (China's US-only ban, its ban on dual-use exports to Japanese military
end users) lists them; null = every destination. Measures come from official notices (China's via
a secondary compilation: each carries its ministry URL — check it before citing).

Examples:
  $ chokepoint restrictions --date 2026-12-05 --destination JPN
  $ chokepoint restrictions --date 2026-06-01 --material holmium --json
  $ chokepoint restrictions --country CHN --json | jq '.restrictions[] | select(.status == "suspended")'`,
    )
    .action(async (opts: { date?: string; destination?: string; material?: string; country?: string; json?: boolean }, cmd: Command) => {
      const req = parseMonitorRequest(RestrictionsRequest, {
        ...(opts.date ? { date: opts.date } : {}),
        ...(opts.destination ? { destination: opts.destination.toUpperCase() } : {}),
        ...(opts.material ? { material: opts.material } : {}),
        ...(opts.country ? { country: opts.country.toUpperCase() } : {}),
      }, "restrictions");
      const out = await withStore(cmd, (store) => listRestrictions(store, req));
      if (opts.json) return printJson(out);
      process.stdout.write(
        formatTable(out.restrictions, [
          { key: "country", title: "country" },
          { key: "status", title: "status" },
          { key: (r) => r.until ?? "", title: "until" },
          { key: (r) => (r.destinations ? r.destinations.join(", ") : "all"), title: "destinations" },
          { key: (r) => r.materials.join(", "), title: "materials" },
          { key: "measureId", title: "notice" },
        ]) + `\n\n${out.restrictions.length} measures on record on ${out.date}.\n${out.restrictions.map((r) => `  ${r.measureId}: ${r.url ?? "(no official URL in the compilation)"}`).join("\n")}\n${out.coverage.warnings.map((w) => `note: ${w}`).join("\n")}\n`,
      );
    });
}
