/**
 * Alliance trade sharing (issue 14): members of a sharing group that a shock does not reach pass
 * part of their own intake to members left short — EU27 covering Japan under a Japan-only ban.
 * A transfer, not new supply: what a giver passes on becomes its own shortfall, so sharing has a
 * cost for the giver and leaves the group's (and the world's) unmet volume unchanged.
 *
 * Each month, per group g ≥ 0: givers are members not blocked this month (β_c = 0); each can pass
 * up to `share` × its monthly demand, less what it already lacks. The pool
 * min(Σ need of short members, Σ capacity) is given out in proportion to need and taken from
 * givers in proportion to capacity.
 *
 * @example
 * const unmet = Float64Array.of(4, 0);
 * shareIntake(unmet, Float64Array.of(5, 0), Float64Array.of(10, 20), Int32Array.of(0, 0), 0.1);
 * // unmet = [2, 2]: the giver passes 10 % of its monthly demand of 20
 */
export function shareIntake(unmet: Float64Array, blocked: Float64Array, monthlyDemand: Float64Array, group: Int32Array, share: number): void {
  if (!(share > 0)) return;
  let groups = -1;
  for (let c = 0; c < group.length; c++) if (group[c] > groups) groups = group[c];
  for (let g = 0; g <= groups; g++) {
    let need = 0, capacity = 0;
    for (let c = 0; c < group.length; c++) {
      if (group[c] !== g) continue;
      if (blocked[c] > 0) need += unmet[c];
      else capacity += Math.max(0, share * monthlyDemand[c] - unmet[c]);
    }
    const pool = Math.min(need, capacity);
    if (pool <= 0) continue;
    for (let c = 0; c < group.length; c++) {
      if (group[c] !== g) continue;
      if (blocked[c] > 0) unmet[c] -= (pool * unmet[c]) / need;
      else unmet[c] += (pool * Math.max(0, share * monthlyDemand[c] - unmet[c])) / capacity;
    }
  }
}
