/**
 * The database behind the cache: the source of truth. Every write gives the row a new version, one more
 * than the last (1 for the first write of a key), so a version says which of two copies is newer.
 */
import { checkKey } from './keys';

/** A row as the database holds it. */
export interface Row<V> {
  value: V;
  /** 1 for the first write of the key, then one more per write. */
  version: number;
}

// #region database
export class Database<V> {
  readonly #rows = new Map<string, Row<V>>();

  /** The key's current row, or undefined if it was never written. */
  read(key: string): Row<V> | undefined {
    const row = this.#rows.get(checkKey(key));
    return row && { ...row };
  }

  /** Stores a new value and returns the row's new version. */
  write(key: string, value: V): number {
    const version = (this.#rows.get(checkKey(key))?.version ?? 0) + 1;
    this.#rows.set(key, { value, version });
    return version;
  }
}
// #endregion
