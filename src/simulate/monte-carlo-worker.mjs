// Worker entry for off-thread Monte Carlo (see monte-carlo-thread.ts). Plain JS so it starts
// without a loader; it registers tsx to import the TypeScript model.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { monteCarlo } = await import("./monte-carlo.ts");
parentPort.on("message", (job) => {
  try {
    const targets = monteCarlo(job.market, job.ms, job.ranges, job.runs, job.seed, job.views, job.va);
    parentPort.postMessage({ id: job.id, targets });
  } catch (e) {
    parentPort.postMessage({ id: job.id, error: String(e && e.message ? e.message : e) });
  }
});
