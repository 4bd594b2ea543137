import { test } from "node:test";
import assert from "node:assert/strict";
import { findDates } from "./dates.ts";

const isos = (t: string, y?: number) => findDates(t, y).map((d) => d.iso);

test("day-month-year, month-day-year, ISO and Chinese forms", () => {
  assert.deepEqual(isos("From 1 August 2023"), ["2023-08-01"]);
  assert.deepEqual(isos("on Aug. 1, 2023 and December 1st, 2023"), ["2023-08-01", "2023-12-01"]);
  assert.deepEqual(isos("effective 2024-09-15"), ["2024-09-15"]);
  assert.deepEqual(isos("自2023年8月1日起"), ["2023-08-01"]);
});

test("month and year alone give YYYY-MM; a bare year only after a date word", () => {
  assert.deepEqual(isos("in October 2023"), ["2023-10"]);
  assert.deepEqual(isos("to 25% from 2026"), ["2026"]);
  assert.deepEqual(isos("Announcement No. 23 of 2023"), []);
});

test("dates without a year take the reference year, and 'may' is not a month", () => {
  assert.deepEqual(isos("takes effect on Dec. 1", 2023), ["2023-12-01"]);
  assert.deepEqual(isos("takes effect on Dec. 1"), []);
  assert.deepEqual(isos("Beijing may restrict 5 items", 2023), []);
});

test("impossible dates are rejected", () => {
  assert.deepEqual(isos("31 February 2024"), []);
  assert.deepEqual(isos("29 February 2024"), ["2024-02-29"]);
});
