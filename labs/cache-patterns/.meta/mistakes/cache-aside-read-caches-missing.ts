// Classic mistake: a miss fills the cache even when the database has no value, so the cache fills up with undefined entries.
import type { CacheStore, Database } from '../solution';
export * from '../solution';

export function cacheAsideRead<V>(store: CacheStore<V>, db: Database<V>, key: string): V | undefined {
  if (typeof key !== 'string') throw new TypeError(`key must be a string (got ${String(key)})`);
  const cached = store.get(key);
  if (cached !== undefined) return cached;
  const value = db.read(key);
  store.set(key, value as V);
  return value;
}
