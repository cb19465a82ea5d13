/**
 * A look-aside cache with a TTL and two ways to keep stale values out, each a pair of operations:
 *
 * - unversioned, like memcached's set and delete: `set` stores, `delete` removes. With `guardMs` > 0, a
 *   delete also opens a short window during which `set` of that key is refused — a "recently deleted"
 *   guard, like the hold-off that memcache gives deletes when it warms a cold cluster;
 * - versioned: every value carries the version of the database row it was read from. `setVersioned`
 *   refuses a version older than the newest the cache has seen for the key, and `invalidate` removes the
 *   value while recording the version the writer just wrote, so that a reader still holding an older
 *   row can no longer put it back.
 *
 * Time comes from the injected clock (milliseconds); nothing here reads the wall clock.
 */
import type { Clock } from '../../common/clock';
import { checkKey, checkVersion } from './keys';

export type { Clock };

export interface CacheOptions {
  clock: Clock;
  /** How long a value lives after the set that stored it, in ms: a number > 0, or Infinity for no expiry. */
  ttlMs: number;
  /** How long after delete(key) a plain set(key) is refused, in ms: a finite number >= 0. 0 (no guard) when left out. */
  guardMs?: number;
}

interface Entry<V> {
  value: V;
  /** The first instant at which the entry is gone: the set's time + ttlMs. */
  expiresAt: number;
}

// #region cache
export class Cache<V> {
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #guardMs: number;
  readonly #entries = new Map<string, Entry<V>>();
  /** The newest version seen per key, through setVersioned or invalidate. It only ever goes up. */
  readonly #newest = new Map<string, number>();
  /** Per key, the first instant at which a plain set is accepted again after a delete. */
  readonly #guardedUntil = new Map<string, number>();

  constructor(options: CacheOptions) {
    const { clock, ttlMs, guardMs = 0 } = options;
    if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be a number > 0 (got ${ttlMs})`);
    if (!(Number.isFinite(guardMs) && guardMs >= 0)) throw new RangeError(`guardMs must be a finite number >= 0 (got ${guardMs})`);
    this.#clock = clock;
    this.#ttlMs = ttlMs;
    this.#guardMs = guardMs;
  }

  /** The key's value, or undefined when it is absent or has expired. Reading does not extend the TTL. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(checkKey(key));
    // An expired entry is simply not returned; a new set replaces it.
    if (!entry || this.#clock.now() >= entry.expiresAt) return undefined;
    return entry.value;
  }

  /** Stores the value with a fresh TTL and returns true, unless a recent delete still guards the key: then false, and nothing changes. */
  set(key: string, value: V): boolean {
    checkKey(key);
    const now = this.#clock.now();
    if (now < (this.#guardedUntil.get(key) ?? Number.NEGATIVE_INFINITY)) return false;
    this.#store(key, value, now);
    return true;
  }

  /** Removes the key's value, and guards the key against plain sets for guardMs. */
  delete(key: string): void {
    checkKey(key);
    this.#entries.delete(key);
    // With guardMs 0 the window [now, now) is empty: no set is refused.
    this.#guardedUntil.set(key, this.#clock.now() + this.#guardMs);
  }

  /**
   * Stores the value, read from the row's `version`, with a fresh TTL, and returns true — unless the cache
   * has seen a newer version of the key (stored or invalidated): then false, and nothing changes.
   */
  setVersioned(key: string, value: V, version: number): boolean {
    checkKey(key);
    checkVersion(version);
    const newest = this.#newest.get(key) ?? 0;
    if (version < newest) return false;
    this.#newest.set(key, version);
    this.#store(key, value, this.#clock.now());
    return true;
  }

  /** Removes the key's value and records `version`, the version the writer just wrote, unless a newer one is recorded already. */
  invalidate(key: string, version: number): void {
    checkKey(key);
    checkVersion(version);
    this.#entries.delete(key);
    this.#newest.set(key, Math.max(version, this.#newest.get(key) ?? 0));
  }

  #store(key: string, value: V, now: number): void {
    this.#entries.set(key, { value, expiresAt: now + this.#ttlMs });
  }
}
// #endregion
