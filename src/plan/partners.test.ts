import { test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../ingest/starter/open.ts";
import { ensureBaciSchema, refreshBaciView } from "../store/queries/baci-tables.ts";
import { partners } from "./partners.ts";

// Hand-made BACI year: magnets (850511) into Germany from China 80, Japan 10, Russia 5, Viet Nam 5 (kUSD);
// world exports elsewhere: Japan → USA 90, Viet Nam → USA 10, China → USA 200. EU27 = DEU here (others absent).
test("partners: the dependency, then Japan (alliance), trusted, others; sanctioned excluded; shares by hand", async () => {
  const store = await openStore({ db: ":memory:" });
  try {
    await ensureBaciSchema(store);
    // The shipped BACI years are replaced by the hand-made one, so every figure below is known.
    for (const y of [2022, 2024]) for (const t of ["trade", "world"]) await store.run(`DROP TABLE IF EXISTS baci_${t}_${y}`);
    await store.run("DELETE FROM baci_countries");
    const codes: [number, string][] = [[1, "CHN"], [2, "JPN"], [3, "RUS"], [4, "VNM"], [5, "DEU"], [6, "USA"]];
    for (const [c, iso] of codes) await store.run("INSERT INTO baci_countries VALUES ($1, $2, NULL, $2, 'test') ON CONFLICT DO NOTHING", [c, iso]);
    await store.run("CREATE TABLE baci_trade_2024 (year SMALLINT, exporter SMALLINT, importer SMALLINT, hs6 INTEGER, value_kusd DOUBLE, quantity_t DOUBLE)");
    const rows = [[1, 5, 80, 8], [2, 5, 10, 1], [3, 5, 5, 1], [4, 5, 5, 1], [2, 6, 90, 9], [4, 6, 10, 2], [1, 6, 200, 40]];
    for (const [e, i, v, q] of rows) await store.run("INSERT INTO baci_trade_2024 VALUES (2024, $1, $2, 850511, $3, $4)", [e, i, v, q]);
    await refreshBaciView(store);
    const r = await partners(store, { material: "permanent-magnets", bloc: "EU27" });
    const eu = r.blocs[0];
    assert.equal(eu.extraImports.usd, 100_000);
    const d = eu.dependencies[0];
    assert.equal(d.country, "CHN");
    assert.equal(d.share, 0.8);
    assert.deepEqual(d.alternatives.map((a) => `${a.tier}:${a.country}`), ["alliance:JPN", "trusted:VNM"]);
    const jpn = d.alternatives[0];
    assert.equal(jpn.worldExportShare, 0.25); // 100 of 400
    assert.equal(jpn.sellsToBloc.share, 0.1);
    assert.equal(jpn.exportsElsewhere.tonnes, 9);
    assert.equal(jpn.unitValueUsdPerTonne, 10_000); // 100 kUSD / 10 t
    assert.ok(r.policy.excluded.includes("RUS"));
    const allowed = await partners(store, { material: "permanent-magnets", bloc: "EU27", allow: "RUS" });
    assert.ok(allowed.blocs[0].dependencies[0].alternatives.some((a) => a.country === "RUS" && a.tier === "other"));
  } finally {
    await store.close();
  }
});
