// Classic mistake: the versioned reader fills the cache with a plain set, which checks no version, so its stale set succeeds.
import type { Cache, Database, ReadProcess, Strategy } from '../solution';
import { reader as reference } from '../solution';
export * from '../solution';

export function reader<V>(db: Database<V>, cache: Cache<V>, key: string, strategy: Strategy): ReadProcess<V> {
  return reference(db, cache, key, strategy === 'versioned' ? 'delete' : strategy);
}
