import type { Command } from "commander";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ChokepointError } from "../../domain/error.ts";
import { ingest } from "../../ingest/ingest.ts";
import { loaders } from "../../ingest/registry.ts";
import { printJson, progressBar, withStore } from "../context.ts";

/** Expand directories into the files inside them (sorted), so `ingest baci DIR` works. */
function expand(paths: string[]): string[] {
  return paths.flatMap((p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new ChokepointError("io_error", `${p}: no such file or directory`);
    }
    return st.isDirectory() ? readdirSync(p).sort().map((f) => join(p, f)).filter((f) => statSync(f).isFile()) : [p];
  });
}

/** `chokepoint ingest <loader> FILE…`: load public data files into the store. */
export function register(program: Command): void {
  program
    .command("ingest")
    .description("load public data files (USGS MCS, WGI, Eurostat Comext, UN Comtrade, BACI, …) into the database")
    .argument("<format>", "file format: one of the loaders listed below")
    .argument("<files...>", "files or folders to load")
    .option("--dataset <id>", "dataset id to record them under (default: the format)")
    .option("--json", "machine-readable output")
    .addHelpText("after", () => {
      const list = Object.values(loaders).map((l) => `  ${l.id.padEnd(20)} ${l.description}`).join("\n");
      return `
Formats:
${list}

Every row is validated first: problems are reported with file, line, field and value, the
command exits with code 1, and the database is left exactly as it was. Loading the same file
twice changes nothing (files are identified by content hash).

Examples:
  $ chokepoint ingest wgi WGIData.csv
  $ chokepoint ingest comext DS-045409_2025.csv --dataset comext-2025
  $ chokepoint ingest baci BACI_HS22_V202501/`;
    })
    .action(async (format: string, files: string[], opts, cmd: Command) => {
      if (!loaders[format]) {
        throw new ChokepointError("invalid_input", `unknown format '${format}' (valid: ${Object.keys(loaders).join(", ")})`);
      }
      const list = loaders[format].files?.(files) ?? expand(files);
      const results = await withStore(cmd, async (store) => {
        const bar = progressBar(`Loading ${format}`);
        bar?.start(list.length);
        try {
          return await ingest(store, format, list, { dataset: opts.dataset, onFile: (r) => bar?.tick(r.file) });
        } finally {
          bar?.stop();
        }
      });
      if (opts.json) return printJson({ format, files: results });
      for (const r of results) {
        process.stdout.write(`${r.file}: ${r.skipped ? "already loaded (same content), skipped" : `${r.rows} rows loaded`}\n`);
      }
    });
}
