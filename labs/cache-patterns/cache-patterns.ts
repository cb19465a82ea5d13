/**
 * Lab: Cache patterns.
 *
 * Build a least-recently-used cache with a time to live (TTL) per entry, then put it in front of a
 * database four ways: cache-aside, read-through, write-through and write-behind. Then run
 * `npm run grade cache-patterns`.
 *
 * The labs are checked as strict TypeScript (with noUncheckedIndexedAccess: `array[i]` may be undefined).
 *
 * Time is never read from Date.now: everything that needs the time reads the `clock` it is given (the
 * tests give a clock they move by hand). Times are in milliseconds. The database and the cache store the
 * patterns sit on are given to them too; the tests give ones that count every call.
 *
 * Bad input throws, and the message names the argument or option:
 * - a key that is not a string: a TypeError naming `key`, e.g. `new TypeError('key must be a string (got number)')`;
 * - `capacity` or `maxBatchSize` that is not an integer >= 1, a TTL (`ttlMs`, `defaultTtlMs`) that is not a
 *   number > 0 (NaN, 0 and negative numbers are refused; Infinity means "never expires"), or a `maxDelayMs`
 *   that is not a finite number >= 0: a RangeError naming it;
 * - `LruCache.set` with the value `undefined` (which `get` uses to say "miss"): a TypeError naming `value`.
 */

/** A source of the current time, in milliseconds. */
export interface Clock {
  now(): number;
}

// ---------------------------------------------------------------------------------------------
// 1. An LRU cache with a TTL per entry
// ---------------------------------------------------------------------------------------------

/** What an {@link LruCache} has counted since it was created. */
export interface CacheStats {
  /** `get` calls that found a live entry. */
  hits: number;
  /** `get` calls that found nothing live: the key was never set, was deleted or evicted, or has expired. */
  misses: number;
  /** Live entries removed to make room for a new key (never a replacement, a delete or an expiry). */
  evictions: number;
  /**
   * Entries whose TTL ran out while they were in the cache, counted as if each were removed at the very
   * moment it expired — whether or not anything read it afterwards.
   */
  expirations: number;
}

/** Options of an {@link LruCache}. */
export interface LruCacheOptions {
  /** The most live entries the cache holds: an integer >= 1. */
  capacity: number;
  /** Where the time comes from. */
  clock: Clock;
  /** The TTL of a `set` that gives none: a number > 0, or Infinity for no expiry. Infinity when left out. */
  defaultTtlMs?: number;
}

/**
 * A cache of at most `capacity` live entries.
 *
 * - Recency: a `get` that finds a live entry (a hit) and every `set` make that key the most recently
 *   used. Adding a new key to a full cache first evicts the least recently used entry. Replacing the value
 *   of a live key evicts nothing.
 * - Expiry: an entry written at time t with a TTL of d ms is live while now < t + d, and has expired from
 *   now >= t + d on. Reads never extend an entry's life; a new `set` of the key starts a new TTL.
 * - Expired entries are gone: `get` misses them, they take no room, `size` and `keys` leave them out, and
 *   `delete` returns false for them.
 */
export class LruCache<V> {
  constructor(options: LruCacheOptions) {
    // TODO: check capacity and defaultTtlMs (RangeError naming the option) and keep the options.
    throw new Error('not implemented: LruCache');
  }

  /** The value of a live entry, which becomes the most recently used (a hit); otherwise undefined (a miss). */
  get(key: string): V | undefined {
    throw new Error('not implemented: LruCache.get');
  }

  /**
   * Stores `value` under `key` as the most recently used entry, expiring `ttlMs` from now (the cache's
   * `defaultTtlMs` when left out).
   */
  set(key: string, value: V, ttlMs?: number): void {
    throw new Error('not implemented: LruCache.set');
  }

  /** Removes a live entry; true if there was one. A delete is not an eviction. */
  delete(key: string): boolean {
    throw new Error('not implemented: LruCache.delete');
  }

  /** Removes every entry. Counts nothing new. */
  clear(): void {
    throw new Error('not implemented: LruCache.clear');
  }

  /** How many live entries the cache holds. */
  get size(): number {
    throw new Error('not implemented: LruCache.size');
  }

  /** The live keys, from the least to the most recently used. Neither a hit nor a miss. */
  keys(): string[] {
    throw new Error('not implemented: LruCache.keys');
  }

  /** A copy of the counters, as of the clock's current time. */
  stats(): CacheStats {
    throw new Error('not implemented: LruCache.stats');
  }
}

// ---------------------------------------------------------------------------------------------
// 2. What the patterns sit on
// ---------------------------------------------------------------------------------------------

/** The system of record. Every call is a round trip; a call that throws changed nothing. */
export interface Database<V> {
  /** The stored value, or undefined when the database has no row for the key. */
  read(key: string): V | undefined;
  /** Stores one value. */
  write(key: string, value: V): void;
  /** Stores several values in one round trip, all or nothing. */
  writeBatch(entries: ReadonlyArray<readonly [key: string, value: V]>): void;
}

/** A cache the patterns can sit on: your LruCache is one, and the tests bring their own. */
export interface CacheStore<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): boolean;
  clear(): void;
}

// ---------------------------------------------------------------------------------------------
// 3. Cache-aside: the application's own code
// ---------------------------------------------------------------------------------------------

