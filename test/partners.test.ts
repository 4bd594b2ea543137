import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";
import { partners } from "../src/plan/partners.ts";
import { shippedPolicy } from "../src/plan/policy.ts";

// Runs on the shipped CEPII BACI V202601 (data/baci: 2022 and 2024, every flow for 30 HS6 codes).
let store: Store;
before(async () => {
  store = await openStore({ db: ":memory:" });
});
after(() => store?.close());

/** Oracle from the raw table: an exporter's share of world exports (value) of one HS6 code in a year. */
async function worldShare(hs6: number, year: number, iso3: string): Promise<number> {
  const [r] = await store.all<{ share: number }>(
    `SELECT (sum(CASE WHEN e.iso3 = $3 THEN t.value_kusd ELSE 0 END) / sum(t.value_kusd))::DOUBLE AS share
     FROM baci_trade t JOIN baci_countries e ON e.code = t.exporter WHERE t.hs6 = $1 AND t.year = $2`,
    [hs6, year, iso3],
  );
  return r.share;
}

test("partners -m permanent-magnets -b EU27 lists JPN among the alternatives to China, with its world export share", async () => {
  const r = await partners(store, { material: "permanent-magnets", bloc: "EU27" });
  assert.equal(r.year, 2024);
  assert.deepEqual(r.codes, ["850511"]);
  const d = r.blocs[0].dependencies.find((x) => x.country === "CHN")!;
  // SOURCE.md of baci-crm-hs6: China 88.6 % of extra-EU imports of 850511 (USD 1,216 m) in 2024.
  assert.ok(Math.abs(d.share - 0.886) < 0.0005, String(d.share));
  assert.ok(Math.abs(r.blocs[0].extraImports.usd / 1e6 - 1216) < 1, String(r.blocs[0].extraImports.usd));
  const jpn = d.alternatives.find((a) => a.country === "JPN")!;
  assert.equal(jpn.tier, "alliance");
  assert.equal(d.alternatives[0].country, "JPN", "the other alliance half comes first");
  const oracle = await worldShare(850511, 2024, "JPN");
  assert.ok(oracle > 0 && Math.abs(jpn.worldExportShare - oracle) < 1e-6, `${jpn.worldExportShare} vs ${oracle}`);
  // SOURCE.md: China's share of world exports of 850511 in 2024 is 62.7 %; Japan's is part of the rest.
  assert.ok(Math.abs((await worldShare(850511, 2024, "CHN")) - 0.627) < 0.0005);
  assert.ok(jpn.worldExportShare < 1 - 0.627);
});

test("partners -m magnesium -b JPN lists at least one EU member or trusted partner", async () => {
  const r = await partners(store, { material: "magnesium", bloc: "JPN" });
  assert.equal(r.year, 2024);
  assert.deepEqual(r.blocMembers, ["JPN"]);
  // The bloc the edge resolved is used as given (an id no spec resolves to): the same dependencies
  // (tiers differ: only the id JPN makes EU members "the other alliance half").
  const given = await partners(store, { material: "magnesium", bloc: { id: "JAPAN-AS-GIVEN", members: ["JPN"] } });
  assert.equal(given.bloc, "JAPAN-AS-GIVEN");
  assert.deepEqual(given.blocMembers, ["JPN"]);
  assert.deepEqual(given.blocs[0].dependencies.map((d) => [d.country, d.share]), r.blocs[0].dependencies.map((d) => [d.country, d.share]));
  const dep = r.blocs[0].dependencies;
  assert.ok(dep.length > 0, "Japan depends on one supplier of unwrought magnesium (810411)");
  const alts = dep.flatMap((d) => d.alternatives);
  const eu = new Set((await store.all<{ iso3: string }>("SELECT iso3 FROM countries WHERE eu27")).map((c) => c.iso3));
  const trusted = new Set(shippedPolicy().trusted.groups.flatMap((g) => g.members));
  const ally = alts.filter((a) => (a.tier === "alliance" && eu.has(a.country)) || (a.tier === "trusted" && trusted.has(a.country)));
  assert.ok(ally.length > 0, JSON.stringify(alts.slice(0, 5)));
  for (const a of ally.slice(0, 3)) {
    const oracle = await worldShare(810411, 2024, a.country);
    assert.ok(Math.abs(a.worldExportShare - oracle) < 1e-6, `${a.country}: ${a.worldExportShare} vs ${oracle}`);
  }
  // Sanctioned suppliers never appear as alternatives.
  for (const a of alts) assert.ok(!["PRK", "RUS", "BLR", "IRN", "SYR"].includes(a.country), a.country);
});
