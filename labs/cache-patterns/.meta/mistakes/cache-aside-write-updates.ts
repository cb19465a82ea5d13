// Classic mistake: a cache-aside write that updates the cache instead of deleting the key; two overlapping writers can then leave the older value cached.
import type { CacheStore, Database } from '../solution';
export * from '../solution';

export function cacheAsideWrite<V>(store: CacheStore<V>, db: Database<V>, key: string, value: V): void {
  if (typeof key !== 'string') throw new TypeError(`key must be a string (got ${String(key)})`);
  db.write(key, value);
  store.set(key, value);
}
