/**
 * Seeded random numbers for the course's simulators. Never Math.random: the same seed always gives the
 * same sequence, so a simulation, a widget and a graded test are reproducible.
 */

/** A source of uniform random numbers in [0, 1). */
export interface Rng {
  /** The next uniform number in [0, 1). */
  next(): number;
}

/** The seed the course uses when none is given. */
export const DEFAULT_SEED = 20261126;

/**
 * xoshiro128** (Blackman and Vigna, 2018): 128 bits of state, period 2^128 − 1, fast in JavaScript's
 * 32-bit integer arithmetic. The state is filled from the seed with splitmix32, so any integer seed works.
 */
export function createRng(seed: number = DEFAULT_SEED): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer (got ${seed})`);
  let s = seed >>> 0;
  const splitmix32 = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  return {
    next(): number {
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      return result / 4294967296;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** An exponentially distributed number with the given mean. Uses 1 − U so that ln never sees 0. */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}
