import { Worker } from "node:worker_threads";
import { ChokepointError } from "../domain/error.ts";
import { LIMITS } from "../domain/limits.ts";
import type { Market } from "./market.ts";
import type { ModelScenario } from "./model.ts";
import type { TargetResult, TargetView, ValueAddedBasis } from "./monte-carlo.ts";
import type { ParamName, ParamRange } from "./params.ts";

export interface MonteCarloJob {
  market: Market;
  ms: ModelScenario;
  ranges: Record<ParamName, ParamRange>;
  runs: number;
  seed: number;
  views: TargetView[];
  va: ValueAddedBasis | null;
}

const ENTRY = new URL("./monte-carlo-worker.mjs", import.meta.url);
let idle: Worker[] = [];
let busy = 0;
const waiting: (() => void)[] = [];
let nextId = 1;

/**
 * Run `monteCarlo` on a worker thread, so a server's event loop keeps answering while a
 * 20,000-run simulation computes (it froze `/api/health` for 4.6 s on the main thread).
 * At most `LIMITS.simulationWorkers` run at once; more wait in line. Same inputs → same result
 * as the in-thread call (the job is structured-cloned; the RNG is seeded).
 *
 * @example const targets = await monteCarloOffThread({ market, ms, ranges, runs: 20000, seed: 1, views, va });
 */
export async function monteCarloOffThread(job: MonteCarloJob): Promise<Record<string, TargetResult>> {
  if (busy >= LIMITS.simulationWorkers) await new Promise<void>((r) => waiting.push(r));
  busy++;
  const worker = idle.pop() ?? new Worker(ENTRY);
  const id = nextId++;
  try {
    return await new Promise((resolve, reject) => {
      const onMessage = (m: { id: number; targets?: Record<string, TargetResult>; error?: string }) => {
        if (m.id !== id) return;
        cleanup();
        if (m.error !== undefined) reject(new ChokepointError("internal", `simulation failed: ${m.error}`));
        else resolve(m.targets!);
      };
      const onError = (e: Error) => {
        cleanup();
        reject(new ChokepointError("internal", `simulation worker failed: ${e.message}`));
      };
      const cleanup = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ id, ...job });
    }).then((t) => {
      idle.push(worker);
      worker.unref();
      return t as Record<string, TargetResult>;
    });
  } catch (e) {
    void worker.terminate();
    throw e;
  } finally {
    busy--;
    waiting.shift()?.();
  }
}

/** Stop idle workers (tests, server shutdown). */
export async function stopMonteCarloWorkers(): Promise<void> {
  const ws = idle;
  idle = [];
  await Promise.all(ws.map((w) => w.terminate()));
}
