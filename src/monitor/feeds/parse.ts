import { XMLParser } from "fast-xml-parser";
import { ChokepointError } from "../../domain/error.ts";
import { htmlToText } from "../extract/input.ts";

/** One entry of an RSS or Atom feed, with its text stripped of markup. */
export interface FeedItem {
  guid: string | null;
  link: string | null;
  title: string;
  text: string;
  published: string | null;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text" });
const arr = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const str = (x: unknown): string => (x === undefined || x === null ? "" : typeof x === "object" ? String((x as Record<string, unknown>)["#text"] ?? "") : String(x));

/**
 * Parse an RSS 2.0 or Atom feed into items.
 * @example parseFeed("<rss><channel><item><title>MOFCOM</title><guid>1</guid></item></channel></rss>", "f")[0].title // "MOFCOM"
 */
export function parseFeed(xml: string, source: string): FeedItem[] {
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml);
  } catch (e) {
    throw new ChokepointError("invalid_input", `${source}: not a valid XML feed (${(e as Error).message})`);
  }
  if (doc.rss?.channel) {
    return arr(doc.rss.channel.item).map((it: Record<string, unknown>) => ({
      guid: str(it.guid) || null,
      link: str(it.link) || null,
      title: htmlToText(str(it.title)),
      text: htmlToText(str(it["content:encoded"]) || str(it.description)),
      published: str(it.pubDate) || null,
    }));
  }
  if (doc.feed) {
    return arr(doc.feed.entry).map((it: Record<string, any>) => {
      const links = arr(it.link) as Record<string, string>[];
      const link = links.find((l) => !l["@rel"] || l["@rel"] === "alternate")?.["@href"] ?? null;
      return {
        guid: str(it.id) || null,
        link,
        title: htmlToText(str(it.title)),
        text: htmlToText(str(it.content) || str(it.summary)),
        published: str(it.published) || str(it.updated) || null,
      };
    });
  }
  throw new ChokepointError("invalid_input", `${source}: neither RSS (<rss><channel>) nor Atom (<feed>)`);
}
