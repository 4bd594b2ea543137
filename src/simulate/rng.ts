/** A source of uniform random numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a tiny, fast 32-bit PRNG (public domain, Tommy Ettinger). Enough for Monte Carlo
 * over a handful of parameters, and identical on every platform, so the same seed gives
 * byte-identical output.
 *
 * @example
 * const rng = mulberry32(42);
 * rng(); // 0.6011037519201636
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A draw from a triangular distribution on [low, high] with the given mode (inverse CDF).
 * Triangular because published ranges come as "low, typical, high" and nothing more.
 *
 * @example triangular(0.5, 0, 1, 0.5) // 0.5
 */
export function triangular(u: number, low: number, high: number, mode = (low + high) / 2): number {
  if (high <= low) return low;
  const c = (mode - low) / (high - low);
  return u < c ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}
