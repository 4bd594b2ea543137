import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store } from "../src/store/store.ts";
import { createSchema } from "../src/store/schema.ts";
import { ingest } from "../src/ingest/ingest.ts";
import { baciFiles } from "../src/ingest/trade/baci-files.ts";
import { datasetStatus } from "../src/store/queries/status.ts";
import { ChokepointError } from "../src/domain/error.ts";
import { dbFingerprint } from "./fixtures/db/fingerprint.ts";

// Issue #18, items 4 and 5: a file cut inside its last record, and a BACI folder that fails part-way.
const dir = mkdtempSync(join(tmpdir(), "bad-data-"));
let store: Store;

before(async () => {
  store = await Store.open(":memory:");
  await createSchema(store);
  await ingest(store, "countries", ["data/countries/countries.csv"]);
  await ingest(store, "country-aliases", ["data/countries/aliases.csv"]);
  await ingest(store, "materials", ["data/materials/materials.csv"]);
  await ingest(store, "usgs-series", ["data/materials/usgs_series.csv"]);
});
after(() => store?.close());

/** The first `n` lines of a file, each with its newline. */
const head = (file: string, n: number): string => readFileSync(file, "utf8").split("\n").slice(0, n).join("\n") + "\n";

async function refused(loader: string, file: string): Promise<ChokepointError> {
  const before = await dbFingerprint(store);
  const err = await ingest(store, loader, [file]).then(() => assert.fail(`${loader}: ${file} loaded`), (e: unknown) => e as ChokepointError);
  assert.ok(err instanceof ChokepointError, String(err));
  assert.equal(err.code, "validation_failed");
  assert.equal(await dbFingerprint(store), before, "a refused load leaves the database unchanged");
  return err;
}

test("item 4: Comext cut inside the last value (88695 → 88) is refused with file:line field value", async () => {
  // Line 100 of the shipped Comext file is AT,DE,81124190,1,2022,88695.
  const whole = head("data/comext/eu27_imports_crm_cn8_2022_2024.csv", 100);
  assert.ok(whole.endsWith(",88695\r\n")); // Eurostat's CRLF
  const file = join(dir, "comext-cut.csv");
  writeFileSync(file, whole.slice(0, -5)); // "…,88" and no newline: a download stopped there
  const err = await refused("comext", file);
  assert.deepEqual({ ...err.problems[0], message: undefined, path: undefined }, {
    code: "truncated_file", file, line: 100, field: "VALUE_IN_EUROS", value: "88", message: undefined, path: undefined,
  });
  assert.match(err.message, /comext-cut\.csv:100 field 'VALUE_IN_EUROS': the file ends inside this record.*value: "88"/);
  // The same 99 rows ending with their newline are a complete file and load.
  const ok = join(dir, "comext-whole.csv");
  writeFileSync(ok, whole);
  const [r] = await ingest(store, "comext", [ok], { dataset: "comext-whole" });
  assert.equal(r.rows, 99);
});

test("item 4: BACI cut inside the last quantity (9.771 → 9) is refused before DuckDB reads it as 9", async () => {
  // Line 65 of the shipped BACI 2024 file is 2024,276,76,250490,19.430,9.771.
  const whole = head("data/baci/BACI_HS17_Y2024_V202601.csv", 65);
  assert.ok(whole.endsWith(",9.771\n"));
  const file = join(dir, "BACI_HS17_Y2024_V209901.csv");
  writeFileSync(file, whole.slice(0, -5));
  const err = await refused("baci", file);
  assert.equal(err.problems[0].code, "truncated_file");
  assert.equal(err.problems[0].line, 65);
  assert.equal(err.problems[0].field, "q");
  assert.equal(err.problems[0].value, "9");
});

