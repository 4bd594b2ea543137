// `watch` against a feed served on 127.0.0.1: conditional GET (ETag → 304) and dedupe by guid.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Store } from "../src/store/store.ts";
import { createSchema } from "../src/store/schema.ts";
import { pollFeed } from "../src/monitor/feeds/watch.ts";
import { createExtractor } from "../src/monitor/extract/extract.ts";
import { testGazetteer } from "./fixtures/monitor/gazetteer.ts";
import { storedEvents } from "../src/store/queries/monitor.ts";

const item = (guid: string, title: string, body: string) =>
  `<item><guid>${guid}</guid><link>https://example.org/${guid}</link><title>${title}</title><description><![CDATA[<p>${body}</p>]]></description></item>`;
let items = [
  item("a1", "MOFCOM announces graphite controls", "Beijing, 20 October 2023. High-purity natural graphite shall not be exported without permission from 1 December 2023."),
  item("a2", "Gallium prices rise", "Gallium prices in Rotterdam rose 8% in the week."),
];
let etag = '"v1"';
const requests: { inm: string | undefined }[] = [];
const server = createServer((req, res) => {
  requests.push({ inm: req.headers["if-none-match"] as string | undefined });
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/rss+xml", etag });
  res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items.join("")}</channel></rss>`);
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
const store = await Store.open(":memory:");
await createSchema(store);
const extract = createExtractor(testGazetteer());
after(() => {
  server.close();
  store.close();
});

test("first poll stores items and the events they announce", async () => {
  const r = await pollFeed(store, url, extract);
  assert.deepEqual([r.notModified, r.items, r.newItems], [false, 2, 2]);
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0].type, "export_restriction");
  assert.equal(r.events[0].actor, "CHN");
  assert.equal(r.events[0].link, "https://example.org/a1");
  assert.equal((await storedEvents(store)).length, 1);
});

test("an unchanged feed answers 304 to the stored ETag", async () => {
  const r = await pollFeed(store, url, extract);
  assert.equal(requests.at(-1)!.inm, '"v1"');
  assert.equal(r.notModified, true);
  assert.equal((await storedEvents(store)).length, 1);
});

test("a changed feed yields only the new item (dedupe by guid)", async () => {
  items = [item("a3", "Indonesia bans nickel ore exports", "Indonesia will ban exports of nickel ore from January 1, 2020."), ...items];
  etag = '"v2"';
  const r = await pollFeed(store, url, extract);
  assert.deepEqual([r.items, r.newItems], [3, 1]);
  assert.equal(r.events[0].actor, "IDN");
  assert.equal((await storedEvents(store)).length, 2);
});
