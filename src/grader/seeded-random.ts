/**
 * `Math.random`, seeded. The grader's test worker (runner.ts) and the page's lab worker
 * (src/labs/browser/worker-core.ts) both replace `Math.random` with this generator and restart it at
 * the same seed before each test file loads, so code that calls `Math.random()` where a lab injects its
 * randomness draws the same numbers on every run, in the terminal and in the page alike, and gets the
 * same score every time. (The labs' tests count the draws they inject, so such code still loses the
 * points that say "use the random source you were given".)
 *
 * The generator is mulberry32 (Tommy Ettinger's public-domain 32-bit generator): small, fast, and
 * good enough for code that should not have been calling it.
 */

/** The seed every test file starts from. */
export const MATH_RANDOM_SEED = 0x5eed_2026;

export interface SeededRandom {
  /** Draws from [0, 1), as Math.random does. */
  random: () => number;
  /** Starts the sequence again from MATH_RANDOM_SEED. */
  restart: () => void;
}

export function seededRandom(): SeededRandom {
  let state = MATH_RANDOM_SEED;
  return {
    random: () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    restart: () => {
      state = MATH_RANDOM_SEED;
    },
  };
}

/**
 * Replaces `Math.random` on `math` with a seeded generator, keeping the property's attributes, and
 * returns the function that restarts its sequence. The function installed stays the same object, so
 * the grader's watch on built-ins sees no change when the sequence restarts.
 */
export function installSeededRandom(math: Math = Math): () => void {
  const { random, restart } = seededRandom();
  const descriptor = Object.getOwnPropertyDescriptor(math, 'random');
  Object.defineProperty(math, 'random', { ...descriptor, value: random });
  return restart;
}
