/**
 * A least-recently-used cache with a time to live per entry, over an injected clock.
 *
 * The rules, which the cache-patterns lab's tests check:
 * - At most `capacity` live entries. Adding a new key to a full cache evicts the entry that was used
 *   least recently; a hit (a `get` that finds a live entry) and a `set` both count as a use.
 * - An entry written at time t with a TTL of d ms is live while now < t + d and has expired from
 *   now >= t + d on (the convention of Caffeine's expireAfterWrite). Reads never extend it; writing the
 *   key again starts a new TTL.
 * - Expired entries are gone: they are never returned, take no room, and are not counted by `size` or
 *   listed by `keys`. Each is counted once in `expirations`, as if removed the moment its TTL ran out.
 *
 * This module is the reference solution of the lab's LruCache and the store behind the lesson's worked
 * examples. It sweeps expired entries at the start of every call, which costs O(n); a production cache
 * would keep the expiry times in a heap or a timer wheel.
 */
import type { Clock } from '../../common/clock';
import { checkKey, checkPositiveInteger, checkTtl } from './checks';

export type { Clock } from '../../common/clock';

/** What a cache has counted since it was created. */
export interface CacheStats {
  /** `get` calls that found a live entry. */
  hits: number;
  /** `get` calls that found nothing live: the key was never set, was deleted or evicted, or has expired. */
  misses: number;
  /** Live entries removed to make room for a new key. */
  evictions: number;
  /** Entries whose TTL ran out while they were in the cache, whether or not anything read them afterwards. */
  expirations: number;
}

/** Options of an {@link LruCache}. */
export interface LruCacheOptions {
  /** The most live entries the cache holds: an integer >= 1. */
  capacity: number;
  /** Where the time comes from, in milliseconds. */
  clock: Clock;
  /** The TTL of a `set` that gives none: a number > 0, or Infinity (the default) for no expiry. */
  defaultTtlMs?: number;
}

interface Entry<V> {
  value: V;
  expiresAtMs: number;
}

// #region lru-cache
export class LruCache<V> {
  readonly #capacity: number;
  readonly #clock: Clock;
  readonly #defaultTtlMs: number;
  /** The entries, least recently used first: a Map iterates in insertion order, and a use re-inserts. */
  readonly #entries = new Map<string, Entry<V>>();
  readonly #stats: CacheStats = { hits: 0, misses: 0, evictions: 0, expirations: 0 };

  constructor(options: LruCacheOptions) {
    this.#capacity = checkPositiveInteger('capacity', options.capacity);
    this.#clock = options.clock;
    this.#defaultTtlMs = options.defaultTtlMs === undefined ? Number.POSITIVE_INFINITY : checkTtl('defaultTtlMs', options.defaultTtlMs);
  }

  /** The value of a live entry, which becomes the most recently used (a hit); otherwise undefined (a miss). */
  get(key: string): V | undefined {
    checkKey('key', key);
    this.#sweep();
    const entry = this.#entries.get(key);
    if (entry === undefined) {
      this.#stats.misses++;
      return undefined;
    }
    this.#stats.hits++;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /**
   * Stores `value` under `key` as the most recently used entry, expiring `ttlMs` from now (the cache's
   * defaultTtlMs when left out). A new key in a full cache first evicts the least recently used entry;
   * replacing a live key's value evicts nothing.
   */
  set(key: string, value: V, ttlMs: number = this.#defaultTtlMs): void {
    checkKey('key', key);
    if (value === undefined) throw new TypeError('value must not be undefined: get() returns undefined for a miss');
    checkTtl('ttlMs', ttlMs);
    this.#sweep();
    if (!this.#entries.delete(key) && this.#entries.size >= this.#capacity) {
      const [oldest] = this.#entries.keys();
      this.#entries.delete(oldest!);
      this.#stats.evictions++;
    }
    this.#entries.set(key, { value, expiresAtMs: this.#clock.now() + ttlMs });
  }

  /** Removes a live entry; true if there was one. A delete is not an eviction. */
  delete(key: string): boolean {
    checkKey('key', key);
    this.#sweep();
    return this.#entries.delete(key);
  }

  /** Removes every entry, counting nothing (entries that had already expired stay counted as expirations). */
  clear(): void {
    this.#sweep();
    this.#entries.clear();
  }

  /** How many live entries the cache holds. */
  get size(): number {
    this.#sweep();
    return this.#entries.size;
  }

  /** The live keys, from the least to the most recently used. Neither a hit nor a miss. */
  keys(): string[] {
    this.#sweep();
    return [...this.#entries.keys()];
  }

  /** A copy of the counters as of now. */
  stats(): CacheStats {
    this.#sweep();
    return { ...this.#stats };
  }

  /** Drops every entry whose TTL has run out (now >= expiresAtMs) and counts it as an expiration. */
  #sweep(): void {
    const now = this.#clock.now();
    for (const [key, entry] of this.#entries) {
      if (now >= entry.expiresAtMs) {
        this.#entries.delete(key);
        this.#stats.expirations++;
      }
    }
  }
}
// #endregion
