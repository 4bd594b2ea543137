import type { Command } from "commander";
import cliProgress from "cli-progress";
import { openStore } from "../ingest/starter/open.ts";
import type { Store } from "../store/store.ts";
import type { BuildProgress } from "../ingest/starter/build.ts";

/** A progress bar on stderr (only on a terminal, so pipes and tests stay clean). */
export function progressBar(title: string): BuildProgress | undefined {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {value}/{total} {label}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { label: "" }),
    tick: (label) => bar.increment(1, { label }),
    stop: () => bar.stop(),
  };
}

/** The database path from the global `--db` option (commander keeps it on the root). */
export function dbOption(cmd: Command): string | undefined {
  let c: Command | null = cmd;
  while (c?.parent) c = c.parent;
  return (c?.opts().db as string | undefined) ?? undefined;
}

/** Open the store for a command, building it with a progress bar on first use; always closes it. */
export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({
    db: dbOption(cmd),
    progress: progressBar("Building database from data/"),
    onWarning: (m) => process.stderr.write(`chokepoint: warning: ${m}\n`),
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Print JSON (stable key order as built, 2-space indent). */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}
