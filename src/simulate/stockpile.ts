/**
 * Draw stockpiles against this month's gaps (volumes, same units), in place.
 * Each consumer draws min(stock, gap, rate · initial stock). Consumers sharing a group id ≥ 0
 * pool their stocks: the group draws min(Σ stock, Σ gap, rate · Σ initial), given out in
 * proportion to the gaps and taken from members in proportion to what they hold.
 * No refilling within the horizon, so a stockpile can only ever lower a shortfall.
 *
 * @example
 * const stock = Float64Array.of(2, 0), draw = new Float64Array(2);
 * drawStocks(Float64Array.of(1, 1), stock, Float64Array.of(2, 0), Int32Array.of(0, 0), 1, draw);
 * // draw = [1, 1], stock = [0, 0]
 */
export function drawStocks(
  gap: Float64Array,
  stock: Float64Array,
  initial: Float64Array,
  group: Int32Array,
  rate: number,
  draw: Float64Array,
): void {
  const n = gap.length;
  let groups = -1;
  for (let c = 0; c < n; c++) {
    draw[c] = 0;
    if (group[c] < 0) {
      const d = Math.min(stock[c], gap[c], rate * initial[c]);
      if (d > 0) {
        draw[c] = d;
        stock[c] -= d;
      }
    } else if (group[c] > groups) groups = group[c];
  }
  for (let g = 0; g <= groups; g++) {
    let held = 0, need = 0, init = 0;
    for (let c = 0; c < n; c++) {
      if (group[c] !== g) continue;
      held += stock[c];
      need += gap[c];
      init += initial[c];
    }
    const total = Math.min(held, need, rate * init);
    if (total <= 0) continue;
    for (let c = 0; c < n; c++) {
      if (group[c] !== g) continue;
      draw[c] = (total * gap[c]) / need;
      stock[c] -= (total * stock[c]) / held;
    }
  }
}
