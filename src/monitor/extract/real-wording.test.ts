// Rules learnt from real published texts (test/fixtures/monitor/real.jsonl): each test states the
// wording family, with a sentence of that kind that is not copied from the evaluation set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { testGazetteer } from "../../../test/fixtures/monitor/gazetteer.ts";
import { isBackground, isSpeculative, statusOf } from "./cues.ts";
import { createExtractor } from "./extract.ts";
import { buildGazetteer } from "./gazetteer.ts";
import { findTriggers } from "./triggers.ts";

const extract = createExtractor(testGazetteer(), { now: new Date("2026-01-01") });

test("passive and permission wordings are measures", () => {
  assert.equal(findTriggers("Effective 1 March 2026 export of raw bauxite is forbidden.")[0]?.type, "export_ban");
  assert.equal(findTriggers("All exports of lithium ore from the country are suspended for six months.")[0]?.type, "export_ban");
  assert.equal(findTriggers("The export of tungsten items to the United States is not permitted.")[0]?.type, "export_ban");
  assert.equal(findTriggers("The ministry imposed export regulations on 10 types of etching tools.")[0]?.type, "export_restriction");
  assert.equal(findTriggers("Exporters must obtain a licence from the ministry before exporting the listed tools.")[0]?.type, "export_restriction");
  assert.equal(findTriggers("additional increases are coming to the Section 301 duties, as follows:")[0]?.type, "import_tariff");
});

test("suspended exports are a ban in force, a suspended clause is lifted", () => {
  assert.equal(statusOf("All exports of cobalt from the country are suspended for a period of four months."), "in_force");
  assert.equal(statusOf("The ministry will suspend the second clause of Announcement No. 46, which placed export controls."), "lifted");
});

test("legal 'shall' is normative; 'threaten to impair' is a finding, not a threat", () => {
  assert.equal(statusOf("Items meeting the following characteristics shall not be exported without permission:", "2024-01-02", "2024-01-02"), "in_force");
  assert.equal(statusOf("This announcement shall come into effect on 1 March 2024.", "2024-03-01", "2024-01-02"), "announced");
  assert.notEqual(statusOf("I have determined to increase the tariffs on imports that threaten to impair the national security."), "threatened");
});

test("recitals and enumerations are not background or speculation", () => {
  assert.ok(isBackground("2. In Proclamation 9704 of March 8, 2018, I decided to impose a 10 percent tariff."));
  assert.ok(isBackground("Considering Decision n° 001/2025 regarding the suspension of cobalt exports, operators are informed."));
  assert.ok(!isBackground("I have determined that it is necessary to increase the previously imposed tariffs."));
  assert.ok(!isSpeculative("All exports of cobalt, whether industrial, semi-industrial or artisanal, are suspended."));
  assert.ok(isSpeculative("Traders asked whether exports would resume."));
});

test("a labelled header date dates a notice without an effective date: in force", () => {
  const [e] = extract(
    "Announcement of the Ministry of Commerce on Export Controls on Bismuth Items\n[Date of Issue] March 3, 2025\n" +
      "It is decided to implement export controls on bismuth items:\n1. Items that meet the following characteristics shall not be exported without permission:\n(1) Bismuth metal (customs commodity number: 8106101000).",
  );
  assert.equal(e.measureDate, "2025-03-03");
  assert.equal(e.status, "in_force");
  assert.deepEqual(e.hsCodes, ["810610"]);
});

test("alloy and compound partners in a list item are not more materials", () => {
  const [e] = extract(
    "Announcement of the Ministry of Commerce on Export Controls on Indium Items\n[Issuing Date] May 5, 2025\nExport controls are implemented on the following items:\n" +
      "1. Indium metal (reference customs commodity number: 8112921000);\n2. Indium-gallium-tellurium targets (reference customs commodity number: 3824999999).",
  );
  assert.deepEqual(e.products, ["indium"]);
});

