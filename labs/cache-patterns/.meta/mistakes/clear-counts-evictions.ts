// Classic mistake: counts every entry that clear() removes as an eviction.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override onClear(removed: number): void {
    this.counters.evictions += removed;
  }
}
