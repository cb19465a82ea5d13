/**
 * Lab: Stampede: single-flight, stale-while-revalidate and a herd harness.
 *
 * Build three defences against a cache stampede and a harness that measures them: `SingleFlight`
 * (request coalescing), `SwrCache` (stale-while-revalidate over an injected clock), and `simulateHerd`,
 * which counts the database loads a herd of readers causes under each strategy. Then run
 * `npm run grade stampede`.
 *
 * Times are in seconds. Never read Date.now or Math.random: the cache reads `options.now()`, and the
 * harness runs in virtual time and draws from the `random` it is given.
 *
 * Bad arguments throw at once (synchronously): a RangeError for a number or name out of range, a
 * TypeError for something that should be a function, each naming the argument, e.g.
 * `new RangeError('ttl must be a finite number > 0 (got 0)')`.
 *
 * The labs are checked as strict TypeScript (with noUncheckedIndexedAccess: `array[i]` may be undefined).
 */

// ---------------------------------------------------------------------------------------------
// 1. Single-flight
// ---------------------------------------------------------------------------------------------

/**
 * A group of in-flight loads, at most one per key (Go's `singleflight.Group`, with promises).
 */
export class SingleFlight {
  /**
   * Concurrent callers for one key share one in-flight load: the first call for `key` calls `load()`;
   * every call for `key` made while that load is in flight gets the same outcome, and its own `load` is
   * never called. A failed load rejects every waiter with its error and is not cached; a successful one
   * is not kept either: once the load has settled, the next call for `key` starts a new load.
   * A `load` that throws instead of returning a promise counts as a failed load.
   * @throws TypeError naming `load` when it is not a function
   */
  coalesce<T>(key: string, load: () => Promise<T>): Promise<T> {
    // TODO
    throw new Error('not implemented: SingleFlight.coalesce');
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Stale-while-revalidate
// ---------------------------------------------------------------------------------------------

/** The options of a {@link SwrCache}. */
export interface SwrCacheOptions {
  /** The current time, in seconds. A TypeError naming `now` if it is not a function. */
  now: () => number;
  /** How long a value is fresh, from the moment its load finished: finite and > 0 (else a RangeError naming `ttl`). */
  ttl: number;
  /**
   * How long after that the value may still be served, stale, while one load refreshes it in the
   * background: finite and >= 0 (else a RangeError naming `staleWhileRevalidate`).
   */
  staleWhileRevalidate: number;
}

/**
 * A cache with stale-while-revalidate (after RFC 5861 §3). A value's age is now() minus the time its load
 * finished (read from `now()` when the load's promise resolved). `get(key, load)`:
 * - age < ttl (fresh): resolves to the cached value; no load.
 * - ttl <= age < ttl + staleWhileRevalidate (stale): resolves to the cached value at once, without
 *   waiting for any load, and makes sure a load of the key is under way in the background (it starts
 *   one with `load` unless one is already in flight). When that load succeeds its value replaces the
 *   old one; when it fails, nothing changes: the stale value goes on being served, and the next stale
 *   get tries again. Its error never reaches a caller of a stale get.
 * - no value, or age >= ttl + staleWhileRevalidate: waits for a load and resolves to its value.
 * At most one load per key is in flight at a time: a caller that must wait joins the key's load in
 * flight (a background refresh included) instead of starting another. A failed load rejects every
 * caller waiting for it, and caches nothing.
 */
export class SwrCache<V> {
  constructor(options: SwrCacheOptions) {
    // TODO: check the options and keep them.
    throw new Error('not implemented: SwrCache');
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    // TODO
    throw new Error('not implemented: SwrCache.get');
  }
}

// ---------------------------------------------------------------------------------------------
// 3. The herd harness
// ---------------------------------------------------------------------------------------------

/** The strategies the harness compares. */
export type HerdStrategy = 'none' | 'single-flight' | 'xfetch' | 'stale-while-revalidate';

/** A herd: the readers of one key, the database load, the cache's starting state, and the strategy. Times in seconds. */
export interface HerdScenario {
  /** One of the four strategies (else a RangeError naming `strategy`). */
  strategy: HerdStrategy;
  /** When each reader asks for the key: finite numbers >= 0 in non-decreasing order (else a RangeError naming `arrivals`). */
  arrivals: readonly number[];
  /** How long one database load takes: finite and > 0 (else a RangeError naming `loadTime`). */
  loadTime: number;
  /** How long a value stays fresh after its load finished: finite and > 0 (else a RangeError naming `ttl`). */
  ttl: number;
  /** The cache starts with a value that expires at this time (finite, else a RangeError naming `expiresAt`); left out, it starts empty. */
  expiresAt?: number;
  /**
   * 'stale-while-revalidate' only, and required there: how long after its expiry a value may still be
   * served stale; finite and >= 0 (else a RangeError naming `staleWindow`).
   */
  staleWindow?: number;
  /** 'xfetch' only: β, finite and > 0 (else a RangeError naming `beta`). @default 1 */
  beta?: number;
  /**
   * 'xfetch' only, and required there (else a TypeError naming `random`): uniform numbers in (0, 1],
   * one drawn for each reader that finds a fresh value, in arrival order, and none otherwise.
   */
  random?: () => number;
}

/** What the harness counts. */
export interface HerdResult {
  /** Database loads started. */
  loads: number;
  /** When each load started, in the order they started. */
  loadStarts: number[];
  /** The most loads in flight at one instant: the size of the largest herd. */
  peakLoads: number;
  /** Readers that waited for a load (started one or joined one) instead of being answered from the cache. */
  waited: number;
  /** Readers answered with a stale value. */
  stale: number;
}

/**
 * Runs a herd in virtual time and counts what happens. The rules:
 *
 * 1. Events happen in time order. At one instant, loads that finish come first, then the readers who
 *    arrive, in the order of `arrivals`.
 * 2. A load started at time s is in flight until s + loadTime; then it stores its value, which is fresh
 *    while now < s + loadTime + ttl (it replaces whatever the cache held). The starting value, if any, is
 *    fresh while now < expiresAt. A reader never waits for anything but a load.
 * 3. Each reader, under each strategy:
 *    - 'none': a fresh value is a hit; otherwise the reader starts a load of its own and waits for it.
 *    - 'single-flight': a fresh value is a hit; otherwise the reader joins the load in flight if there is
 *      one, and starts one if not; either way it waits.
 *    - 'xfetch': a reader that finds a fresh value draws one rand from `random` and, when
 *      now − loadTime·β·ln(rand) >= expiry, starts a load and waits for it (δ is loadTime: every load
 *      takes that long); otherwise it is a hit. A reader that finds no fresh value starts a load of its
 *      own and waits for it, without drawing.
 *    - 'stale-while-revalidate': a fresh value is a hit; a value with now < expiry + staleWindow is served
 *      stale, and the reader starts a load in the background if none is in flight (it does not wait);
 *      otherwise (no value, or older) the reader joins the load in flight or starts one, and waits.
 * 4. `peakLoads` counts the loads in flight right after each start (a load that finishes at the instant
 *    another starts is no longer in flight).
 *
 * @example
 * // Empty cache; loads take 1 s; four readers before the first load finishes, two after.
 * simulateHerd({ strategy: 'none', arrivals: [0, 0.25, 0.5, 0.75, 1, 1.5], loadTime: 1, ttl: 10 })
 * // → { loads: 4, loadStarts: [0, 0.25, 0.5, 0.75], peakLoads: 4, waited: 4, stale: 0 }
 */
export function simulateHerd(scenario: HerdScenario): HerdResult {
  // TODO: check the scenario, then walk through the readers, finishing loads as their time comes.
  throw new Error('not implemented: simulateHerd');
}
