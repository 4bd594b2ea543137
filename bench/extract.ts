// Extraction throughput on one core: the development set's 45 texts, repeated for ~3 s, with the
// gazetteer generated from the real catalogues. Baseline in the same run: wink-nlp sentence splitting
// alone over the same texts (the floor the extractor cannot beat). Target ≥ 500 documents/s.
// Usage: node --import tsx bench/extract.ts [set.jsonl] [--db path]   (default: the dev set; real.jsonl texts are ~5× longer)
import { readFileSync } from "node:fs";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { openStore } from "../src/ingest/starter/open.ts";
import { createExtractor } from "../src/monitor/extract/extract.ts";
import { gazetteerFromStore } from "../src/monitor/extract/gazetteer-store.ts";

const dbArg = process.argv.indexOf("--db");
const store = await openStore({ db: dbArg > 0 ? process.argv[dbArg + 1] : ":memory:" });
const gazetteer = await gazetteerFromStore(store);
store.close();
const file = process.argv.find((a) => a.endsWith(".jsonl")) ?? "test/fixtures/monitor/devset.jsonl";
const texts = readFileSync(file, "utf8").trim().split("\n").map((l) => (JSON.parse(l) as { text: string }).text);
const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;

function rate(fn: (t: string) => unknown, seconds = 3): number {
  for (const t of texts) fn(t); // warm up
  let n = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    for (const t of texts) fn(t);
    n += texts.length;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  return n / elapsed;
}

const extract = createExtractor(gazetteer);
const nlp = winkNLP(model, ["sbd"]);
const base = rate((t) => nlp.readDoc(t).sentences().out());
const full = rate(extract);
console.log(`documents: ${file}, ${texts.length} texts, mean ${chars.toFixed(0)} characters`);
console.log(`baseline (wink-nlp sentence split only): ${base.toFixed(0)} docs/s`);
console.log(`extract (full pipeline):                 ${full.toFixed(0)} docs/s  (${(full / base).toFixed(2)}× baseline)`);
console.log(full >= 500 ? "PASS: ≥ 500 docs/s" : "FAIL: below 500 docs/s");
