/**
 * Render rows as an aligned plain-text table for people.
 * @example formatTable([{ a: 1, b: "x" }], [{ key: "a", title: "A", align: "right" }, { key: "b", title: "B" }])
 */
export interface Column<T> {
  key: keyof T | ((row: T) => string);
  title: string;
  align?: "left" | "right";
}

export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) =>
    columns.map((c) => {
      const v = typeof c.key === "function" ? c.key(r) : r[c.key];
      return v === null || v === undefined ? "–" : String(v);
    }),
  );
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i].length)));
  const pad = (s: string, i: number) => (columns[i].align === "right" ? s.padStart(widths[i]) : s.padEnd(widths[i]));
  const head = columns.map((c, i) => pad(c.title, i)).join("  ");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [head, rule, ...cells.map((row) => row.map(pad).join("  "))].join("\n").replace(/ +$/gm, "");
}

/** A fraction as a percentage for people. @example pct(0.9843) // "98.4 %" */
export function pct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || Number.isNaN(x) ? "–" : `${(x * 100).toFixed(digits)} %`;
}

/** A horizontal bar of width proportional to a fraction 0–1. @example bar(0.5, 10) // "█████" */
export function bar(x: number, width = 20): string {
  const n = Math.max(0, Math.min(width, Math.round(x * width * 2) / 2));
  return "█".repeat(Math.floor(n)) + (n % 1 ? "▌" : "");
}
