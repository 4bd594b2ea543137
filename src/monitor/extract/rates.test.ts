import { test } from "node:test";
import assert from "node:assert/strict";
import { findRates, tariffRate } from "./rates.ts";

test("percent forms become fractions", () => {
  assert.deepEqual(findRates("25%, 7.5 percent, 10 per cent, 100 pct").map((r) => r.rate), [0.25, 0.075, 0.1, 1]);
});

test("a change 'from X% to Y%' gives the new rate", () => {
  assert.equal(tariffRate("raises the duty from 7.5% to 25% on EVs", 0), 0.25);
});

test("shares of supply are not rates", () => {
  assert.equal(tariffRate("China, which accounts for 98% of supply, faces a tariff", 0), null);
  assert.equal(tariffRate("an additional 10% tariff", 0), 0.1);
});

test("EU comma decimals and the residual 'all other companies' rate of a company schedule", () => {
  assert.deepEqual(findRates("BYD Group 17,0 %; Geely 18,8 %").map((r) => r.rate), [0.17, 0.188]);
  assert.equal(tariffRate("shall be: BYD Group 17,0 %; SAIC Group 35,3 %; other cooperating companies 20,7 %; all other companies 35,3 %.", 0), 0.353);
});
