import { test } from "node:test";
import assert from "node:assert/strict";
import { TariffBook } from "./rules.ts";
import type { Measure, Rule } from "./measure.ts";

const rule = (r: Partial<Rule> & Pick<Rule, "rate">): Rule => ({ partners: ["*"], from: "2025-01-01", to: null, scope: { all: true }, priority: 100, ...r });
const measure = (id: string, layer: Measure["layer"], rules: Rule[]): Measure => ({
  id, layer, rules, authority: "test", instrument: `${id} instrument`, signed: null, federalRegister: null, effective: "", end: null, headings: "", modelled: true, notModelled: null, sources: ["test"], evidenceNote: "",
});
const lists = new Map([["parts", ["870840", "870899"]]]);
const book = new TariffBook(
  [
    measure("autos", "s232", [
      rule({ partners: ["*"], except: ["JPN"], scope: { prefixes: ["8703"] }, rate: { kind: "additive", value: 0.25 }, priority: 20 }),
      rule({ partners: ["JPN"], to: "2025-09-16", scope: { prefixes: ["8703"], lists: ["parts"] }, rate: { kind: "additive", value: 0.25 }, priority: 20 }),
      rule({ partners: ["JPN"], from: "2025-09-16", scope: { prefixes: ["8703"], lists: ["parts"] }, rate: { kind: "allIn", value: 0.15 }, priority: 20 }),
      rule({ scope: { prefixes: ["7326"] }, rate: { kind: "additive", value: 0.5 }, priority: 95, coverageOnly: true }),
    ]),
    measure("recip", "ieepa", [
      rule({ partners: ["EU27"], scope: { prefixes: ["8802"] }, rate: { kind: "exempt", value: 0 }, priority: 10 }),
      rule({ partners: ["EU27", "JPN"], scope: { all: true, excludePrefixes: ["98"] }, rate: { kind: "allIn", value: 0.15 }, priority: 50 }),
      rule({ partners: ["*"], to: "2026-02-20", scope: { all: true }, rate: { kind: "additive", value: 0.1 }, priority: 100 }),
    ]),
  ],
  lists,
  new Map([["SVK", "EU27"]]),
);
const rate = (p: string, day: string, hs: string, base: number) => book.lineRate(hs, base, book.active(p, day));
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

test("additive adds to the 2024 base: 0.025 + 0.25 = 0.275 (KOR car)", () => close(rate("KOR", "2025-06-01", "8703230140", 0.025).total, 0.275));

test("all-in tops MFN up to the floor, never down: 0.025 → 0.15; 0.20 stays 0.20; 0 → 0.15", () => {
  close(rate("JPN", "2025-09-16", "8703230140", 0.025).total, 0.15);
  close(rate("JPN", "2025-09-16", "8708409000", 0.025).total, 0.15);
  close(rate("EU27", "2025-06-01", "0405102000", 0.2).total, 0.2);
  close(rate("EU27", "2025-06-01", "8429521010", 0).total, 0.15);
});

test("dates are [from, to): 2025-09-15 still 25 % additive for JPN cars, 2025-09-16 all-in", () => {
  close(rate("JPN", "2025-09-15", "8703230140", 0.025).total, 0.275);
  close(rate("KOR", "2026-02-19", "8429521010", 0).total, 0.1);
  close(rate("KOR", "2026-02-20", "8429521010", 0).total, 0);
});

test("Section 232 excludes the reciprocal layer on the same line; other lines pay the reciprocal", () => {
  const r = rate("KOR", "2025-06-01", "8703230140", 0.025);
  assert.deepEqual(r.parts.map((p) => p.measure), ["autos"]);
  assert.deepEqual(rate("KOR", "2025-06-01", "8471500150", 0).parts.map((p) => p.measure), ["recip"]);
});

test("an exemption stops lower-priority rules of its layer (EU aircraft), exclusions drop lines (ch. 98)", () => {
  close(rate("EU27", "2025-06-01", "8802400140", 0).total, 0);
  close(rate("EU27", "2025-06-01", "9801001098", 0).total, 0.1);
});

test("coverage-only rules charge nothing but are reported; group members get their aggregate's rules (SVK → EU27)", () => {
  const r = rate("KOR", "2025-06-01", "7326909000", 0);
  assert.deepEqual(r.uncharged, ["autos"]);
  close(r.total, 0.1);
  close(rate("SVK", "2025-06-01", "8429521010", 0).total, 0.15);
});

test("change dates: every from and to, sorted, once", () => {
  assert.deepEqual(book.changeDates(), ["2025-01-01", "2025-09-16", "2026-02-20"]);
});
