// Classic mistake: set makes room without dropping expired entries first, so a dead entry is evicted (and counted) or pushes out a live one.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override sweepsOnSet(): boolean {
    return false;
  }
}
