import { test, before } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { Store } from "../../store/store.ts";
import { createSchema } from "../../store/schema.ts";
import { readManifest } from "../../store/manifest.ts";
import { ingest } from "../ingest.ts";

// Consistency of the shipped reference data (data/countries, materials, usgs-mcs) with itself.
let store: Store;
before(async () => {
  store = await Store.open(":memory:");
  await createSchema(store);
  const mine = new Set(["countries", "country-aliases", "materials", "usgs-series", "material-codes", "usgs-mcs"]);
  for (const e of readManifest().filter((x) => mine.has(x.loader))) {
    await ingest(store, e.loader, e.files.map((f) => join(e.dir, f)), { dataset: e.id });
  }
});

test("catalogue: the 34 EU critical raw materials 2023 and the 17 strategic ones of Regulation 2024/1252", async () => {
  const own = await store.all<{ id: string; crm: boolean; srm: boolean }>(
    "SELECT id, eu_crm_2023 AS crm, eu_srm_2024 AS srm FROM materials WHERE eu_study_name IS NOT NULL AND (parent IS NULL OR parent = 'rare-earths') ORDER BY id",
  );
  // Annex II of Regulation (EU) 2024/1252 (critical) — aluminium/bauxite as one entry, LREE and HREE separately.
  const CRM = ["aluminium", "antimony", "arsenic", "baryte", "beryllium", "bismuth", "boron", "cobalt", "coking-coal", "copper",
    "feldspar", "fluorspar", "gallium", "germanium", "hafnium", "helium", "hree", "lithium", "lree", "magnesium", "manganese",
    "natural-graphite", "nickel", "niobium", "pgm", "phosphate-rock", "phosphorus", "scandium", "silicon-metal", "strontium",
    "tantalum", "titanium-metal", "tungsten", "vanadium"];
  assert.deepEqual(own.filter((m) => m.crm).map((m) => m.id), CRM);
  // Annex I (strategic); "rare earth elements for magnets" is flagged on both LREE and HREE.
  const SRM = ["aluminium", "bismuth", "boron", "cobalt", "copper", "gallium", "germanium", "hree", "lithium", "lree", "magnesium",
    "manganese", "natural-graphite", "nickel", "pgm", "silicon-metal", "titanium-metal", "tungsten"];
  assert.deepEqual(own.filter((m) => m.srm).map((m) => m.id), SRM);
  const magnets = await store.all<{ id: string }>("SELECT id FROM materials WHERE parent IN ('lree', 'hree') AND eu_srm_2024 ORDER BY id");
  assert.deepEqual(magnets.map((r) => r.id), ["cerium", "dysprosium", "gadolinium", "neodymium", "praseodymium", "samarium", "terbium"]);
});

test("catalogue: members point to their groups; trade-code columns agree with material_codes", async () => {
  const orphans = await store.all("SELECT id FROM materials m WHERE parent IS NOT NULL AND parent NOT IN (SELECT id FROM materials)");
  assert.deepEqual(orphans, []);
  const pgm = await store.all<{ id: string }>("SELECT id FROM materials WHERE parent = 'pgm' ORDER BY id");
  assert.deepEqual(pgm.map((r) => r.id), ["iridium", "palladium", "platinum", "rhodium", "ruthenium"]);
  const mismatch = await store.all(
    `SELECT m.id FROM materials m LEFT JOIN (
       SELECT material, list_sort(list_distinct(list(code) FILTER (WHERE classification = 'CN8'))) AS cn FROM material_codes GROUP BY material) c
     ON c.material = m.id
     WHERE list_sort(m.cn_codes) IS DISTINCT FROM coalesce(c.cn, []) AND len(m.cn_codes) > 0`,
  );
  assert.deepEqual(mismatch, []);
  const basket = await store.one<{ basket: boolean }>("SELECT basket FROM material_codes WHERE material = 'gallium' AND code = '811292'");
  assert.equal(basket?.basket, true);
});

test("usgs_series: every pattern matches shipped rows, and no row is matched twice for one material and stage", async () => {
  const unmatched = await store.all(
    `SELECT s.material, s.stage, s.usgs_code, s.type_pattern FROM usgs_series s
     WHERE NOT EXISTS (SELECT 1 FROM usgs_production p WHERE p.usgs_code = s.usgs_code AND p.type LIKE s.type_pattern AND p.measure = 'production')`,
  );
  assert.deepEqual(unmatched, []);
  const twice = await store.all(
    `SELECT s.material, s.stage, p.source_file, p.line, p.measure, p.subtype, p.year FROM usgs_production p
     JOIN usgs_series s ON s.usgs_code = p.usgs_code AND p.type LIKE s.type_pattern
     GROUP BY ALL HAVING count(*) > 1 LIMIT 5`,
  );
  assert.deepEqual(twice, []);
});

test("usgs_production: every country row of the 2022–2024 world files maps to ISO3", async () => {
  const unmapped = await store.all<{ country_label: string }>(
    "SELECT DISTINCT country_label FROM usgs_production WHERE NOT is_aggregate AND iso3 IS NULL ORDER BY 1",
  );
  assert.deepEqual(unmapped.map((r) => r.country_label), ["United States and Canada"]);
  const n = await store.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM usgs_production");
  assert.equal(n?.n, 7369); // as many cells as the research helper's independent long file (usgs_mcs_world_long.csv)
});
