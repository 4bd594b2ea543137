import type { Command } from "commander";
import { ChokepointError } from "../../domain/error.ts";
import { createExtractor } from "../../monitor/extract/extract.ts";
import { formatEventsText } from "../format-events.ts";
import { gazetteerFromStore } from "../../monitor/extract/gazetteer-store.ts";
import { parseInterval, pollFeed } from "../../monitor/feeds/watch.ts";
import { printJson, withStore } from "../context.ts";

/** `chokepoint watch`: poll RSS/Atom feeds, store the events of new items. */
export function register(program: Command): void {
  program
    .command("watch")
    .description("poll RSS/Atom feeds (conditional GET, dedupe by guid/link) and store the trade measures of new items")
    .requiredOption("--feed <url|file...>", "feed URL or local file (repeatable)")
    .option("--interval <duration>", "time between polls, e.g. 30s, 15m, 1h", "15m")
    .option("--once", "poll once and exit")
    .option("--json", "machine-readable output (one JSON object per poll)")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint watch --feed https://example.org/trade-notices.xml --once
  $ chokepoint watch --feed notices.xml --feed https://example.org/atom --interval 15m
Events are stored in the database (table monitor_events) and feed \`chokepoint alerts\`.`,
    )
    .action(async (opts: { feed: string[]; interval: string; once?: boolean; json?: boolean }, cmd: Command) => {
      const every = parseInterval(opts.interval);
      if (!(every >= 1000)) throw new ChokepointError("invalid_input", `--interval '${opts.interval}' is not a duration such as 30s, 15m or 1h`);
      for (;;) {
        await withStore(cmd, async (store) => {
          const extract = createExtractor(await gazetteerFromStore(store));
          for (const feed of opts.feed) {
            const r = await pollFeed(store, feed, extract);
            if (opts.json) process.stdout.write(JSON.stringify({ ...r, polledAt: new Date().toISOString() }) + "\n");
            else {
              process.stdout.write(`${feed}: ${r.notModified ? "not modified" : `${r.items} items, ${r.newItems} new, ${r.events.length} events`}\n`);
              if (r.events.length) process.stdout.write(formatEventsText(r.events));
            }
          }
        });
        if (opts.once) return;
        await new Promise((r) => setTimeout(r, every));
      }
    });
}
