import { readFileSync } from "node:fs";
import { ChokepointError } from "../../domain/error.ts";
import type { MonitorDoc } from "../../domain/monitor-event.ts";

/** Read a file, or standard input for `-`. */
export function readInput(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    throw new ChokepointError("io_error", `cannot read ${file === "-" ? "standard input" : file}: ${(e as Error).message}`);
  }
}

/**
 * Parse JSON Lines of `{"id": …, "text": …}`; a bad line is an `invalid_input` error naming file, line and field.
 * @example parseJsonl('{"id":"a","text":"…"}\n', "in.jsonl") // [{ id: "a", text: "…" }]
 */
export function parseJsonl(raw: string, file: string): MonitorDoc[] {
  const docs: MonitorDoc[] = [];
  raw.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = { file, line: i + 1 };
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new ChokepointError("invalid_input", `${file}:${i + 1}: not valid JSON (${(e as Error).message})`, [
        { code: "invalid_json", path: [i], message: "not valid JSON", ...where },
      ]);
    }
    const o = v as Record<string, unknown>;
    if (typeof o?.text !== "string") {
      throw new ChokepointError("invalid_input", `${file}:${i + 1}: field "text" must be a string, got ${JSON.stringify(o?.text)}`, [
        { code: "invalid_type", path: [i, "text"], message: "expected a string", field: "text", value: o?.text, ...where },
      ]);
    }
    docs.push({ id: o.id === undefined ? String(i + 1) : String(o.id), text: o.text });
  });
  return docs;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Visible text of an HTML page: scripts and styles dropped, block elements become line breaks.
 * @example htmlToText("<h1>MOFCOM</h1><p>Gallium &amp; germanium</p>") // "MOFCOM\nGallium & germanium"
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|noscript)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|h[1-6]|li|tr|title|section|article)>/gi, "\n")
    .replace(/<li[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
      e[0] === "#" ? String.fromCodePoint(parseInt(e.slice(e[1] === "x" || e[1] === "X" ? 2 : 1), e[1] === "x" || e[1] === "X" ? 16 : 10)) : (ENTITIES[e.toLowerCase()] ?? m),
    )
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim();
}
