import { test } from "node:test";
import assert from "node:assert/strict";
import { importReliance } from "./import-reliance.ts";

// Hand oracle: EU27 silicon metal. USGS MCS 2024, 2023 plant production FRA 90,000 + DEU 60,000 + ESP 6,000
// = 156,000 t ("Other countries" 80,000 t); BACI HS17 V202601 2024, HS 280469 summed by hand from the CSV:
// extra-EU imports 337,999.731 t, exports 46,648.760 t. IR = 291,350.971 / 447,350.971 = 0.65128.
test("importReliance: EU27 silicon metal 2024 from BACI and USGS rows", () => {
  const r = importReliance({ production: 156000, productionOther: 80000, imports: 337999.731, exports: 46648.76 });
  assert.ok(Math.abs(r.value! - 0.651281) < 1e-5, String(r.value));
  assert.ok(Math.abs(r.range![0] - 291350.971 / 527350.971) < 1e-9); // all of "Other countries" in the EU: 0.55248
  assert.equal(r.range![1], r.value);
});

// Japan titanium: USGS 2023 sponge 60,000 t; BACI 2024 HS 810820 imports 6,337.443 t, exports 38,885.504 t → net exporter, IR 0.
test("importReliance: a net exporter (Japan, unwrought titanium) has IR 0; no consumption is unknown", () => {
  assert.equal(importReliance({ production: 60000, productionOther: null, imports: 6337.443, exports: 38885.504 }).value, 0);
  assert.equal(importReliance({ production: 0, productionOther: null, imports: 5, exports: 9 }).value, null);
  assert.equal(importReliance({ production: 0, productionOther: null, imports: 20317.742, exports: 185.395 }).value, 1);
});
