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
