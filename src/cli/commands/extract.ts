import type { Command } from "commander";
import { ChokepointError } from "../../domain/error.ts";
import { createExtractor } from "../../monitor/extract/extract.ts";
import { gazetteerFromStore } from "../../monitor/extract/gazetteer-store.ts";
import { htmlToText, parseJsonl, readInput } from "../../monitor/extract/input.ts";
import { formatEventsText } from "../format-events.ts";
import { printJson, withStore } from "../context.ts";

/** `chokepoint extract`: structured trade-measure events from notices and news. */
export function register(program: Command): void {
  program
    .command("extract")
    .description("read official notices and news; print the trade measures they announce as structured events")
    .argument("[file]", "input file, or - for standard input", "-")
    .option("--format <format>", "input format: text (one document), jsonl ({id, text} per line), html (one page)", "text")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Each event: type, actor (ISO3 or EU), targets (ISO3, EU or ALL), products (catalogue ids or plain names),
hsCodes (HS6), measureDate, rate (tariffs, fraction), status, evidence (the sentence).

Examples:
  $ chokepoint extract notice.txt
  $ echo "MOFCOM: from 1 August 2023 gallium shall not be exported without permission." | chokepoint extract - --json
  $ chokepoint extract news.jsonl --format jsonl > events.jsonl     one output line per input line
  $ curl -s https://example.org/notice.html | chokepoint extract - --format html --json`,
    )
    .action(async (file: string, opts: { format: string; json?: boolean }, cmd: Command) => {
      if (!["text", "jsonl", "html"].includes(opts.format)) {
        throw new ChokepointError("invalid_input", `unknown --format '${opts.format}' (expected text, jsonl or html)`);
      }
      const raw = readInput(file);
      const gazetteer = await withStore(cmd, gazetteerFromStore);
      const extract = createExtractor(gazetteer);
      if (opts.format === "jsonl") {
        for (const d of parseJsonl(raw, file === "-" ? "stdin" : file)) {
          process.stdout.write(JSON.stringify({ id: d.id, events: extract(d.text) }) + "\n");
        }
        return;
      }
      const events = extract(opts.format === "html" ? htmlToText(raw) : raw);
      if (opts.json) return printJson({ events });
      process.stdout.write(formatEventsText(events));
    });
}
