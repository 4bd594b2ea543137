import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import type { Store } from "../src/store/store.ts";

// The shipped ITC Trade Map subset (data/itc, built by scripts/data/build-itc.ts), checked against
// figures read by hand from ../shared/data/itc-trademap-battery-materials/ and its SOURCE.md.
const DATASET = "itc-trademap-battery";
let store: Store;

before(async () => {
  store = await openStore({ db: ":memory:" });
});
after(() => store.close());

interface Supplier { partner: string; quantity: number; share: number }

/** Japan's suppliers of one HS code in one year, by tonnes, with shares of the partner sum. */
async function japanSuppliers(product: string, year: number): Promise<Supplier[]> {
  return store.all<Supplier>(
    `SELECT partner, quantity::DOUBLE AS quantity, (quantity / sum(quantity) OVER ())::DOUBLE AS share FROM trade
     WHERE dataset = $1 AND reporter = 'JPN' AND flow = 'M' AND product = $2 AND year = $3
     ORDER BY quantity DESC, partner`,
    [DATASET, product, year],
  );
}

test("itc shipped: Japan's unwrought nickel (HS 750210) in 2021: Australia 17,871 t of 40,971 t (43.6 %)", async () => {
  // Trade_Map_-_…_imported_by_Japan.txt, 2021 column: Australia 17871, Madagascar 7046, Norway 5574,
  // Canada 5261, South Africa 2042, United Kingdom 1488, Finland 1138, Korea 310, Russia 240,
  // China 1, France 0 = 40971 (Trade Map's World row says 40970: rounding).
  const s = await japanSuppliers("750210", 2021);
  assert.deepEqual(s.slice(0, 3).map((r) => [r.partner, r.quantity]), [["AUS", 17871], ["MDG", 7046], ["NOR", 5574]]);
  assert.equal(s.reduce((a, r) => a + r.quantity, 0), 40971);
  assert.equal(s[0].share.toFixed(4), (17871 / 40971).toFixed(4)); // 0.4362
  assert.equal(s.length, 11);
});

test("itc shipped: SOURCE.md spot checks for Japan 2021 (Li hydroxide CN 81 %, Ni sulphate TW 46 % / KR 26 %)", async () => {
  const li = await japanSuppliers("282520", 2021);
  assert.deepEqual([li[0].partner, li[0].quantity, Math.round(li[0].share * 100)], ["CHN", 27425, 81]);
  const ni = await japanSuppliers("283324", 2021);
  assert.deepEqual(ni.slice(0, 2).map((r) => [r.partner, Math.round(r.share * 100)]), [["TWN", 46], ["KOR", 26]]);
});

test("itc shipped: rows are tonnes with no value, HS4/HS6 by code length, provenance recorded", async () => {
  const kinds = await store.all<{ classification: string; n: number }>(
    `SELECT classification, count(*)::DOUBLE AS n FROM trade WHERE dataset = $1
     AND qty_unit = 't' AND value IS NULL AND currency IS NULL AND flow = 'M' AND month = 0
     AND length(product) = CAST(substr(classification, 3) AS INTEGER)
     GROUP BY classification ORDER BY classification`,
    [DATASET],
  );
  const all = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM trade WHERE dataset = $1", [DATASET]);
  // 13,489 = Tons cells of Japan/EU importers for the 20 shipped codes, without World, "nes" and
  // "Special categories" partners (counted in the long CSV independently of the loader).
  assert.equal(all?.n, 13489);
  assert.equal(kinds.reduce((a, k) => a + k.n, 0), all?.n, "every row is tonnes, valueless, annual, imports, code length = classification");
  assert.deepEqual(kinds.map((k) => k.classification), ["HS4", "HS6"]);
  const reporters = await store.all<{ reporter: string }>("SELECT DISTINCT reporter FROM trade WHERE dataset = $1 ORDER BY reporter", [DATASET]);
  const eu = await store.all<{ iso3: string }>("SELECT iso3 FROM countries WHERE eu27 ORDER BY iso3");
  assert.deepEqual(reporters.map((r) => r.reporter), [...eu.map((c) => c.iso3).filter((c) => c !== "MLT"), "JPN"].sort());
  const ds = await store.one<{ publisher: string; licence: string }>("SELECT publisher, licence FROM datasets WHERE id = $1", [DATASET]);
  assert.equal(ds?.publisher, "International Trade Centre (ITC)");
  assert.match(ds?.licence ?? "", /ITC Trade Map, based on UN COMTRADE and ITC statistics/);
});

test("itc shipped: every shipped code is a trade code of a material, and nickel has Japan data in every stage", async () => {
  const orphan = await store.all<{ product: string }>(
    `SELECT DISTINCT product FROM trade t WHERE dataset = $1
     AND NOT EXISTS (SELECT 1 FROM material_codes c WHERE c.code = t.product AND c.classification = t.classification)`,
    [DATASET],
  );
  // 282739 ('other chlorides') ships for completeness but maps to no material: as a basket it overstates lithium.
  assert.deepEqual(orphan.map((o) => o.product), ["282739"]);
  const stages = await store.all<{ material: string; stage: string; codes: string[] }>(
    `SELECT c.material, c.stage, list_sort(list_distinct(list(t.product))) AS codes FROM trade t
     JOIN material_codes c ON c.code = t.product AND c.classification = t.classification
     WHERE t.dataset = $1 AND t.reporter = 'JPN' AND t.year = 2021 AND c.material IN ('nickel', 'cobalt', 'lithium', 'manganese')
     GROUP BY ALL ORDER BY ALL`,
    [DATASET],
  );
  assert.deepEqual(stages.map((s) => [s.material, s.stage, s.codes]), [
    ["cobalt", "processing", ["282200", "810520"]],
    ["lithium", "processing", ["282520", "283691"]],
    ["manganese", "extraction", ["260200"]],
    ["manganese", "processing", ["282010", "282090", "811100"]],
    ["nickel", "extraction", ["260400"]],
    ["nickel", "processing", ["282540", "282735", "283324", "750110", "750120", "750210", "750400"]],
  ]);
});
