// Classic mistake: the expiry is counted from the clock read before the recomputation instead of the one
// after it, so a slow recomputation shortens the value's life by its own duration.
import { VariantXFetch } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override store(key: string, value: V, start: number, end: number, ttl: number): void {
    this.entries.set(key, { value, delta: end - start, expiry: start + ttl });
  }
}
