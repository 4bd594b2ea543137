import { test } from "node:test";
import assert from "node:assert/strict";
import { ChokepointError } from "../../domain/error.ts";
import { htmlToText, parseJsonl } from "./input.ts";

test("jsonl lines keep their order and ids", () => {
  assert.deepEqual(parseJsonl('{"id":"a","text":"x"}\n\n{"id":7,"text":"y"}\n', "f.jsonl"), [
    { id: "a", text: "x" },
    { id: "7", text: "y" },
  ]);
});

test("a bad jsonl line names file, line and field", () => {
  assert.throws(
    () => parseJsonl('{"id":"a","text":"x"}\n{"id":"b","body":"y"}', "in.jsonl"),
    (e: unknown) => e instanceof ChokepointError && e.code === "invalid_input" && /in\.jsonl:2: field "text"/.test(e.message) && e.problems[0].line === 2,
  );
  assert.throws(() => parseJsonl("{oops", "in.jsonl"), /in\.jsonl:1: not valid JSON/);
});

test("html becomes visible text with line breaks at blocks", () => {
  assert.equal(htmlToText("<html><script>x=1</script><h1>MOFCOM</h1><p>Gallium &amp; germanium&#39;s</p></html>"), "MOFCOM\nGallium & germanium's");
});
