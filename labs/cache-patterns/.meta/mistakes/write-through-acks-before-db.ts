// Classic mistake: write-through that acknowledges before the database write: it updates the cache and returns, and writes the database only on the next call.
import { WriteThroughCache as Reference } from '../solution';
export * from '../solution';

export class WriteThroughCache<V> extends Reference<V> {
  private owed: Array<[string, V]> = [];

  override set(key: string, value: V): void {
    if (typeof key !== 'string') throw new TypeError(`key must be a string (got ${String(key)})`);
    for (const [k, v] of this.owed.splice(0)) this.db.write(k, v);
    this.store.set(key, value);
    this.owed.push([key, value]);
  }
}