test("rows of a tariff schedule are measures with their own rate and year", () => {
  const es = extract(
    "The USTR announced that the Section 301 duties on goods from China will rise as follows:\n" +
      "Natural graphite | Increase rate to 25% in 2026 |\nTungsten | Increase rate to 25% in 2024 |",
  );
  assert.deepEqual(es.map((e) => [e.products.join(), e.rate, e.measureDate, e.targets.join()]), [["natural-graphite", 0.25, "2026", "CHN"], ["tungsten", 0.25, "2024", "CHN"]]);
});

test("a group gives way to a list of three or more of its members", () => {
  const g = buildGazetteer({
    countries: [{ iso3: "CHN", name: "China" }],
    materials: [
      { id: "rare-earths", name: "Rare earth elements" },
      { id: "hree", name: "Heavy rare earth elements", parent: "rare-earths" },
      { id: "terbium", name: "Terbium", parent: "hree" },
      { id: "dysprosium", name: "Dysprosium", parent: "hree" },
      { id: "yttrium", name: "Yttrium", parent: "hree" },
    ],
  });
  const ex = createExtractor(g, { now: new Date("2026-01-01") });
  assert.deepEqual(ex("China imposed export controls on heavy rare earths including terbium, dysprosium and yttrium.")[0].products, ["terbium", "dysprosium", "yttrium"]);
  assert.deepEqual(ex("China imposed export controls on rare earths, notably dysprosium.")[0].products.sort(), ["dysprosium", "rare-earths"]);
});

test("a dated decision that introduces a list dates the measures in it", () => {
  const [e] = extract(
    "KINSHASA, March 3, 2025 - Operators are informed that, on February 27th 2025, the Board of the regulator of the Democratic Republic of the Congo took the following measures:\n" +
      "1. All exports of cobalt from the Democratic Republic of the Congo are suspended for a period of four months.",
  );
  assert.equal(e.type, "export_ban");
  assert.equal(e.measureDate, "2025-02-27");
  assert.equal(e.status, "in_force");
});

test("a notice's number gives the year of its yearless dates; purposes are not products", () => {
  const [e] = extract("On April 9, the Ministry of Commerce announced export controls on bismuth items under Announcement No. 12 of 2025. The announcement took effect upon its release.");
  assert.equal(e.measureDate, "2025-04-09");
  assert.equal(e.status, "in_force");
  const [k] = extract("Japan on Thursday tightened export controls on gallium needed to produce permanent magnets.");
  assert.deepEqual(k.products, ["gallium"]);
});

test("a control framing a ban is one measure; a semicolon ends a clause's products; stricter review is a control", () => {
  const es = extract(
    "The Ministry of Commerce decided to strengthen the export control of relevant dual-use items to the United States. The relevant matters are announced as follows:\n" +
      "1. The export of gallium and antimony items to the United States is not permitted; the export of graphite items to the United States is subject to stricter end-user and end-use reviews.",
  );
  assert.deepEqual(es.map((e) => [e.type, e.targets.join(), e.products.join()]), [["export_ban", "USA", "gallium,antimony"]]);
  assert.equal(findTriggers("Stricter end-user and end-use review shall be implemented for graphite items.")[0]?.type, "export_restriction");
});

test("lifting a de facto ban is a lifted ban on the parties named before", () => {
  const es = extract(
    "The Ministry of Commerce said it will suspend the clause which placed export controls on dual-use items destined for the United States. The suspension lifts a de facto ban on gallium and antimony.",
  );
  assert.deepEqual(es.map((e) => [e.type, e.targets.join(), e.status]), [["export_ban", "USA", "lifted"]]);
});

test("an imperative item applies as issued; a generic head noun leaves no plain product", () => {
  assert.equal(statusOf("1. Prohibit the export of dual-use items to military users."), "in_force");
  const [e] = extract("China restricted exports of industrial products and materials containing gallium.");
  assert.deepEqual(e.products, ["gallium"]);
});
