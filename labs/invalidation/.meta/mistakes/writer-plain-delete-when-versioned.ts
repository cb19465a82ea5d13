// Classic mistake: the versioned writer deletes the key with a plain delete, which records no version, so nothing stops a reader's older setVersioned.
import type { Cache, Database, Process, Strategy } from '../solution';
import { writer as reference } from '../solution';
export * from '../solution';

export function writer<V>(db: Database<V>, cache: Cache<V>, key: string, value: V, strategy: Strategy): Process {
  return reference(db, cache, key, value, strategy === 'versioned' ? 'delete' : strategy);
}
