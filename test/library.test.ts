import { test } from "node:test";
import assert from "node:assert/strict";
import * as lib from "chokepoint";

// The package's own name resolves to src/index.ts: what `import … from "chokepoint"` gives users.
test("the library exports the same functions the CLI uses", async () => {
  for (const name of ["openStore", "exposure", "overview", "ingest", "assess", "simulate", "plan", "scan", "hhi", "ChokepointError"]) {
    assert.equal(typeof (lib as Record<string, unknown>)[name], "function", name);
  }
  assert.equal(lib.hhi([0.5, 0.5]), 0.5);
  const store = await lib.openStore({ db: ":memory:" });
  try {
    const e = await lib.exposure(store, { material: "tungsten", bloc: "EU27", year: 2023, basis: "production" });
    assert.equal(e.top?.country, "CHN");
  } finally {
    store.close();
  }
});
