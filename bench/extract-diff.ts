// Print predicted vs gold events per text for an annotated set (diagnosis aid, not a score).
// Usage: node --import tsx bench/extract-diff.ts [file.jsonl] [id-substring]
import { readFileSync } from "node:fs";
import { openStore } from "../src/ingest/starter/open.ts";
import { createExtractor } from "../src/monitor/extract/extract.ts";
import { gazetteerFromStore } from "../src/monitor/extract/gazetteer-store.ts";

const store = await openStore({ db: ":memory:" });
const gazetteer = await gazetteerFromStore(store);
store.close();
const file = process.argv.find((a) => a.endsWith(".jsonl")) ?? "test/fixtures/monitor/devset.jsonl";
const only = process.argv.slice(2).find((a) => !a.endsWith(".jsonl"));
const extract = createExtractor(gazetteer, { now: new Date("2026-01-01") });
const short = (e: Record<string, unknown>) =>
  [e.type, e.actor, (e.targets as string[]).join("+"), (e.products as string[]).join("+"), (e.hsCodes as string[]).join("+"), e.measureDate, e.rate, e.status].join(" | ");
for (const line of readFileSync(file, "utf8").trim().split("\n")) {
  const d = JSON.parse(line) as { id: string; text: string; events: Record<string, unknown>[] };
  if (only && !d.id.includes(only)) continue;
  const p = extract(d.text) as unknown as Record<string, unknown>[];
  const ps = p.map(short).sort();
  const gs = d.events.map(short).sort();
  if (JSON.stringify(ps) === JSON.stringify(gs)) continue;
  console.log(`## ${d.id}`);
  for (const g of gs) console.log(`  gold ${g}`);
  for (const [i, x] of ps.entries()) console.log(`  pred ${x}${only ? `\n       « ${(p[i].evidence as string).slice(0, 160)}` : ""}`);
}
