import { test } from "node:test";
import assert from "node:assert/strict";
import { isBackground, isSpeculative, statusOf } from "./cues.ts";
import { findTriggers } from "./triggers.ts";

test("recalled measures are background", () => {
  assert.ok(isBackground("China halted rare earth shipments to Japan back in 2010."));
  assert.ok(isBackground("Following Beijing's gallium controls, prices rose."));
  assert.ok(!isBackground("China will restrict exports of antimony from 15 September."));
});

test("speculation is not a measure, but a threat is", () => {
  assert.ok(isSpeculative("Analysts said Beijing could restrict lithium exports."));
  assert.ok(!isSpeculative("The President threatened to impose a 100% tariff; it could start soon."));
  assert.ok(!isSpeculative("In May 2024 the US raised tariffs."));
});

test("status from wording and dates", () => {
  assert.equal(statusOf("The measures took effect on 1 December."), "in_force");
  assert.equal(statusOf("China lifted the ban on exports to the US."), "lifted");
  assert.equal(statusOf("Trump threatened to impose tariffs."), "threatened");
  assert.equal(statusOf("From 1 August 2023 gallium shall not be exported.", "2023-08-01", "2023-07-03"), "announced");
  assert.equal(statusOf("Japan imposed export controls on 23 items.", "2023-07-23", "2023-07-24"), "in_force");
});

test("triggers: licence regime vs ban vs tariff", () => {
  assert.equal(findTriggers("Items shall not be exported without permission.")[0].type, "export_restriction");
  assert.equal(findTriggers("Gallium shall not be exported to the United States.")[0].type, "export_ban");
  assert.equal(findTriggers("a 25% tariff on imports")[0].type, "import_tariff");
  assert.deepEqual(findTriggers("Quarterly profit rose."), []);
});
