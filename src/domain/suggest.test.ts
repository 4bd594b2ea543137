import { test } from "node:test";
import assert from "node:assert/strict";
import { closest } from "./suggest.ts";

test("closest suggests the nearest identifiers first", () => {
  assert.deepEqual(closest("galium", ["germanium", "gallium", "cobalt"], 1), ["gallium"]);
  assert.equal(closest("ALLIANSE", ["EU27", "JPN", "ALLIANCE", "G7"], 1)[0], "ALLIANCE");
});
