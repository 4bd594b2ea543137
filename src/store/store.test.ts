import assert from "node:assert/strict";
import { test } from "node:test";
import { Store } from "./store.ts";

test("close() while a statement runs interrupts it and returns, instead of blocking the process", async () => {
  const store = await Store.open(":memory:");
  // A query that would run for minutes: a cross join far too big to finish.
  const slow = store.all("SELECT count(*) AS n FROM range(100000000) a, range(100000) b WHERE a.range + b.range < 0");
  slow.catch(() => {});
  await new Promise((r) => setTimeout(r, 100));
  await store.close(); // before: closeSync under the running query blocked the main thread for good
  await assert.rejects(slow, /interrupt/i);
  await store.close(); // twice is harmless
});

test("close() when idle closes at once, and later statements fail clearly", async () => {
  const store = await Store.open(":memory:");
  assert.deepEqual(await store.all("SELECT 1::DOUBLE AS x"), [{ x: 1 }]);
  void store.close();
  await assert.rejects(store.all("SELECT 1"));
});

test("withMemoryLimit lowers DuckDB's memory limit while fn runs, restores it after (also on error), never raises it", async () => {
  const store = await Store.open(":memory:");
  const limit = async () => (await store.one<{ v: string }>("SELECT current_setting('memory_limit') AS v"))!.v;
  const before = await limit();
  assert.equal(await store.withMemoryLimit(300, limit), "300.0 MiB");
  assert.equal(await limit(), before);
  await assert.rejects(store.withMemoryLimit(300, async () => { throw new Error("boom"); }), /boom/);
  assert.equal(await limit(), before);
  await store.run("SET memory_limit = '200MiB'");
  assert.equal(await store.withMemoryLimit(300, limit), "200.0 MiB");
  await store.close();
});
