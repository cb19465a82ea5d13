/**
 * `Math.random`, seeded. The grader's test worker (runner.ts) and the page's lab worker
 * (src/labs/browser/worker-core.ts) both replace `Math.random` with this generator and restart it at
 * the same seed before each test file loads, so code that calls `Math.random()` where a lab injects its
 * randomness draws the same numbers on every run, in the terminal and in the page alike, and gets the
 * same score every time. (The labs' tests count the draws they inject, so such code still loses the
 * points that say "use the random source you were given".)
 *
 * The generator is the course's own (src/models/common/rng.ts, which the simulators and the labs' tests
 * use), started from the course's default seed.
 */
import { createRng, DEFAULT_SEED } from '../models/common/rng';

/** The seed every test file starts from. */
export const MATH_RANDOM_SEED = DEFAULT_SEED;

export interface SeededRandom {
  /** Draws from [0, 1), as Math.random does. */
  random: () => number;
  /** Starts the sequence again from MATH_RANDOM_SEED. */
  restart: () => void;
}

export function seededRandom(): SeededRandom {
  let rng = createRng(MATH_RANDOM_SEED);
  return {
    random: () => rng.next(),
    restart: () => {
      rng = createRng(MATH_RANDOM_SEED);
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
