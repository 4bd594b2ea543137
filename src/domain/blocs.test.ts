import { test } from "node:test";
import assert from "node:assert/strict";
import { blocBook, resolveBlocFrom } from "./blocs.ts";
import { ChokepointError } from "./error.ts";

const countries = [
  { iso3: "DEU", name: "Germany", eu27: true, g7: true, oecd: true },
  { iso3: "FRA", name: "France", eu27: true, g7: true, oecd: true },
  { iso3: "JPN", name: "Japan", eu27: false, g7: true, oecd: true },
  { iso3: "USA", name: "United States", eu27: false, g7: true, oecd: true, aliases: ["usa", "united states of america"] },
  { iso3: "KOR", name: "Korea, Republic of", eu27: false, g7: false, oecd: true, aliases: ["south korea"] },
  { iso3: "CHN", name: "China", eu27: false, g7: false, oecd: false },
];

test("ALLIANCE is EU27 ∪ JPN", () => {
  assert.deepEqual(resolveBlocFrom("ALLIANCE", countries).members, ["DEU", "FRA", "JPN"]);
  assert.deepEqual(resolveBlocFrom("EU27", countries).members, ["DEU", "FRA"]);
  assert.deepEqual(resolveBlocFrom("JPN", countries).members, ["JPN"]);
  assert.deepEqual(resolveBlocFrom("G7", countries).members, ["DEU", "FRA", "JPN", "USA"]);
});

test("a comma list of ISO3 codes is a bloc", () => {
  assert.deepEqual(resolveBlocFrom("jpn, usa", countries).members, ["JPN", "USA"]);
});

test("an unknown bloc names the bad value and suggests the closest", () => {
  assert.throws(
    () => resolveBlocFrom("ALLIANSE", countries),
    (e: unknown) => e instanceof ChokepointError && e.code === "unknown_bloc" && /ALLIANSE/.test(e.message) && /ALLIANCE/.test(e.message),
  );
});

test("countries may be named: names and aliases resolve to ISO3, which becomes the id", () => {
  assert.deepEqual(resolveBlocFrom("Japan", countries), { id: "JPN", members: ["JPN"] });
  assert.deepEqual(resolveBlocFrom("japan, South Korea", countries), { id: "JPN,KOR", members: ["JPN", "KOR"] });
  assert.deepEqual(resolveBlocFrom("USA,jpn", countries), { id: "USA,JPN", members: ["JPN", "USA"] });
});

test("suggestions are distinct and name the bad part of a list", () => {
  assert.throws(
    () => resolveBlocFrom("Japan, Korae", countries),
    (e: unknown) => {
      if (!(e instanceof ChokepointError) || !/'Korae'/.test(e.message)) return false;
      const hint = /did you mean: ([^?]*)\?/.exec(e.message)![1].split(", ");
      return hint.length === new Set(hint).size;
    },
  );
});

test("a mistyped bloc is offered the nearest bloc among the suggestions", () => {
  assert.throws(() => resolveBlocFrom("EUU", countries), (e: unknown) => e instanceof ChokepointError && /did you mean: [^?]*EU27/.test(e.message));
});

test("a coalition mixes blocs and countries: KOR,EU27 · EU27,JPN,KOR · IND,EU27", async () => {
  const { resolveBlocFrom: r } = await import("./blocs.ts");
  const cs = [
    { iso3: "DEU", name: "Germany", eu27: true, g7: true, aliases: [] },
    { iso3: "FRA", name: "France", eu27: true, g7: true, aliases: [] },
    { iso3: "KOR", name: "Korea", eu27: false, g7: false, aliases: [] },
    { iso3: "JPN", name: "Japan", eu27: false, g7: true, aliases: [] },
    { iso3: "IND", name: "India", eu27: false, g7: false, aliases: [] },
  ] as unknown as Parameters<typeof r>[1];
  assert.deepEqual(r("KOR,EU27", cs), { id: "KOR,EU27", members: ["DEU", "FRA", "KOR"] });
  assert.deepEqual(r("EU27,JPN,KOR", cs), { id: "EU27,JPN,KOR", members: ["DEU", "FRA", "JPN", "KOR"] });
  assert.deepEqual(r("IND,EU27", cs).members, ["DEU", "FRA", "IND"]);
  assert.throws(() => r("KOR,EU28", cs), /EU28/);
});

test("a bloc book lists the built-in and configured blocs with members, resolves mixed specs, passes a Bloc through", () => {
  const book = blocBook(countries, { QUAD: ["usa", "JPN"] });
  assert.deepEqual(book.list().map((b) => [b.id, b.members, b.configured]), [
    ["EU27", ["DEU", "FRA"], false],
    ["JPN", ["JPN"], false],
    ["ALLIANCE", ["DEU", "FRA", "JPN"], false],
    ["G7", ["DEU", "FRA", "JPN", "USA"], false],
    ["QUAD", ["JPN", "USA"], true],
  ]);
  assert.deepEqual(book.resolve("KOR,EU27"), { id: "KOR,EU27", members: ["DEU", "FRA", "KOR"] });
  assert.deepEqual(book.resolve("quad,KOR").members, ["JPN", "KOR", "USA"]);
  const b = { id: "X", members: ["CHN"] };
  assert.equal(book.resolve(b), b);
  assert.equal(book.resolve("Japan"), book.resolve("Japan"), "a spec resolves once per book");
});

test("WLD is the world row only where asked (monthly trade's importer), an unknown bloc elsewhere", () => {
  const book = blocBook(countries, {});
  assert.deepEqual(book.resolve("wld", { world: true }), { id: "WLD", members: ["WLD"] });
  assert.throws(() => book.resolve("WLD"), (e: unknown) => e instanceof ChokepointError && e.code === "unknown_bloc");
});
