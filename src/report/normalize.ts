/**
 * Normalise an SVG for golden comparison, as Observable Plot's snapshot tests do: numbers to 3
 * decimals, generated ids re-indexed in order of appearance, one element per line.
 * @example normalizeSvg('<path d="M1.23456,2"/>') // '<path d="M1.235,2"/>'
 */
export function normalizeSvg(svg: string): string {
  const ids = new Map<string, string>();
  return svg
    .replace(/-?\d*\.\d+(?:e-?\d+)?/g, (x) => {
      const r = Math.round(Number(x) * 1000) / 1000;
      return String(Object.is(r, -0) ? 0 : r);
    })
    .replace(/\bid="([^"]+)"/g, (_, id: string) => {
      if (!ids.has(id)) ids.set(id, `id-${ids.size}`);
      return `id="${ids.get(id)}"`;
    })
    .replace(/(aria-labelledby|href)="#?([^"]+)"/g, (all, attr: string, id: string) => (ids.has(id) ? `${attr}="${attr === "href" ? "#" : ""}${ids.get(id)}"` : all))
    .replace(/></g, ">\n<")
    .trim() + "\n";
}
