// Classic mistake: a read-through cache that loads from the database on a miss but never keeps what it loaded.
import { ReadThroughCache as Reference } from '../solution';
export * from '../solution';

export class ReadThroughCache<V> extends Reference<V> {
  override get(key: string): V | undefined {
    if (typeof key !== 'string') throw new TypeError(`key must be a string (got ${String(key)})`);
    return this.store.get(key) ?? this.db.read(key);
  }
}
