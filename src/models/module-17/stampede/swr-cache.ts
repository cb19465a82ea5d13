/**
 * Stale-while-revalidate for an in-process cache, after RFC 5861 §3: a value is fresh for `ttl` seconds
 * after its load finished; for `staleWhileRevalidate` seconds more it is still served at once, while one
 * load in the background refreshes it; after that a caller waits for a new load. At most one load per
 * key is in flight (single-flight), and a failed background refresh leaves the stale value in place.
 * Part of the stampede lab's reference solution.
 */
import { SingleFlight } from './single-flight';

/** The options of a {@link SwrCache}. Times in seconds. */
export interface SwrCacheOptions {
  /** The current time, in seconds. */
  now: () => number;
  /** How long a value is fresh after its load finished: finite, > 0. */
  ttl: number;
  /** How long after that the value may still be served while it is refreshed: finite, >= 0. */
  staleWhileRevalidate: number;
}

interface Entry<V> {
  value: V;
  /** When the load that produced the value finished. */
  loadedAt: number;
}

export class SwrCache<V> {
  readonly #now: () => number;
  readonly #ttl: number;
  readonly #window: number;
  readonly #entries = new Map<string, Entry<V>>();
  readonly #loads = new SingleFlight();

  constructor(options: SwrCacheOptions) {
    if (typeof options.now !== 'function') throw new TypeError(`now must be a function returning seconds (got ${typeof options.now})`);
    if (!(Number.isFinite(options.ttl) && options.ttl > 0)) throw new RangeError(`ttl must be a finite number > 0 (got ${options.ttl})`);
    if (!(Number.isFinite(options.staleWhileRevalidate) && options.staleWhileRevalidate >= 0)) {
      throw new RangeError(`staleWhileRevalidate must be a finite number >= 0 (got ${options.staleWhileRevalidate})`);
    }
    this.#now = options.now;
    this.#ttl = options.ttl;
    this.#window = options.staleWhileRevalidate;
  }

  // #region get
  get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      const age = this.#now() - entry.loadedAt;
      if (age < this.#ttl) return Promise.resolve(entry.value);
      if (age < this.#ttl + this.#window) {
        // Stale but usable: answer now, and refresh in the background (joining a refresh already
        // under way). A failed refresh is dropped: the stale value keeps being served meanwhile.
        this.#load(key, load).catch(() => undefined);
        return Promise.resolve(entry.value);
      }
    }
    return this.#load(key, load);
  }

  /** The key's one load: started here, or joined if one is in flight; stores the value when it succeeds. */
  #load(key: string, load: () => Promise<V>): Promise<V> {
    return this.#loads.coalesce(key, async () => {
      const value = await load();
      this.#entries.set(key, { value, loadedAt: this.#now() });
      return value;
    });
  }
  // #endregion
}
