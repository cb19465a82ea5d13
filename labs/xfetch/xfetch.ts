/**
 * Lab: XFetch: probabilistic early recomputation.
 *
 * Build XFetch after Vattani, Chierichetti and Lowenstein, "Optimal Probabilistic Cache Stampede
 * Prevention" (PVLDB 8(8), 2015): a cache whose readers may recompute a value a little before it
 * expires, each with a probability that grows as expiry nears, so that a hot key is usually refreshed
 * by one reader before a herd can find it expired. Then run `npm run grade xfetch`.
 *
 * Times are in seconds. Never read Date.now or Math.random: time comes from `options.now()` and random
 * numbers from `options.random()` (the tests script both).
 *
 * The labs are checked as strict TypeScript (with noUncheckedIndexedAccess: `array[i]` may be undefined).
 */

/**
 * true when now − delta·beta·ln(rand) >= expiry, for rand in (0, 1]
 *
 * @param now the current time (s)
 * @param expiry when the cached value expires (s)
 * @param delta δ: how long the value's last recomputation took (s)
 * @param beta β: 1 is XFetch's default; larger recomputes earlier, smaller later
 * @param rand a uniform random number in (0, 1]
 */
export function shouldRecomputeEarly(now: number, expiry: number, delta: number, beta: number, rand: number): boolean {
  // TODO
  throw new Error('not implemented: shouldRecomputeEarly');
}

/** Where an {@link XFetchCache} gets the time and its random numbers. */
export interface XFetchOptions {
  /** The current time, in seconds. */
  now: () => number;
  /** A uniform random number in (0, 1], used as `rand`. */
  random: () => number;
  /** β. @default 1 */
  beta?: number;
}

/**
 * A cache of values by key, each stored with its δ and its expiry.
 *
 * `get` returns the cached value, or recomputes it on a miss, once it has expired, or early when
 * `shouldRecomputeEarly` says so for one draw of `options.random()` (drawn only when a fresh value is
 * cached). It times `recompute` with `options.now()` before and after to learn δ, and stores the value
 * with expiry = (time after recompute) + ttl. If an early recomputation fails, the still-fresh cached
 * value is returned and kept; if a recomputation fails on a miss or after expiry, `get` rejects with
 * that error and nothing is cached. A value is expired when now ≥ expiry.
 *
 * When `get` recomputes, it resolves to the value `recompute` produced. Any cached value counts, falsy
 * ones (0, '', false) included.
 */
export class XFetchCache<V> {
  constructor(options: XFetchOptions) {
    // TODO: keep the options (β is 1 when left out).
    throw new Error('not implemented: XFetchCache');
  }

  /**
   * The value for `key`: the cached one, or a recomputed one.
   * @param ttl how long a recomputed value stays fresh, in seconds from the end of its recomputation
   * @param recompute produces the value (a database query, say); it may take a while, or reject
   */
  get(key: string, ttl: number, recompute: () => Promise<V>): Promise<V> {
    // TODO
    throw new Error('not implemented: XFetchCache.get');
  }
}