/**
 * Reads `key` the cache-aside way: the cached value if the store has one (no database read); otherwise
 * one database read, whose value, if the database has one, is put in the store before it is returned.
 * A key the database does not have is not cached.
 */
export function cacheAsideRead<V>(store: CacheStore<V>, db: Database<V>, key: string): V | undefined {
  // TODO
  throw new Error('not implemented: cacheAsideRead');
}

/**
 * Writes `key` the cache-aside way: write the database first, then delete the key from the store (delete,
 * not update), so the next read fetches the new value. If the database throws, the error goes to the caller.
 */
export function cacheAsideWrite<V>(store: CacheStore<V>, db: Database<V>, key: string, value: V): void {
  // TODO
  throw new Error('not implemented: cacheAsideWrite');
}

// ---------------------------------------------------------------------------------------------
// 4. Read-through and write-through: a cache object in front of the database
// ---------------------------------------------------------------------------------------------

/** The store and the database a read-through or write-through cache sits between. */
export interface PatternOptions<V> {
  store: CacheStore<V>;
  db: Database<V>;
}

/** A cache that loads from the database by itself on a miss: the application only calls `get`. */
export class ReadThroughCache<V> {
  constructor(options: PatternOptions<V>) {
    // TODO: keep the store and the database.
    throw new Error('not implemented: ReadThroughCache');
  }

  /** Costs as in {@link cacheAsideRead}: a hit reads nothing from the database; a miss reads once and fills the store. */
  get(key: string): V | undefined {
    throw new Error('not implemented: ReadThroughCache.get');
  }
}

/** A read-through cache whose writes reach the database before `set` returns. */
export class WriteThroughCache<V> extends ReadThroughCache<V> {
  /**
   * Writes the database, then the store, and only then returns: a `set` that returned is a write the
   * database holds. If the database throws, `set` throws that same error, and the store must never hold
   * (not even while the database call is running) a value the database has not accepted.
   */
  set(key: string, value: V): void {
    throw new Error('not implemented: WriteThroughCache.set');
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Write-behind (write-back): acknowledge now, write the database later, in batches
// ---------------------------------------------------------------------------------------------

/** Options of a {@link WriteBehindCache}. */
export interface WriteBehindOptions<V> {
  store: CacheStore<V>;
  db: Database<V>;
  /** Where the time comes from. */
  clock: Clock;
  /** Flush as soon as this many keys have a pending write: an integer >= 1. */
  maxBatchSize: number;
  /** Flush, at the next `tick`, once the oldest pending write is this many ms old: a finite number >= 0. */
  maxDelayMs: number;
}

/** An acknowledged write that a crash lost: the latest value written to `key`, and when it was written. */
export interface LostWrite<V> {
  key: string;
  value: V;
  /** The clock's time when that value was written (acknowledged). */
  writtenAtMs: number;
}

/**
 * A write-behind cache. `set` writes the store, records the write as pending, and returns: returning is
 * the acknowledgement. The database gets pending writes later, when a flush happens.
 *
 * - Each key has at most one pending write, the latest: writing a key again before a flush replaces its
 *   pending value (the batch writes each key once).
 * - A key's age is counted from its first write since the last flush; writing it again does not make it
 *   younger.
 * - A flush gives the database every pending write in ONE `writeBatch` call, in any order, and forgets
 *   them once that call has returned. If the database throws, every write stays pending.
 */
export class WriteBehindCache<V> {
  constructor(options: WriteBehindOptions<V>) {
    // TODO: check maxBatchSize and maxDelayMs (RangeError naming the option) and keep the options.
    throw new Error('not implemented: WriteBehindCache');
  }

  /** How many keys have a write the database has not been given yet. */
  get pendingCount(): number {
    throw new Error('not implemented: WriteBehindCache.pendingCount');
  }

  /**
   * The latest acknowledged value of `key`: its pending write if it has one (even if the store has lost
   * it meanwhile: the database does not have it yet), else the store's, else the database's (which then
   * fills the store).
   */
  get(key: string): V | undefined {
    throw new Error('not implemented: WriteBehindCache.get');
  }

  /**
   * Writes the store, records the write as pending, and flushes if that makes `maxBatchSize` keys pending.
   * It never throws because of the database: if that flush fails, the writes simply stay pending.
   */
  set(key: string, value: V): void {
    throw new Error('not implemented: WriteBehindCache.set');
  }

  /**
   * What a timer calls: flushes if the oldest pending write has waited `maxDelayMs` or more (then every
   * pending write goes, not only the old ones). If the database throws, so does `tick`.
   */
  tick(): void {
    throw new Error('not implemented: WriteBehindCache.tick');
  }

  /** Flushes now. With nothing pending it does not call the database. If the database throws, so does `flush`. */
  flush(): void {
    throw new Error('not implemented: WriteBehindCache.flush');
  }

  /**
   * The cache process dies. Returns the acknowledged writes that never reached the database — for each
   * pending key, its latest value — in any order, and leaves the cache as a restarted process finds it:
   * nothing pending and an empty store (`store.clear()`).
   */
  crash(): LostWrite<V>[] {
    throw new Error('not implemented: WriteBehindCache.crash');
  }
}
