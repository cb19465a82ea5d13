// Classic mistake: the reader goes to the database even when the cache has the value, so every read costs a database read and returns the database's value.
import type { Cache, Database, ReadProcess, Strategy } from '../solution';
import { reader as reference } from '../solution';
export * from '../solution';

export function reader<V>(db: Database<V>, cache: Cache<V>, key: string, strategy: Strategy): ReadProcess<V> {
  reference(db, cache, key, strategy); // for its argument checks
  let next = 0;
  let result: V | undefined;
  let row: { value: V; version: number } | undefined;
  return {
    get done() {
      return next === 3;
    },
    get result() {
      return result;
    },
    step() {
      if (next === 0) cache.get(key);
      else if (next === 1) {
        row = db.read(key);
        if (!row) next = 2;
      } else if (next === 2 && row) {
        if (strategy === 'versioned') cache.setVersioned(key, row.value, row.version);
        else cache.set(key, row.value);
        result = row.value;
      }
      if (next < 3) next++;
    },
  };
}
