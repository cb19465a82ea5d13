// Classic mistake: the versioned writer invalidates with the version it replaced (the new version − 1) instead of the one it wrote, so a reader holding that older row can still put it back.
import type { Cache, Database, Process, Strategy } from '../solution';
import { writer as reference } from '../solution';
export * from '../solution';

export function writer<V>(db: Database<V>, cache: Cache<V>, key: string, value: V, strategy: Strategy): Process {
  if (strategy !== 'versioned') return reference(db, cache, key, value, strategy);
  reference(db, cache, key, value, strategy); // for its argument checks
  let next = 0;
  let version = 0;
  return {
    get done() {
      return next === 2;
    },
    step() {
      if (next === 0) version = db.write(key, value);
      else if (next === 1) cache.invalidate(key, Math.max(1, version - 1));
      if (next < 2) next++;
    },
  };
}