test("item 4: every CSV loader refuses a last record with no newline after it (short field or short row)", async () => {
  const cases: [string, string, number][] = [
    ["comtrade", "test/fixtures/trade/comtrade-minimal.csv", 0],
    ["usgs-mcs", "test/fixtures/h1a/mcs2024-galli_world.csv", 0],
    ["wgi", "test/fixtures/h1a/WGIData.csv", 0],
    ["monthly-trade", "test/fixtures/monthly/cod_cobalt_exports.csv", 0],
    ["comext", "test/fixtures/trade/comext-small.csv", 0],
  ];
  for (const [loader, fixture] of cases) {
    const text = readFileSync(fixture, "utf8").replace(/\s+$/, "");
    const lines = text.split("\n").length;
    const last = text.split("\n").pop()!.length;
    for (const cut of [1, Math.floor(last / 2)]) {
      mkdirSync(join(dir, `cut${cut}`), { recursive: true });
      const file = join(dir, `cut${cut}`, fixture.split("/").pop()!);
      writeFileSync(file, text.slice(0, -cut));
      const err = await refused(loader, file);
      const p = err.problems[0];
      assert.ok(["truncated_file", "truncated_row", "malformed_csv"].includes(p.code), `${loader} cut ${cut}: ${p.code} ${p.message}`);
      assert.equal(p.line, lines, `${loader} cut ${cut}: line`);
      assert.equal(p.file, file);
    }
  }
});

/** A BACI release folder from the test fixtures under another release name, with one bad year added. */
function release(version: string, badYear: boolean): string {
  const d = join(dir, `BACI_HS22_${version}`);
  mkdirSync(d, { recursive: true });
  const fix = "test/fixtures/baci/";
  copyFileSync(`${fix}country_codes_V202501.csv`, join(d, `country_codes_${version}.csv`));
  copyFileSync(`${fix}product_codes_HS22_V202501.csv`, join(d, `product_codes_HS22_${version}.csv`));
  copyFileSync(`${fix}BACI_HS22_Y2022_V202501.csv`, join(d, `BACI_HS22_Y2022_${version}.csv`));
  // A 2023 file whose second row has a negative value.
  if (badYear) writeFileSync(join(d, `BACI_HS22_Y2023_${version}.csv`), "t,i,j,k,v,q\n2023,156,276,811292,800.000,4.000\n2023,156,276,811299,-1.000,NA\n");
  return d;
}

test("item 5: a BACI folder with a bad year commits nothing, code lists included; data status shows only what is loaded", async () => {
  const before = await dbFingerprint(store);
  await assert.rejects(ingest(store, "baci", baciFiles([release("V209001", true)])), (e: ChokepointError) => e.code === "validation_failed" && e.problems[0].line === 3);
  assert.equal(await dbFingerprint(store), before);
  const codes = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM baci_countries");
  assert.equal(codes?.n, 0, "no code list committed");
  assert.equal((await datasetStatus(store)).find((d) => d.id === "baci"), undefined, "no baci dataset listed");
  const left = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM duckdb_tables() WHERE table_name LIKE 'baci_stage%'");
  assert.equal(left?.n, 0, "no staging table left");
});

test("item 5: after a failed replacement data status still shows the old edition and its years", async () => {
  await ingest(store, "baci", baciFiles([release("V209101", false)]));
  let baci = (await datasetStatus(store)).find((d) => d.id === "baci");
  assert.equal(baci?.edition, "V209101");
  assert.equal(baci?.years, "2022–2022");
  const before = await dbFingerprint(store);
  await assert.rejects(ingest(store, "baci", baciFiles([release("V209102", true)])));
  assert.equal(await dbFingerprint(store), before);
  baci = (await datasetStatus(store)).find((d) => d.id === "baci");
  assert.equal(baci?.edition, "V209101");
  assert.equal(baci?.years, "2022–2022");
});

