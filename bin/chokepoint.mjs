#!/usr/bin/env node
// Registers tsx so the TypeScript sources run directly, without a build step.
import { register } from "tsx/esm/api";
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
