import { test } from "node:test";
import assert from "node:assert/strict";
import { findHsCodes, uniqueCodes } from "./codes.ts";

const codes = (t: string, list = false) => uniqueCodes(findHsCodes(t, list));

test("dotted codes are cut to HS6", () => {
  assert.deepEqual(codes("gallium (8112.92.90) and natural graphite 2504.10"), ["811292", "250410"]);
});

test("bare 8/10-digit codes need a customs cue or a list context", () => {
  assert.deepEqual(codes("customs commodity code 2825600001"), ["282560"]);
  assert.deepEqual(codes("Gallium nitride (2850001200);"), []);
  assert.deepEqual(codes("Gallium nitride (2850001200);", true), ["285000"]);
});

test("headings stay 4 digits; years and amounts are not codes", () => {
  assert.deepEqual(codes("goods of HS heading 8505 and 2023 shipments"), ["8505"]);
  assert.deepEqual(codes("customs data show 12345678 dollars in 2023"), []);
  assert.deepEqual(codes("customs revenue of 25000000 USD"), []);
});

test("dotted 8-digit codes in a comma-separated list are all read", () => {
  assert.deepEqual(codes("(reference customs commodity numbers: 3801.1000, 3801.9090, 6815.1900)"), ["380110", "380190", "681519"]);
});
