// Classic mistake: stats() hands out the cache's own counter object, so a caller who changes the copy changes the cache.
import { VariantLru } from '../support/variants';
import type { CacheStats } from '../solution';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override snapshot(): CacheStats {
    return this.counters;
  }
}
