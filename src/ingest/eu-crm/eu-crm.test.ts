import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Store } from "../../store/store.ts";
import { createSchema } from "../../store/schema.ts";
import { ingest } from "../ingest.ts";
import { ChokepointError } from "../../domain/error.ts";

const DATA = fileURLToPath(new URL("../../../data/eu-crm-2023/", import.meta.url));
const FILES = ["country_names.csv", "materials.csv", "global_supply_shares_2023_tidy.csv", "eu_sourcing_shares_2023_tidy.csv", "crm_2023_inputs.csv", "material_use_shares_2023.csv", "crm_scores_over_time.csv", "eu_crm_srm_lists_2023.csv", "screened_material_groupings.csv"];

async function fresh(): Promise<Store> {
  const s = await Store.open(":memory:");
  await createSchema(s);
  return s;
}

test("the shipped study tables load completely, names mapped to ISO3", async () => {
  const s = await fresh();
  const res = await ingest(s, "eu-crm", FILES.map((f) => join(DATA, f)));
  // Row counts of the source files (header excluded; the lists table drops its one empty duplicate).
  assert.deepEqual(res.map((r) => r.rows), [169, 90, 2561, 907, 90, 339, 355, 71, 90 * 4]);
  const unmapped = await s.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM eu_supply_shares WHERE iso3 IS NULL");
  assert.equal(unmapped?.n, 0);
  const ga = await s.one<{ share: number; t: number; iso3: string }>(
    "SELECT share, t, iso3 FROM eu_supply_shares WHERE scope = 'global' AND material_name = 'Gallium' AND country_label = 'China'",
  );
  assert.deepEqual(ga, { share: 0.938, t: 1, iso3: "CHN" });
  const br = await s.one<{ iso3: string }>("SELECT iso3 FROM eu_supply_shares WHERE country_label = 'Brasilia' LIMIT 1");
  assert.equal(br?.iso3, "BRA");
  const inp = await s.one<Record<string, unknown>>("SELECT * FROM eu_crm_inputs WHERE material_name = 'Gallium'");
  assert.deepEqual(inp, { material_name: "Gallium", stages_assessed: "P", basis_extraction: null, basis_processing: "GS+EU", ir_extraction: null, ir_processing: 0.98, eol_rir: 0, si_ei: 0.98, si_sr: 0.98 });
  const teak = await s.all("SELECT sr_2023, ei_2023 FROM eu_crm_lists WHERE material_name = 'Natural Teak wood'");
  assert.deepEqual(teak, [{ sr_2023: 1.7, ei_2023: 2.4 }]);
  s.close();
});

test("a share row with an unknown country label names file, line, field and value", async () => {
  const s = await fresh();
  const dir = mkdtempSync(join(tmpdir(), "eucrm-"));
  copyFileSync(join(DATA, "country_names.csv"), join(dir, "country_names.csv"));
  const bad = join(dir, "global_supply_shares_bad.csv");
  writeFileSync(bad, "material,stage,country,share_pct,share_qualifier,share_raw,t_trade_variable\nGallium,P,China,98,,98%,1.0\nGallium,P,Atlantis,2,,2%,1.0\n");
  await ingest(s, "eu-crm", [join(dir, "country_names.csv")]);
  await assert.rejects(ingest(s, "eu-crm", [bad]), (e: unknown) => {
    assert.ok(e instanceof ChokepointError);
    assert.equal(e.code, "validation_failed");
    assert.deepEqual(e.problems.map((p) => [p.line, p.field, p.value]), [[3, "country", "Atlantis"]]);
    assert.match(e.message, /global_supply_shares_bad\.csv:3 field 'country'/);
    return true;
  });
  const n = await s.one<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM eu_supply_shares");
  assert.equal(n?.n, 0, "a failed file leaves the store unchanged");
  s.close();
});

test("an unrelated CSV is refused with the expected table shapes", async () => {
  const s = await fresh();
  const dir = mkdtempSync(join(tmpdir(), "eucrm-"));
  const f = join(dir, "x.csv");
  writeFileSync(f, "a,b\n1,2\n");
  await assert.rejects(ingest(s, "eu-crm", [f]), /not a table of the EU 2023 criticality study/);
  s.close();
});
