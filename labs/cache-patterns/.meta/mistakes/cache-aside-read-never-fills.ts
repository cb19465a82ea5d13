// Classic mistake: a cache-aside read that forgets to put what it read into the cache, so every read goes to the database.
import type { CacheStore, Database } from '../solution';
export * from '../solution';

export function cacheAsideRead<V>(store: CacheStore<V>, db: Database<V>, key: string): V | undefined {
  if (typeof key !== 'string') throw new TypeError(`key must be a string (got ${String(key)})`);
  return store.get(key) ?? db.read(key);
}
