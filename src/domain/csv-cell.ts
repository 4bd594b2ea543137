/**
 * One CSV cell, quoted when needed. Text that a spreadsheet would run as a formula (leading
 * =, +, -, @, tab or CR — e.g. a product description `=HYPERLINK(…)`) gets a leading `'`, so it
 * shows as text (OWASP CSV injection). Numbers are written as they are (−0.5 stays a number).
 *
 * @example csvCell("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(""http://x"")" quoted
 */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
