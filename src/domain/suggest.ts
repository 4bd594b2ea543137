/**
 * Levenshtein distance, used to suggest the closest valid identifiers.
 * @example editDistance("galium", "gallium") // 1
 */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

/**
 * The closest valid values to a bad one (substring matches first, then edit distance).
 * @example closest("galium", ["gallium", "germanium"]) // ["gallium", "germanium"]
 */
export function closest(bad: string, valid: readonly string[], n = 3): string[] {
  const b = bad.toLowerCase();
  return [...valid]
    .map((v) => {
      const l = v.toLowerCase();
      const d = l.includes(b) || b.includes(l) ? 0.5 : editDistance(b, l);
      return { v, d };
    })
    .sort((x, y) => x.d - y.d || x.v.localeCompare(y.v))
    .slice(0, n)
    .map((x) => x.v);
}
