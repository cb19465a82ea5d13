// Classic mistake: write-through that catches the database's error and returns, acknowledging a write the database refused.
import { WriteThroughCache as Reference } from '../solution';
export * from '../solution';

export class WriteThroughCache<V> extends Reference<V> {
  override set(key: string, value: V): void {
    if (typeof key !== 'string') throw new TypeError(`key must be a string (got ${String(key)})`);
    try {
      this.db.write(key, value);
      this.store.set(key, value);
    } catch {
      // Swallowed: the caller is told the write succeeded.
    }
  }
}
