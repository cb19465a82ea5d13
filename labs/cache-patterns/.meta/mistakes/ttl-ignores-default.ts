// Classic mistake: a set without ttlMs never expires, ignoring the cache's defaultTtlMs.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override ttlWhenNoneGiven(): number {
    return Number.POSITIVE_INFINITY;
  }
}
