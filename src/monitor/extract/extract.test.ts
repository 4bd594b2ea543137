import { test } from "node:test";
import assert from "node:assert/strict";
import { testGazetteer } from "../../../test/fixtures/monitor/gazetteer.ts";
import { createExtractor } from "./extract.ts";

const extract = createExtractor(testGazetteer());

test("a MOFCOM notice with a list of customs codes is one licensing measure", () => {
  const [e, ...rest] = extract(
    "Announcement No. 23 of 2023 of the Ministry of Commerce and the General Administration of Customs\n" +
      "Beijing, 3 July 2023\n" +
      "It is decided to implement export controls on gallium and germanium related items. " +
      "From 1 August 2023, the following items shall not be exported without permission:\n" +
      "(1) Gallium metal (customs commodity code 8112921010);\n(2) Germanium dioxide (2825600001).",
  );
  assert.equal(rest.length, 0);
  assert.equal(e.type, "export_restriction");
  assert.equal(e.actor, "CHN");
  assert.deepEqual(e.targets, ["ALL"]);
  assert.deepEqual(e.products, ["gallium", "germanium"]);
  assert.deepEqual(e.hsCodes, ["811292", "282560"]);
  assert.equal(e.measureDate, "2023-08-01");
  assert.equal(e.status, "announced");
});

test("a tariff in news: actor from a leader's name, target from a demonym, rate as a fraction", () => {
  const [e] = extract("President Biden raised tariffs on Chinese natural graphite to 25 percent.");
  assert.equal(e.type, "import_tariff");
  assert.equal(e.actor, "USA");
  assert.deepEqual(e.targets, ["CHN"]);
  assert.deepEqual(e.products, ["natural-graphite"]);
  assert.equal(e.rate, 0.25);
});

test("hard negatives yield no events", () => {
  assert.deepEqual(extract("China restricted rare earth exports to Japan back in 2010."), []);
  assert.deepEqual(extract("Analysts said Beijing could restrict exports of lithium."), []);
  assert.deepEqual(extract("The US-Japan security alliance is the cornerstone of regional defence."), []);
  assert.deepEqual(extract("Lynas reported quarterly revenue of A$120 million and will invest in a new plant."), []);
});

test("an economic alliance names both parties", () => {
  const [e] = extract("Japan and the European Union launched a Competitiveness Alliance on critical raw materials supply chains.");
  assert.equal(e.type, "alliance");
  assert.deepEqual([e.actor, ...e.targets].sort(), ["EU", "JPN"]);
});

test("a notice dated under its signature, with a title and numbered items, is one measure with the body's codes and date", () => {
  const events = extract(
    "Ministry of Commerce Announcement No. 33 of 2024 on the Implementation of Export Control on Antimony and Other Items\n" +
      "It is decided to implement export control on the following items:\n" +
      "(1) Antimony ores (reference customs commodity numbers: 2617.1010, 2617.1090);\n" +
      "(2) Antimony oxides (reference customs commodity number: 2825.8000).\n" +
      "Without a licence, export is prohibited.\n" +
      "This announcement shall be implemented as of September 15, 2024.\n" +
      "August 15, 2024",
  );
  assert.equal(events.length, 1);
  const [e] = events;
  assert.equal(e.type, "export_restriction");
  assert.deepEqual(e.products, ["antimony"]);
  assert.deepEqual(e.hsCodes, ["261710", "282580"]);
  assert.equal(e.measureDate, "2024-09-15");
  assert.equal(e.status, "announced");
});

test("a proclamation's recital of an old tariff is background; the new rate and effective time are the measure", () => {
  const events = extract(
    "Adjusting Imports of Aluminum into The United States\nBy the President of the United States of America\nA Proclamation\nFebruary 10, 2025\n" +
      "In Proclamation 9704 of March 8, 2018, I imposed a 10 percent ad valorem tariff on aluminum articles.\n" +
      "(1) The ad valorem tariff on aluminum articles shall be increased from 10 percent to 25 percent.\n" +
      "(2) The modifications shall be effective with respect to goods entered on or after 12:01 a.m. eastern standard time on March 12, 2025.",
  );
  assert.equal(events.length, 1);
  assert.equal(events[0].rate, 0.25);
  assert.equal(events[0].measureDate, "2025-03-12");
  assert.equal(events[0].status, "announced");
});

test("quotes and trade statistics recall measures without reporting new ones", () => {
  assert.deepEqual(extract("China did not export any gallium in August, customs data showed, the first full month after export controls took effect."), []);
  assert.deepEqual(extract('"We will impose tariffs on anyone who restricts exports," he said.'), []);
});

test("'removed from comprehensive licences' tightens a regime, it does not lift it", () => {
  const [e] = extract("Japan will remove exports of hydrogen fluoride to the Republic of Korea from the scope of comprehensive licences; exports will require individual export licences from July 4, 2019.");
  assert.equal(e.type, "export_restriction");
  assert.notEqual(e.status, "lifted");
});

test("a fact sheet's 'The tariffs will take effect on …' dates every tariff it announced", () => {
  const events = extract(
    "Fact Sheet: President Imposes Tariffs\nFebruary 1, 2025\nToday, the President is implementing a 25% additional tariff on imports from Canada and a 10% additional tariff on imports from China. The tariffs will take effect on February 4, 2025.",
  );
  assert.equal(events.length, 2);
  for (const e of events) assert.equal(e.measureDate, "2025-02-04");
  assert.deepEqual(events.map((e) => e.rate).sort(), [0.1, 0.25]);
});

test("a news dateline dates the report; the body's 'took effect on' dates the measure", () => {
  const [e] = extract("KINSHASA, Feb 24, 2025 - Congo has suspended cobalt exports for four months. The suspension took effect on Feb. 22.");
  assert.equal(e.type, "export_ban");
  assert.equal(e.measureDate, "2025-02-22");
  assert.equal(e.status, "in_force");
});

test("the subject of a title ('the situation surrounding Ukraine') is not the actor", () => {
  const [e] = extract("In light of the situation surrounding Ukraine, the Government of Japan has decided to impose additional sanctions on Russia.");
  assert.equal(e.type, "sanction");
  assert.equal(e.actor, "JPN");
  assert.deepEqual(e.targets, ["RUS"]);
});
