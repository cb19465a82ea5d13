/**
 * Three ways to put a cache in front of a database, over an injected database and an injected cache
 * store (the lab's LruCache is one; anything with get, set, delete and clear will do):
 *
 * - cache-aside: the application's own code reads the cache, falls back to the database on a miss and
 *   fills the cache; on a write it writes the database, then deletes the key from the cache — delete,
 *   not update, as memcache does at Facebook (Nishtala et al., NSDI 2013, §2);
 * - read-through: the same read path, owned by a cache object the application asks instead;
 * - write-through: a write goes to the database and, once the database has taken it, to the cache;
 *   the caller hears back only after both.
 *
 * Write-behind, the fourth, is in write-behind.ts. This module is the reference solution of the lab's
 * patterns and the engine of the lesson's worked examples.
 */
import { checkKey } from './checks';

/**
 * The system of record. Every call is a round trip; a call that throws changed nothing.
 */
export interface Database<V> {
  /** The stored value, or undefined when the database has no row for the key. */
  read(key: string): V | undefined;
  /** Stores one value. */
  write(key: string, value: V): void;
  /** Stores several values in one round trip, all or nothing. */
  writeBatch(entries: ReadonlyArray<readonly [key: string, value: V]>): void;
}

/** A cache the patterns can sit on: the lab's LruCache, or a test's own. */
export interface CacheStore<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): boolean;
  clear(): void;
}

// #region cache-aside
/**
 * Cache-aside read: the cached value if there is one (no database read); otherwise one database read,
 * whose value, if the database has one, is put in the cache before it is returned.
 */
export function cacheAsideRead<V>(store: CacheStore<V>, db: Database<V>, key: string): V | undefined {
  checkKey('key', key);
  const cached = store.get(key);
  if (cached !== undefined) return cached;
  const value = db.read(key);
  if (value !== undefined) store.set(key, value);
  return value;
}

/**
 * Cache-aside write: the database first, then delete the key from the cache, so that the next read
 * fetches the new value. If the database throws, so does this, and the cache is left alone.
 */
export function cacheAsideWrite<V>(store: CacheStore<V>, db: Database<V>, key: string, value: V): void {
  checkKey('key', key);
  db.write(key, value);
  store.delete(key);
}
// #endregion

/** The cache and the database a read-through or write-through cache sits between. */
export interface PatternOptions<V> {
  store: CacheStore<V>;
  db: Database<V>;
}

/** A cache that loads from the database by itself on a miss: the application only calls `get`. */
export class ReadThroughCache<V> {
  protected readonly store: CacheStore<V>;
  protected readonly db: Database<V>;

  constructor(options: PatternOptions<V>) {
    this.store = options.store;
    this.db = options.db;
  }

  /** As {@link cacheAsideRead}: a hit reads nothing from the database; a miss reads once and fills. */
  get(key: string): V | undefined {
    return cacheAsideRead(this.store, this.db, key);
  }
}

// #region write-through
/** A read-through cache whose writes go to the database, then the cache, before `set` returns. */
export class WriteThroughCache<V> extends ReadThroughCache<V> {
  /**
   * Writes the database, then the cache, and returns only then: a returned `set` is a write the
   * database holds. If the database throws, `set` throws the same error and the cache is not given the
   * refused value.
   */
  set(key: string, value: V): void {
    checkKey('key', key);
    this.db.write(key, value);
    this.store.set(key, value);
  }
}
// #endregion
