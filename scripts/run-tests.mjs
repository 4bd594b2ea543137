#!/usr/bin/env node
// Node 20's --test does not expand globs, so collect *.test.ts files here.
// Usage: node scripts/run-tests.mjs [filter-substring...]
// --test-force-exit: a file whose tests have all finished exits even if a handle (a browser, a
// socket) is still open, so one lingering handle cannot hang CI; --test-timeout bounds any test.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const roots = ["src", "test"];
const skip = new Set(["node_modules", "output", "fixtures"]);
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.test\.tsx?$/.test(name)) files.push(p);
  }
}
for (const r of roots) walk(r);
const filters = process.argv.slice(2);
const chosen = filters.length ? files.filter((f) => filters.some((x) => f.includes(x))) : files;
chosen.sort();
// A whole run takes 2–4 minutes; a file stuck outside any test (a teardown blocked in native code)
// is beyond --test-timeout, so the run as a whole is bounded too: fail loudly instead of hanging CI.
const WATCHDOG_MS = 25 * 60_000;
const res = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", "--test-force-exit", "--test-timeout=900000", ...chosen], {
  stdio: "inherit",
  env: { ...process.env, CHOKEPOINT_TEST: "1" },
  timeout: WATCHDOG_MS,
  killSignal: "SIGTERM",
});
if (res.error?.code === "ETIMEDOUT") {
  console.error(`\nrun-tests: the test run exceeded ${WATCHDOG_MS / 60_000} minutes and was stopped (a hung test file?)`);
  process.exit(1);
}
process.exit(res.status ?? 1);
