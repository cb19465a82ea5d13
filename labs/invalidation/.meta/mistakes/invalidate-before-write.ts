// Classic mistake: the writer clears the cache before it writes the database, so a reader in between reads the old row and caches it after the clear.
import type { Cache, Database, Process, Strategy } from '../solution';
export * from '../solution';

export function writer<V>(db: Database<V>, cache: Cache<V>, key: string, value: V, strategy: Strategy): Process {
  if (typeof key !== 'string') throw new TypeError('key must be a string');
  if (!['delete', 'update', 'versioned'].includes(strategy)) throw new RangeError(`strategy must be delete, update or versioned (got ${strategy})`);
  let next = 0;
  return {
    get done() {
      return next === 2;
    },
    step() {
      if (next === 0) {
        // The version the writer can see before writing is the current one.
        if (strategy === 'delete') cache.delete(key);
        else if (strategy === 'update') cache.set(key, value);
        else cache.invalidate(key, db.read(key)?.version ?? 1);
      } else if (next === 1) db.write(key, value);
      if (next < 2) next++;
    },
  };
}
