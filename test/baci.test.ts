import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store } from "../src/store/store.ts";
import { createSchema } from "../src/store/schema.ts";
import { readManifest } from "../src/store/manifest.ts";
import { ingest } from "../src/ingest/ingest.ts";
import { baciFiles } from "../src/ingest/trade/baci-files.ts";
import { scan } from "../src/analytics/scan.ts";
import { ChokepointError } from "../src/domain/error.ts";

const FIX = new URL("./fixtures/baci/", import.meta.url).pathname;
const EU_FIXTURE = ["DEU", "FRA", "NLD"];
let store: Store;

// Only the reference data the scan needs (countries for blocs, the material catalogue for HS6 →
// material), so these tests do not depend on every other dataset of the starter build.
before(async () => {
  store = await Store.open(":memory:");
  await createSchema(store);
  for (const e of readManifest().filter((d) => ["countries", "materials", "material-codes"].includes(d.id))) {
    // The catalogue only feeds one assertion (HS6 → material); a catalogue being edited elsewhere
    // must not take every BACI test down with it.
    await ingest(store, e.loader, e.files.map((f) => join(e.dir, f)), { dataset: e.id }).catch((err) => {
      if (e.id === "countries") throw err;
    });
  }
});
after(() => store?.close());

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} ≠ ${b}`);

test("a BACI release folder loads code lists first, then trade, with values and codes as BACI has them", async () => {
  const files = baciFiles([FIX]);
  assert.deepEqual(files.map((f) => f.split("/").pop()), [
    "country_codes_V202501.csv",
    "product_codes_HS22_V202501.csv",
    "BACI_HS22_Y2022_V202501.csv",
  ]);
  const res = await ingest(store, "baci", files);
  assert.deepEqual(res.map((r) => r.rows), [10, 5, 17]);
  // BACI's own code 251 is France (not ISO 250), 842 the USA (not 840).
  const fr = await store.one<{ iso3: string }>("SELECT iso3 FROM baci_countries WHERE code = 251");
  assert.equal(fr?.iso3, "FRA");
  // "081110" keeps its leading zero in the product list; NA quantities are NULL, not 0.
  const straw = await store.one<{ v: number; q: number | null; d: string }>(
    `SELECT value_kusd AS v, quantity_t AS q, p.description AS d FROM baci_trade t
     JOIN baci_products p ON p.code = lpad(t.hs6::VARCHAR, 6, '0') WHERE t.hs6 = 81110`,
  );
  assert.equal(straw?.v, 5.5);
  assert.equal(straw?.q, null);
  assert.match(straw!.d, /strawberries/);
  const load = await store.one<{ classification: string; release: string }>("SELECT classification, release FROM baci_loads WHERE year = 2022");
  assert.deepEqual(load, { classification: "HS22", release: "V202501" });
});

test("re-running skips files by content hash", async () => {
  const res = await ingest(store, "baci", baciFiles([FIX]));
  assert.deepEqual(res.map((r) => r.skipped), [true, true, true]);
  const n = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM baci_trade");
  assert.equal(n?.n, 17);
  assert.deepEqual(await stagingTables(), [], "the undone load's staging tables are dropped");
});

test("a copy under another name, hashed while it loads, is rolled back as already loaded", async () => {
  const dir = mkdtempSync(join(tmpdir(), "baci-copy-"));
  const copy = join(dir, "BACI_HS22_Y2022_V202502.csv");
  copyFileSync(join(FIX, "BACI_HS22_Y2022_V202501.csv"), copy);
  // Threshold 0: hashed concurrently (the name was never loaded), so the load runs and must be undone.
  const res = await ingest(store, "baci", [copy], { hashWhileLoadingFrom: 0 });
  assert.deepEqual(res, [{ file: copy, rows: 0, skipped: true }]);
  const load = await store.one<{ release: string; rows: number }>("SELECT release, rows FROM baci_loads WHERE year = 2022");
  assert.deepEqual(load, { release: "V202501", rows: 17 });
  const n = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM baci_trade");
  assert.equal(n?.n, 17);
});

test("scan: hand-computed EU figures for 811292 (values ×1000 to USD)", async () => {
  const r = await scan(store, { year: 2022, bloc: { id: "EUFIX", members: EU_FIXTURE } });
  const ga = r.products.find((p) => p.hs6 === "811292")!;
  // Extra-EU imports: CHN 800+100, USA 60, JPN 40 (thousand USD); NLD→DEU 50 is intra-bloc.
  assert.equal(ga.importValue, 1_000_000);
  assert.equal(ga.suppliers, 3);
  close(ga.hhi, 0.9 ** 2 + 0.06 ** 2 + 0.04 ** 2);
  assert.deepEqual(ga.top, { country: "CHN", share: 0.9, value: 900_000 });
  // China exports 1400 of the 1580 the world exports.
  close(ga.topWorldShare, 1400 / 1580);
  close(ga.worldHhi, (1400 ** 2 + 70 ** 2 + 40 ** 2 + 50 ** 2 + 20 ** 2) / 1580 ** 2);
  close(ga.criteria.importDependence.value!, 1000 / 1050);
  close(ga.criteria.substitutability.value!, 1000 / 70);
  assert.equal(ga.dependent, true);
  assert.equal(ga.rank, 1);
  assert.ok(ga.materials.some((m) => m.material === "gallium" && m.basket));
  assert.deepEqual(r.sources, [{ dataset: "CEPII BACI", edition: "HS22 V202501", year: 2022 }]);
});

test("scan: concentration alone is not dependence (cobalt ores re-exported by the bloc)", async () => {
  const r = await scan(store, { year: 2022, bloc: { id: "EUFIX", members: EU_FIXTURE } });
  const co = r.products.find((p) => p.hs6 === "260500")!;
  assert.equal(co.hhi, 1);
  assert.equal(co.criteria.substitutability.value, 500 / 800);
  assert.equal(co.dependent, false);
  const si = r.products.find((p) => p.hs6 === "280469")!;
  close(si.hhi, 0.3 ** 2 + 0.3 ** 2 + 0.4 ** 2);
  assert.equal(si.top.country, "AUS");
  // Intra-bloc-only trade (FRA→DEU batteries) is not an import dependency at all.
  assert.equal(r.products.find((p) => p.hs6 === "850760"), undefined);
  assert.equal(r.coverage.productsImported, 3);
  assert.equal(r.coverage.dependent, 1);
});

test("scan: --min-top-share filters and ranks; a one-country bloc (JPN)", async () => {
  const eu = await scan(store, { year: 2022, bloc: { id: "EUFIX", members: EU_FIXTURE }, minTopShare: 0.5 });
  assert.deepEqual(eu.products.map((p) => p.hs6), ["811292", "260500"]);
  const jp = await scan(store, { year: 2022, bloc: "JPN" });
  const ga = jp.products.find((p) => p.hs6 === "811292")!;
  assert.equal(ga.importValue, 310_000);
  close(ga.hhi, (300 / 310) ** 2 + (10 / 310) ** 2);
  assert.equal(ga.criteria.importDependence.value, 1);
  assert.equal(jp.products.find((p) => p.hs6 === "081110")?.top.country, "CHL");
});

test("scan: --materials keeps only products that carry a catalogue material (Japan's strawberries go)", async () => {
  const all = await scan(store, { year: 2022, bloc: "JPN" });
  assert.ok(all.products.some((p) => p.hs6 === "081110"), "strawberries are imported");
  const mapped = await scan(store, { year: 2022, bloc: "JPN", materialsOnly: true });
  assert.ok(mapped.products.length > 0 && mapped.products.length < all.products.length);
  assert.ok(mapped.products.every((p) => p.materials.length > 0));
  assert.deepEqual(mapped.products.map((p) => p.rank), mapped.products.map((_, i) => i + 1));
  assert.equal(mapped.coverage.productsImported, all.coverage.productsImported, "coverage still counts every product");
});

test("scan: unknown year and bad share are clear errors", async () => {
  await assert.rejects(scan(store, { year: 1999, bloc: "JPN" }), (e: ChokepointError) => e.code === "no_data" && /2022/.test(e.message));
  await assert.rejects(scan(store, { year: 2022, bloc: "JPN", minTopShare: 50 }), (e: ChokepointError) => e.code === "invalid_input");
});

test("bad rows are reported with line, field and value, and nothing is written", async () => {
  const before = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM baci_trade");
  await assert.rejects(ingest(store, "baci", [join(FIX, "bad/BACI_HS22_Y2022_V202501.csv")]), (e: ChokepointError) => {
    assert.equal(e.code, "validation_failed");
    const at = e.problems.map((p) => `${p.line}:${p.field}`);
    assert.deepEqual(at, ["3:v", "4:k", "5:v", "6:t", "7:i"]);
    assert.match(e.message, /:3 field 'v'/);
    assert.equal(e.problems[0].value, "abc");
    return true;
  });
  const after = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM baci_trade");
  assert.equal(after?.n, before?.n);
  assert.deepEqual(await stagingTables(), [], "a failed load leaves no staging table behind");
});

test("a truncated file is rejected at its last line, before DuckDB reads it", async () => {
  await assert.rejects(ingest(store, "baci", [join(FIX, "truncated/BACI_HS22_Y2022_V202501.csv")]), (e: ChokepointError) => {
    assert.equal(e.code, "validation_failed");
    assert.equal(e.problems[0].line, 4);
    assert.equal(e.problems[0].code, "truncated_file");
    assert.equal(e.problems[0].value, "27");
    return true;
  });
  const n = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM baci_trade WHERE year = 2022");
  assert.equal(n?.n, 17);
});

test("Parquet in: the same year from a Parquet file replaces the CSV load whole", async () => {
  const dir = mkdtempSync(join(tmpdir(), "baci-pq-"));
  const pq = join(dir, "BACI_HS22_Y2022_V202502.parquet");
  await store.run(
    "COPY (SELECT * FROM read_csv($1, header = true, columns = {'t': 'SMALLINT', 'i': 'SMALLINT', 'j': 'SMALLINT', 'k': 'VARCHAR', 'v': 'DOUBLE', 'q': 'VARCHAR'}) WHERE k <> '850760') TO $2 (FORMAT parquet)",
    [join(FIX, "BACI_HS22_Y2022_V202501.csv"), pq],
  );
  const [r] = await ingest(store, "baci", [pq]);
  assert.equal(r.rows, 16);
  const load = await store.one<{ release: string }>("SELECT release FROM baci_loads WHERE year = 2022");
  assert.equal(load?.release, "V202502");
  const s = await scan(store, { year: 2022, bloc: { id: "EUFIX", members: EU_FIXTURE } });
  assert.equal(s.products[0].importValue, 1_000_000);
});

test("Parquet rows breaking the rules are reported by row number", async () => {
  const dir = mkdtempSync(join(tmpdir(), "baci-pqbad-"));
  const csv = join(dir, "x.csv");
  writeFileSync(csv, "t,i,j,k,v,q\n2023,156,276,811292,1.5,NA\n2023,156,276,811292,-2,NA\n");
  const pq = join(dir, "BACI_HS22_Y2023_V202501.parquet");
  await store.run("COPY (SELECT * FROM read_csv($1, header = true)) TO $2 (FORMAT parquet)", [csv, pq]);
  await assert.rejects(ingest(store, "baci", [pq]), (e: ChokepointError) => e.problems[0].line === 2 && /row 2/.test(e.problems[0].message));
  // A quantity stored as text that is not a number is an error, not a missing quantity (NA is).
  const csv2 = join(dir, "y.csv");
  writeFileSync(csv2, "t,i,j,k,v,q\n2023,156,276,811292,1.5,NA\n2023,156,276,811292,2,abc\n");
  const pq2 = join(dir, "BACI_HS22_Y2023_V202502.parquet");
  await store.run("COPY (SELECT * FROM read_csv($1, header = true, all_varchar = true)) TO $2 (FORMAT parquet)", [csv2, pq2]);
  await assert.rejects(ingest(store, "baci", [pq2]), (e: ChokepointError) => {
    assert.deepEqual(e.problems.map((p) => `${p.line}:${p.field}:${p.value}`), ["2:q:abc"]);
    return true;
  });
  assert.deepEqual(await stagingTables(), []);
});

test("a file that is not BACI is refused by name or header", async () => {
  const dir = mkdtempSync(join(tmpdir(), "baci-x-"));
  const f = join(dir, "trade.csv");
  writeFileSync(f, "country_code,country_name,country_iso2,country_iso3\n4,Afghanistan,AF,AFG\n");
  await assert.rejects(ingest(store, "baci", [f]), /header must be t,i,j,k,v,q/);
  assert.throws(() => baciFiles([join(FIX, "x.zip")]), /not a BACI file|cannot read/);
});

test("scan out: CSV and Parquet carry every listed product with source and year", async () => {
  const { scanCsv, scanTable, SCAN_COLUMNS } = await import("../src/analytics/scan-output.ts");
  const { writeParquet } = await import("../src/store/queries/scan.ts");
  const r = await scan(store, { year: 2022, bloc: { id: "EUFIX", members: EU_FIXTURE } });
  const lines = scanCsv(r).trim().split("\n");
  assert.equal(lines.length, 1 + r.products.length);
  assert.match(lines[1], /^1,811292,"Gallium, germanium[^"]*",[a-z;-]*gallium[a-z;-]*,1000000,3,0\.8152,CHN,0\.9,/);
  assert.match(lines[1], /,true,EUFIX,2022,CEPII BACI HS22 V20250[12]$/);
  const pq = join(mkdtempSync(join(tmpdir(), "scan-pq-")), "scan.parquet");
  await writeParquet(store, SCAN_COLUMNS, scanTable(r), pq);
  const back = await store.all<{ hs6: string; rank: number; dependent: boolean; top_share: number }>(
    "SELECT hs6, rank::INTEGER AS rank, dependent, top_share FROM read_parquet($1) ORDER BY rank",
    [pq],
  );
  assert.deepEqual(back.map((b) => [b.hs6, b.rank, b.dependent]), r.products.map((p) => [p.hs6, p.rank, p.dependent]));
  assert.equal(back[0].top_share, 0.9);
});

test("a trade file alone (no code lists) loads, and the scan names what it cannot map", async () => {
  const solo = await Store.open(":memory:");
  try {
    await createSchema(solo);
    const dir = mkdtempSync(join(tmpdir(), "baci-solo-"));
    const f = join(dir, "BACI_HS22_Y2022_V202501.csv");
    writeFileSync(f, "t,i,j,k,v,q\n2022,156,276,811292,800.000,4.000\n2022,999,276,811292,1.000,NA\n");
    const [r] = await ingest(solo, "baci", [f]);
    assert.equal(r.rows, 2);
    const s = await scan(solo, { year: 2022, bloc: { id: "DEU", members: ["DEU"] } });
    assert.deepEqual(s.coverage.missingMembers, ["DEU"]);
    assert.deepEqual(s.coverage.unmappedCountryCodes, [156, 276, 999]);
    assert.equal(s.products.length, 0);
  } finally {
    solo.close();
  }
});

test("a year whose rows do not match its record (torn commit) is refused and cleared; both files load again", async () => {
  const dir = mkdtempSync(join(tmpdir(), "baci-torn-"));
  const f = join(dir, "BACI_HS22_Y2021_V202501.csv");
  writeFileSync(f, "t,i,j,k,v,q\n2021,156,276,811292,800.000,4.000\n2021,842,276,811292,200.000,NA\n");
  await ingest(store, "baci", [f]);
  // What DuckDB's replay of a torn WAL can leave: extra rows of another load without bookkeeping.
  await store.run("INSERT INTO baci_trade_2021 VALUES (2021, 392, 276, 811292, 5, NULL)");
  // …and, as the torn WAL may hold the new file's bookkeeping too, mark a second file as loaded.
  const g = join(dir, "BACI_HS22_Y2021_V202502.csv");
  writeFileSync(g, "t,i,j,k,v,q\n2021,156,276,811292,800.000,4.000\n");
  await store.run("INSERT INTO loaded_files VALUES ('torn-hash', 'baci', 'baci', 'BACI_HS22_Y2021_V202502.csv', 1, now())");
  await assert.rejects(scan(store, { year: 2021, bloc: "EU27" }), /incomplete in the database \(3 rows, 2 recorded.*has been cleared/);
  await assert.rejects(scan(store, { year: 2021, bloc: "EU27" }), /no BACI trade for 2021/);
  const n = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM loaded_files WHERE hash = 'torn-hash' OR path = 'BACI_HS22_Y2021_V202501.csv'");
  assert.equal(n?.n, 0);
  await ingest(store, "baci", [g]);
  const s = await scan(store, { year: 2021, bloc: { id: "EUFIX", members: EU_FIXTURE } });
  assert.equal(s.products[0].importValue, 800_000);
  // The replaced file is forgotten, so it can be loaded again (not skipped as "already loaded").
  const [again] = await ingest(store, "baci", [f]);
  assert.equal(again.skipped, false);
  assert.equal(again.rows, 2);
});

test("scan for people: ranked table with top supplier, world share, flag and source", async () => {
  const { renderScan } = await import("../src/cli/commands/scan.ts");
  const r = await scan(store, { year: 2022, bloc: { id: "EUFIX", members: EU_FIXTURE } });
  const text = renderScan(r, 2);
  const row = text.split("\n").find((l) => l.includes("811292"))!;
  assert.match(row, /^1\s+811292\s+Gallium.*1\.0 M\s+3\s+0\.82\s+CHN 90 %\s+89 %\s+yes$/);
  assert.match(text, /… 1 more \(--limit/);
  assert.match(text, /source: CEPII BACI HS22 V20250[12] \(2022\)/);
});

test("values DuckDB parses but BACI cannot hold (inf, nan, a quantity < 0) are caught after the load", async () => {
  const dir = mkdtempSync(join(tmpdir(), "baci-inf-"));
  const f = join(dir, "BACI_HS22_Y2020_V202501.csv");
  writeFileSync(f, "t,i,j,k,v,q\n2020,156,276,811292,inf,1\n2020,156,276,811292,nan,1\n2020,156,276,811292,1,-2\n2020,156,276,811292,1,2\n");
  await assert.rejects(ingest(store, "baci", [f]), (e: ChokepointError) => {
    assert.deepEqual(e.problems.map((p) => `${p.line}:${p.field}`), ["2:v", "3:v", "4:q"]);
    return true;
  });
  const n = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM baci_trade WHERE year = 2020");
  assert.equal(n?.n, 0);
});

/** Staging tables present (a load's first step; none may survive it). */
async function stagingTables(): Promise<string[]> {
  const rows = await store.all<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'baci_stage%'");
  return rows.map((r) => r.name);
}

test("a year is stored as its own table with its world exports per (product, exporter) beside it", async () => {
  const t = await store.one<{ n: number; v: number }>("SELECT count(*)::DOUBLE AS n, sum(value_kusd) AS v FROM baci_trade_2022");
  const w = await store.one<{ n: number; v: number }>("SELECT count(*)::DOUBLE AS n, sum(value_kusd) AS v FROM baci_world_2022");
  const pairs = await store.one<{ n: number }>("SELECT count(DISTINCT (hs6, exporter))::DOUBLE AS n FROM baci_trade WHERE year = 2022");
  const load = await store.one<{ rows: number }>("SELECT rows FROM baci_loads WHERE year = 2022");
  assert.equal(t?.n, load?.rows);
  assert.equal(w?.n, pairs?.n);
  close(w!.v, t!.v, 1e-6);
  assert.deepEqual(await stagingTables(), []);
});

test("staging tables a killed load left are cleared by the next load", async () => {
  await store.run("CREATE TABLE baci_stage_2019 AS SELECT * FROM baci_trade_2022");
  await store.run("CREATE TABLE baci_stagew_2019 AS SELECT * FROM baci_world_2022");
  const dir = mkdtempSync(join(tmpdir(), "baci-left-"));
  const f = join(dir, "BACI_HS22_Y2019_V202501.csv");
  writeFileSync(f, "t,i,j,k,v,q\n2019,156,276,811292,800.000,4.000\n");
  const [r] = await ingest(store, "baci", [f]);
  assert.equal(r.rows, 1);
  assert.deepEqual(await stagingTables(), []);
  const n = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM baci_trade WHERE year = 2019");
  assert.equal(n?.n, 1);
});

test("a year whose world table is missing (a torn publication) is refused and cleared", async () => {
  const dir = mkdtempSync(join(tmpdir(), "baci-noworld-"));
  const f = join(dir, "BACI_HS22_Y2018_V202501.csv");
  writeFileSync(f, "t,i,j,k,v,q\n2018,156,276,811292,800.000,4.000\n");
  await ingest(store, "baci", [f]);
  await store.run("DROP TABLE baci_world_2018");
  await assert.rejects(scan(store, { year: 2018, bloc: "EU27" }), /incomplete in the database \(0 rows, 1 recorded/);
  const [again] = await ingest(store, "baci", [f]);
  assert.equal(again.skipped, false);
  const s = await scan(store, { year: 2018, bloc: { id: "EUFIX", members: EU_FIXTURE } });
  assert.equal(s.products[0].importValue, 800_000);
});

test("a database with the one-table layout (before per-year tables) is moved over and scans the same", async () => {
  const old = await Store.open(":memory:");
  try {
    await createSchema(old);
    await old.run("DROP VIEW baci_trade");
    await old.run("CREATE TABLE baci_trade AS SELECT * FROM (VALUES (2017::SMALLINT, 156::SMALLINT, 276::SMALLINT, 811292, 800.0::DOUBLE, 4.0::DOUBLE), (2017, 842, 276, 811292, 200.0, NULL)) t(year, exporter, importer, hs6, value_kusd, quantity_t)");
    await old.run("INSERT INTO baci_countries VALUES (156, 'CHN', 'CN', 'China', NULL), (276, 'DEU', 'DE', 'Germany', NULL), (842, 'USA', 'US', 'USA', NULL)");
    await old.run("INSERT INTO baci_loads VALUES (2017, 'HS', NULL, 'baci', 'BACI_HS17_Y2017.csv', 2, [156, 276, 842]::SMALLINT[], now())");
    const s = await scan(old, { year: 2017, bloc: { id: "DEU", members: ["DEU"] } });
    assert.equal(s.products[0].importValue, 1_000_000);
    close(s.products[0].top.share, 0.8);
    const kind = await old.one<{ t: string }>("SELECT table_type AS t FROM information_schema.tables WHERE table_name = 'baci_trade'");
    assert.equal(kind?.t, "VIEW");
  } finally {
    old.close();
  }
});
