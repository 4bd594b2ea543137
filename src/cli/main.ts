import { Command, CommanderError } from "commander";
import { ChokepointError, exitCodeFor } from "../domain/error.ts";
import { commands } from "./commands/index.ts";

/** Build the `chokepoint` program with every command registered. */
export function program(): Command {
  const p = new Command("chokepoint")
    .description(
      "Open analytics for the economic security of critical supply chains.\n" +
        "Where Japan, the EU and the alliance depend on few suppliers, what a cut-off does, what to do about it.",
    )
    .option("--db <path>", "database file (default .chokepoint/chokepoint.duckdb, or $CHOKEPOINT_DB)")
    .showHelpAfterError("(run with --help for usage and examples)")
    .exitOverride();
  p.addHelpText(
    "after",
    `
Examples:
  $ chokepoint overview --bloc ALLIANCE          all materials ranked by supply concentration
  $ chokepoint exposure --material gallium --bloc JPN --basis sourcing
  $ chokepoint materials --json                  the material catalogue
  $ chokepoint data status                       what is loaded, from whom, which years

The database is built from the shipped starter dataset (data/) on first use.`,
  );
  for (const register of commands) register(p);
  return p;
}

/** Run the CLI; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0) return 0;
      return 2;
    }
    if (e instanceof ChokepointError) {
      process.stderr.write(`chokepoint: ${e.message}\n`);
      return exitCodeFor(e.code);
    }
    process.stderr.write(`chokepoint: internal error: ${(e as Error).stack ?? e}\n`);
    return 70;
  }
}
