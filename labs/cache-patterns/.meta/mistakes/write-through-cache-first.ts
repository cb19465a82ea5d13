// Classic mistake: write-through that writes the cache before the database, so readers see a value the database has not accepted (and keep it if the database refuses).
import { WriteThroughCache as Reference } from '../solution';
export * from '../solution';

export class WriteThroughCache<V> extends Reference<V> {
  override set(key: string, value: V): void {
    if (typeof key !== 'string') throw new TypeError(`key must be a string (got ${String(key)})`);
    this.store.set(key, value);
    this.db.write(key, value);
  }
}
