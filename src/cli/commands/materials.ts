import type { Command } from "commander";
import { parseRequest } from "../../domain/request.ts";
import { materials, MaterialsRequestSchema } from "../../store/queries/materials-request.ts";
import { printJson, withStore } from "../context.ts";
import { formatTable } from "../table.ts";

/** `chokepoint materials`: the material catalogue. */
export function register(program: Command): void {
  program
    .command("materials")
    .description("the material catalogue: ids, groups, stages, trade codes and official flags")
    .option("--group <grp>", "only materials of this group (e.g. rare-earths, pgm)")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint materials
  $ chokepoint materials --group pgm --json`,
    )
    .action(async (opts, cmd: Command) => {
      const req = parseRequest(MaterialsRequestSchema, { group: opts.group }, "materials");
      const listing = await withStore(cmd, (store) => materials(store, req));
      if (opts.json) return printJson(listing);
      const mats = listing.materials;
      const yes = (b: boolean) => (b ? "✓" : "");
      process.stdout.write(
        formatTable(mats, [
          { key: "id", title: "id" },
          { key: "name", title: "name" },
          { key: (m) => m.parent ?? m.grp ?? "", title: "group" },
          { key: (m) => m.stages.join(", "), title: "stages" },
          { key: (m) => m.hs_codes.slice(0, 3).join(" ") + (m.hs_codes.length > 3 ? " …" : ""), title: "HS" },
          { key: (m) => yes(m.eu_crm_2023), title: "EU CRM" },
          { key: (m) => yes(m.eu_srm_2024), title: "EU SRM" },
          { key: (m) => yes(m.jp_critical), title: "JP" },
        ]) + `\n\n${mats.length} materials. EU CRM: critical raw material 2023; EU SRM: strategic under Reg. (EU) 2024/1252; JP: Japan's designated critical products.\n`,
      );
    });
}
