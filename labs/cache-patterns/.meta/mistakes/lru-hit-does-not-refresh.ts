// Classic mistake: a hit does not make the entry the most recently used, so a key read all the time is evicted as if it were never read.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override refreshesOnHit(): boolean {
    return false;
  }
}
