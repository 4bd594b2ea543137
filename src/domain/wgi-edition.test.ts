import { test } from "node:test";
import assert from "node:assert/strict";
import { wgiEdition } from "./wgi-edition.ts";

test("wgiEdition: 2023 from the 2024 update, 2010–2022 from the 2023 update", () => {
  assert.equal(wgiEdition(2023), "2024 update");
  assert.equal(wgiEdition(2019), "2023 update");
  assert.equal(wgiEdition(2022), "2023 update");
  assert.equal(wgiEdition(2005), "2024 update");
});
