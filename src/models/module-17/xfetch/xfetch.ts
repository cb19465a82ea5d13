/**
 * XFetch, the probabilistic early recomputation of Vattani, Chierichetti and Lowenstein ("Optimal
 * Probabilistic Cache Stampede Prevention", PVLDB 8(8), 2015): the course's model, which the xfetch lab's
 * reference solution re-exports. Times are in seconds; time and randomness are injected.
 *
 * Each cached value carries δ, how long its last recomputation took. A request that finds the value
 * fresh draws rand in (0, 1] and recomputes early when now − δ·β·ln(rand) ≥ expiry. Since −ln(rand) is
 * exponentially distributed with mean 1, a request with r seconds left recomputes with probability
 * e^(−r/(δβ)): almost never far from expiry, more and more often in the last few δ.
 */

// #region should-recompute
/**
 * True when now − delta·beta·ln(rand) >= expiry, for rand in (0, 1]: the XFetch test for recomputing a
 * value that is still fresh. ln(rand) <= 0, so the left side looks ahead of now by δβ·(−ln rand) >= 0.
 */
export function shouldRecomputeEarly(now: number, expiry: number, delta: number, beta: number, rand: number): boolean {
  return now - delta * beta * Math.log(rand) >= expiry;
}
// #endregion

/** Where an {@link XFetchCache} gets the time (seconds) and its random numbers (in (0, 1]). */
export interface XFetchOptions {
  now: () => number;
  random: () => number;
  /** β > 1 recomputes earlier, β < 1 later. @default 1 */
  beta?: number;
}

interface Entry<V> {
  value: V;
  /** How long the recomputation that produced the value took, in seconds. */
  delta: number;
  /** The value is expired from this time on (now >= expiry). */
  expiry: number;
}

/**
 * A cache whose `get` recomputes a value on a miss, once it has expired, or early when
 * {@link shouldRecomputeEarly} says so for one draw of `options.random()`.
 */
export class XFetchCache<V> {
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #beta: number;
  readonly #entries = new Map<string, Entry<V>>();

  constructor(options: XFetchOptions) {
    this.#now = options.now;
    this.#random = options.random;
    this.#beta = options.beta ?? 1;
  }

  // #region get
  async get(key: string, ttl: number, recompute: () => Promise<V>): Promise<V> {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      const now = this.#now();
      if (now < entry.expiry) {
        // Fresh: one draw decides whether this request refreshes the value before it expires.
        if (!shouldRecomputeEarly(now, entry.expiry, entry.delta, this.#beta, this.#random())) return entry.value;
        try {
          return await this.#recompute(key, ttl, recompute);
        } catch {
          // The value is still good: a failed early refresh costs nothing but the attempt.
          return entry.value;
        }
      }
    }
    // A miss or an expired value: recompute, and let a failure reach the caller.
    return this.#recompute(key, ttl, recompute);
  }

  /** Runs `recompute`, timing it on the injected clock, and stores its value with its δ and expiry. */
  async #recompute(key: string, ttl: number, recompute: () => Promise<V>): Promise<V> {
    const start = this.#now();
    const value = await recompute();
    const end = this.#now();
    this.#entries.set(key, { value, delta: end - start, expiry: end + ttl });
    return value;
  }
  // #endregion
}
