// Score the event extractor on the annotated development set with the gazetteer generated from the
// store's catalogues (as the product runs). Prints precision/recall/F1 per field as a Markdown table.
// Usage: node --import tsx bench/extract-devset.ts [--db path]
import { readFileSync } from "node:fs";
import { openStore } from "../src/ingest/starter/open.ts";
import { createExtractor } from "../src/monitor/extract/extract.ts";
import { gazetteerFromStore } from "../src/monitor/extract/gazetteer-store.ts";
import { scoreEvents, SCORED_FIELDS, type GoldEvent } from "../src/monitor/extract/score.ts";

const dbArg = process.argv.indexOf("--db");
const store = await openStore({ db: dbArg > 0 ? process.argv[dbArg + 1] : ":memory:" });
const gazetteer = await gazetteerFromStore(store);
store.close();
const file = process.argv.find((a) => a.endsWith(".jsonl")) ?? "test/fixtures/monitor/devset.jsonl";
const docs = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; events: GoldEvent[]; text: string });
const extract = createExtractor(gazetteer, { now: new Date("2026-01-01") });
const predicted = docs.map((d) => extract(d.text));
const s = scoreEvents(predicted, docs.map((d) => d.events));
console.log(`${file}: ${docs.length} texts, ${docs.reduce((n, d) => n + d.events.length, 0)} gold events, ${docs.filter((d) => d.events.length === 0).length} negatives\n`);
console.log("| field | precision | recall | F1 | tp | fp | fn |\n|---|---|---|---|---|---|---|");
for (const f of SCORED_FIELDS) {
  const v = s[f];
  console.log(`| ${f} | ${v.precision.toFixed(2)} | ${v.recall.toFixed(2)} | ${v.f1.toFixed(2)} | ${v.tp} | ${v.fp} | ${v.fn} |`);
}
