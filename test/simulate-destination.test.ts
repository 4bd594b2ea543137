// Issue 14, Must show 2: a China→JPN-only shock (MOFCOM 2026 No. 1, scenario pair in scenarios/);
// alliance sharing lowers Japan's shortfall and costs the EU27 something.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { loadScenario } from "../src/simulate/scenario.ts";
import { simulate } from "../src/simulate/simulate.ts";

let store: Store;
before(async () => {
  store = await openStore({ db: ":memory:" });
});
after(() => store.close());

/** The pair's gallium shock made a full ban: the shipped files assume 30 % held up, which Japan's 60-day stock absorbs at the median. */
const gallium = async (file: string) => {
  const shipped = loadScenario(file);
  const s = { ...shipped, shocks: [{ ...shipped.shocks[0], type: "export_ban" as const, severity: undefined }] };
  const out = await simulate(store, s, { runs: 200, seed: s.seed });
  const m = out.markets.find((x) => x.material === "gallium")!;
  return { s, m, jpn: m.targets.JPN.peakShortfall, eu: m.targets.EU27.peakShortfall };
};

test("China→JPN-only shock: only Japan is hit; with alliance sharing Japan's p50 shortfall is lower and EU27's is not zero-cost", async () => {
  const alone = await gallium("scenarios/china-japan-dual-use-ban-2026-alone.yaml");
  const shared = await gallium("scenarios/china-japan-dual-use-ban-2026-sharing.yaml");
  const files = loadScenario("scenarios/china-japan-dual-use-ban-2026-alone.yaml");
  assert.deepEqual(files.shocks.map((k) => k.targets), Array(6).fill(["JPN"]));
  assert.deepEqual(files.shocks.map((k) => k.material), ["gallium", "germanium", "natural-graphite", "rare-earths", "antimony", "tungsten"]);
  // Japan alone: Japan short, the EU untouched.
  assert.ok(alone.jpn.p50 > 0, `JPN alone p50 ${alone.jpn.p50}`);
  assert.equal(alone.eu.p95, 0);
  // With sharing: Japan's p50 lower; the EU27 passes part of its intake and is short itself.
  assert.ok(shared.jpn.p50 < alone.jpn.p50, `JPN p50 ${shared.jpn.p50} (shared) vs ${alone.jpn.p50} (alone)`);
  assert.ok(shared.eu.p50 > 0, `EU27 p50 ${shared.eu.p50}`);
});

test("leakage through third countries is the uncertain parameter of the pair: all leaking means no shortfall", async () => {
  const s = loadScenario("scenarios/china-japan-dual-use-ban-2026-alone.yaml");
  const leaky = { ...s, shocks: s.shocks.slice(0, 1), params: { leakage: 1, rampUpMonths: 1 } };
  const out = await simulate(store, leaky, { runs: 50, seed: 1 });
  assert.equal(out.parameters.leakage.mode, 1);
  assert.equal(out.targets.JPN.peakShortfall.p95, 0);
});
