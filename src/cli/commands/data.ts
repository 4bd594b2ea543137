import type { Command } from "commander";
import { datasetCount, datasetStatus } from "../../store/queries/status.ts";
import { openStore } from "../../ingest/starter/open.ts";
import { dbOption, printJson, progressBar, withStore } from "../context.ts";
import { formatTable } from "../table.ts";

/** `chokepoint data status`: what is loaded, from whom, which years. */
export function register(program: Command): void {
  const data = program.command("data").description("the database and its datasets");
  data
    .command("status")
    .description("every dataset with publisher, edition, licence, years and row counts")
    .option("--json", "machine-readable output")
    .addHelpText("after", "\nExample:\n  $ chokepoint data status\n  $ chokepoint --db my.duckdb data status --json")
    .action(async (opts, cmd: Command) => {
      const rows = await withStore(cmd, datasetStatus);
      if (opts.json) return printJson({ datasets: rows });
      process.stdout.write(
        formatTable(rows, [
          { key: "id", title: "dataset" },
          { key: "publisher", title: "publisher" },
          { key: "edition", title: "edition" },
          { key: "years", title: "years" },
          { key: "files", title: "files", align: "right" },
          { key: (r) => r.rows.toLocaleString("en-US"), title: "rows", align: "right" },
          { key: "licence", title: "licence" },
        ]) + "\n",
      );
    });
  data
    .command("rebuild")
    .description("delete the database and build it again from the shipped data/ (your own loads are dropped)")
    .addHelpText("after", "\nExample:\n  $ chokepoint data rebuild")
    .action(async (_opts, cmd: Command) => {
      const store = await openStore({ db: dbOption(cmd), rebuild: true, progress: progressBar("Rebuilding database from data/") });
      const n = await datasetCount(store);
      await store.close();
      process.stdout.write(`rebuilt ${store.path} from data/: ${n} datasets\n`);
    });
}
