/**
 * A small seeded pseudo-random generator (mulberry32) and the deterministic helpers the sample
 * generator builds on. Only `+ - * /`, `Math.imul`, `Math.floor` and `Math.round` are used, so the
 * same seed gives bit-identical numbers on every JavaScript engine (no `Math.random`, no
 * transcendental functions whose last digit may differ between platforms).
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a 32-bit generator with a full 2^32 period, good enough for illustrative data.
 * @example
 * const rnd = mulberry32(2017); rnd(); // 0.x, always the same first number for seed 2017
 */
export function mulberry32(seed: number): Random {
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
 * A child generator whose stream depends only on the parent seed and a label, so adding a draw in
 * one part of the generator does not shift the numbers in every other part.
 * @example
 * const births = substream(2017, 'births'); const rolls = substream(2017, 'rolls');
 */
export function substream(seed: number, label: string): Random {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return mulberry32(h);
}

/** Uniform number in [low, high). */
export function uniform(rnd: Random, low: number, high: number): number {
  return low + (high - low) * rnd();
}

/**
 * An approximately standard normal number (Irwin-Hall: the sum of 12 uniforms minus 6),
 * bounded to [-6, 6], which keeps generated noise from ever running wild.
 */
export function gaussian(rnd: Random): number {
  let s = 0;
  for (let i = 0; i < 12; i++) s += rnd();
  return s - 6;
}

/** x raised to a whole power (negative allowed) by repeated multiplication. */
export function powInt(x: number, n: number): number {
  let r = 1;
  const k = n < 0 ? -n : n;
  for (let i = 0; i < k; i++) r *= x;
  return n < 0 ? 1 / r : r;
}

/** Fisher-Yates shuffle of a copy. */
export function shuffled<T>(rnd: Random, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

/**
 * Splits a whole-number `total` in proportion to non-negative `weights` (largest remainder method):
 * every share is the floor of its exact share, and the pupils left over go one each to the largest
 * fractional parts, ties to the earlier index. The result always sums to `total` exactly.
 * @example
 * allocate([1, 1, 1], 10) // [4, 3, 3]
 * @throws Error when the total is not a whole number >= 0 or no weight is positive.
 */
export function allocate(weights: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`allocate: total must be a whole number >= 0 (got ${total})`);
  let sum = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error('allocate: weights must be finite and >= 0');
    sum += w;
  }
  if (!(sum > 0)) throw new Error('allocate: at least one weight must be positive');
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map((x) => Math.floor(x));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i] += 1;
  return out;
}