// Issue #18, item 9: the loaders' remaining domain checks.
function write(name: string, content: string | Buffer): string {
  const d = join(dir, `case-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(d);
  const file = join(d, name);
  writeFileSync(file, content);
  return file;
}

test("item 9: duplicate keys are refused — USGS (counted twice), WGI (last would win), Comext (would be summed)", async () => {
  const mcs = readFileSync("test/fixtures/h1a/mcs2024-galli_world.csv", "utf8").split("\n");
  let err = await refused("usgs-mcs", write("mcs2024-galli_world.csv", [...mcs.slice(0, 3), mcs[2], ...mcs.slice(3)].join("\n")));
  assert.deepEqual([err.problems[0].code, err.problems[0].line, err.problems[0].field, err.problems[0].value], ["duplicate_key", 4, "Country", "China"]);
  assert.match(err.problems[0].message, /line 3/);
  const wgi = readFileSync("test/fixtures/h1a/WGIData.csv", "utf8").replace(/\s+$/, "").split("\n");
  err = await refused("wgi", write("WGIData.csv", [...wgi, wgi[1]].join("\n") + "\n"));
  assert.deepEqual([err.problems[0].code, err.problems[0].line, err.problems[0].field], ["duplicate_key", wgi.length + 1, "Indicator Code"]);
  err = await refused("comext", write("c.csv", "DECLARANT_ISO,PARTNER_ISO,PRODUCT_NC,FLOW,PERIOD,VALUE_IN_EUROS\nAT,DE,81124190,1,2022,88695\nAT,DE,81124190,1,2022,88695\n"));
  assert.deepEqual([err.problems[0].code, err.problems[0].line], ["duplicate_key", 3]);
  // Rows that differ by statistical procedure are parts of one flow, as Eurostat defines them: they load.
  const [r] = await ingest(store, "comext", [write("c.csv", "DECLARANT_ISO,PARTNER_ISO,PRODUCT_NC,FLOW,STAT_REGIME,PERIOD,VALUE_IN_EUROS\nAT,DE,81124190,1,1,2022,100\nAT,DE,81124190,1,2,2022,50\n")], { dataset: "regimes" });
  assert.equal(r.rows, 2);
});

test("item 9: an unknown WGI code (ATL), a Comtrade period 1899, a 20 MB field and extra fields are refused", async () => {
  const wgi = readFileSync("test/fixtures/h1a/WGIData.csv", "utf8").replace(/\s+$/, "").split("\n");
  let err = await refused("wgi", write("WGIData.csv", [wgi[0], wgi[1].replace('"CHN"', '"ATL"')].join("\n") + "\n"));
  assert.deepEqual([err.problems[0].code, err.problems[0].line, err.problems[0].field, err.problems[0].value], ["unknown_country", 2, "Country Code", "ATL"]);
  err = await refused("comtrade", write("ct.csv", "period,reporterCode,flowCode,partnerCode,cmdCode,fobvalue,qtyUnitAbbr,qty\n1899,156,X,392,811292,178114,kg,2500\n"));
  assert.deepEqual([err.problems[0].code, err.problems[0].line], ["invalid_period", 2]);
  err = await refused("comext", write("big.csv", `DECLARANT_ISO,PARTNER_ISO,PRODUCT_NC,FLOW,PERIOD,VALUE_IN_EUROS\nAT,DE,81124190,1,2022,"${"9".repeat(20_000_000)}"\n`));
  assert.deepEqual([err.problems[0].code, err.problems[0].line], ["field_too_long", 2]);
  err = await refused("comext", write("extra.csv", "DECLARANT_ISO,PARTNER_ISO,PRODUCT_NC,FLOW,PERIOD,VALUE_IN_EUROS\nAT,DE,81124190,1,2022,88,695\n"));
  assert.deepEqual([err.problems[0].code, err.problems[0].line, err.problems[0].value], ["extra_fields", 2, "695"]);
});

test("item 9: /dev/zero is refused at once, an empty folder or file list is an error, UTF-16 is named", async () => {
  const t0 = Date.now();
  await assert.rejects(ingest(store, "comext", ["/dev/zero"]), (e: ChokepointError) => e.code === "io_error" && /a device, not a regular file/.test(e.message));
  assert.ok(Date.now() - t0 < 60_000); // a hang would be stopped by the test timeout; this says why
  await assert.rejects(ingest(store, "wgi", []), (e: ChokepointError) => e.code === "invalid_input" && /nothing to load/.test(e.message));
  const empty = join(dir, "empty-folder");
  mkdirSync(empty);
  await assert.rejects(ingest(store, "baci", baciFiles([empty])), (e: ChokepointError) => e.code === "invalid_input");
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Source,Country,Type,Prod_kg_2022\nMCS2024,China,Primary production,600000\n", "utf16le")]);
  for (const loader of ["usgs-mcs", "comext", "wgi", "monthly-trade"]) {
    const err = await refused(loader, write("mcs2024-galli_world.csv", utf16));
    assert.match(err.message, /file is UTF-16LE; save as UTF-8/, loader);
  }
  const baci = await refused("baci", write("BACI_HS22_Y2022_V202501.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("t,i,j,k,v,q\n", "utf16le")])));
  assert.match(baci.message, /file is UTF-16LE; save as UTF-8/);
});
