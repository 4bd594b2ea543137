import type { Command } from "commander";

/**
 * Every CLI command, as a function that registers itself on the program.
 * Add a command: write `commands/<name>.ts` exporting `register`, and list it here.
 */
export const commands: ((program: Command) => void)[] = [];
