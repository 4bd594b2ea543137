import { pct } from "./table.ts";
import type { MonitorEvent } from "../domain/monitor-event.ts";

/**
 * Events for people: one block per event with its evidence.
 * @example formatEventsText([]) // "No trade measure found.\n"
 */
export function formatEventsText(events: readonly MonitorEvent[]): string {
  if (events.length === 0) return "No trade measure found.\n";
  return events
    .map((e, i) => {
      const head = `${i + 1}. ${e.type} by ${e.actor ?? "?"} → ${e.targets.join(", ") || "–"} (${e.status}${e.measureDate ? `, ${e.measureDate}` : ""})`;
      const lines = [head];
      if (e.products.length) lines.push(`   products: ${e.products.join(", ")}`);
      if (e.hsCodes.length) lines.push(`   HS codes: ${e.hsCodes.join(", ")}`);
      if (e.rate !== null) lines.push(`   rate: ${pct(e.rate)}`);
      lines.push(`   evidence: “${e.evidence}”`);
      return lines.join("\n");
    })
    .join("\n\n") + "\n";
}
