import { test } from "node:test";
import assert from "node:assert/strict";
import { csvCell } from "./csv-cell.ts";

// Issue #18 item 9: product descriptions reached `scan --csv` verbatim.
test("formula-leading text is neutralised; numbers and plain text are not", () => {
  assert.equal(csvCell('=HYPERLINK("http://evil","x")'), `"'=HYPERLINK(""http://evil"",""x"")"`);
  for (const lead of ["=", "+", "-", "@"]) assert.equal(csvCell(`${lead}1+1`), `'${lead}1+1`);
  assert.equal(csvCell("\tcmd"), `"'\tcmd"`);
  assert.equal(csvCell("\rcmd"), `"'\rcmd"`);
  assert.equal(csvCell(-0.5), "-0.5");
  assert.equal(csvCell("Gallium, germanium"), '"Gallium, germanium"');
  assert.equal(csvCell(null), "");
});
