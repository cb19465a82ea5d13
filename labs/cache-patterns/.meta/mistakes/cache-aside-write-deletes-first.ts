// Classic mistake: deletes the key before writing the database, so a read that runs in between puts the old value back, to stay until it expires.
import type { CacheStore, Database } from '../solution';
export * from '../solution';

export function cacheAsideWrite<V>(store: CacheStore<V>, db: Database<V>, key: string, value: V): void {
  if (typeof key !== 'string') throw new TypeError(`key must be a string (got ${String(key)})`);
  store.delete(key);
  db.write(key, value);
}
