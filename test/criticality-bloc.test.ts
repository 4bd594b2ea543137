// The EU method applied to Japan: its sourcing mix from Japan's imports by partner (UN Comtrade HS4,
// data/comtrade-japan), t = 0.8 for Japan's EPA partners, and the EU27 result beside it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Store } from "../src/store/store.ts";
import { buildStarter } from "../src/ingest/starter/build.ts";
import { assess, type Assessment } from "../src/analytics/criticality/assess.ts";
import { round1 } from "../src/analytics/criticality/thresholds.ts";

const DATA = fileURLToPath(new URL("../data/", import.meta.url));
let store: Store;
let jpn: Assessment;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), "crit-jpn-"));
  for (const d of ["countries", "eu-crm-2023", "wgi", "materials", "hs", "comtrade-japan", "fx"]) symlinkSync(join(DATA, d), join(dir, d));
  store = await Store.open(":memory:");
  await buildStarter(store, undefined, dir);
  jpn = await assess(store, { bloc: "JPN" });
});
after(() => store.close());

test("JPN: natural graphite uses Japan's import mix (China first) and IR 1, with the EU27 SR beside it", () => {
  const g = jpn.materials.find((m) => m.material === "natural-graphite")!;
  const e = g.stages.extraction!;
  assert.equal(e.importReliance, 1);
  assert.equal(e.topContributors.find((c) => c.mix === "bloc")?.country, "CHN");
  // GS+EU with IR = 1: SR = (HHI_GS/2 + HHI_JPN/2)·(1 − EoL_RIR)·SI_SR, EoL 3 %, SI 0.98 (study inputs)
  const expected = (e.hhiWgiGlobal! / 2 + e.hhiWgiBloc! / 2) * 0.97 * 0.98;
  assert.ok(Math.abs(e.sr! - expected) < 1e-9, `${e.sr} vs ${expected}`);
  assert.ok(g.vsEu && g.vsEu.sr !== null);
  assert.equal(g.vsEu.srDelta, g.sr! - g.vsEu.sr!);
  assert.equal(g.vsEu.differsFromEu, round1(g.sr!) !== round1(g.vsEu.sr!) || g.critical !== g.vsEu.critical);
});

test("JPN: materials outside the trade catalogue get no SR and say why, per stage", () => {
  const silver = jpn.materials.find((m) => m.material === "silver")!;
  assert.equal(silver.sr, null);
  assert.equal(silver.vsEu?.differsFromEu, null);
  assert.ok(silver.coverage.some((c) => c.startsWith("extraction: JPN sourcing mix unavailable") && c.includes("no trade codes")), silver.coverage.join("\n"));
  assert.deepEqual(silver.stages.extraction?.missing, ["bloc sourcing mix", "import reliance"]);
});

test("JPN: Japan's EPA partners get t = 0.8 in the global mix (Australia for natural graphite's peers)", () => {
  const rows = jpn.materials.flatMap((m) => Object.values(m.stages).flatMap((s) => s?.topContributors ?? []));
  const aus = rows.filter((c) => c.country === "AUS");
  assert.ok(aus.length > 0);
  assert.ok(aus.every((c) => c.t === 0.8), JSON.stringify(aus.slice(0, 3)));
});

test("JPN: a group whose members lack an SR has none either (never the mean of the members that have one)", async () => {
  const lree = jpn.materials.find((m) => m.material === "lree")!;
  const ids = ["cerium", "lanthanum", "neodymium", "praseodymium", "samarium"];
  const members = await Promise.all(ids.map(async (material) => (await assess(store, { bloc: "JPN", material })).materials[0]));
  const missing = members.filter((m) => m.sr === null).map((m) => m.material);
  assert.ok(missing.length > 0 && missing.length < ids.length, "the shipped Japanese trade data gives some light rare earths an SR, not all");
  assert.equal(lree.sr, null);
  assert.equal(lree.critical, null, "an unknown SR is not \"not critical\"");
  assert.equal(lree.status, "unassessed");
  assert.ok(lree.coverage.some((c) => c.startsWith("group SR") && missing.every((id) => c.includes(id))), lree.coverage.join("; "));
});

test("assess ALLIANCE: no material is 'not critical' while its SR or EI is unknown (issue #13)", async () => {
  const a = await assess(store, { bloc: "ALLIANCE" });
  for (const m of a.materials) {
    assert.ok(["critical", "not-critical", "undecided", "unassessed"].includes(m.status), m.material);
    if (m.sr === null && !m.srRange) {
      assert.equal(m.critical, null, `${m.material}: SR unknown → critical null`);
      if (m.status === "unassessed") assert.match(m.statusReason ?? "", /cannot be computed/);
    }
    if (m.critical === false) assert.ok(m.sr !== null || m.srRange, `${m.material}: not-critical needs an SR`);
  }
  assert.ok(a.materials.some((m) => m.status === "unassessed"));
});
