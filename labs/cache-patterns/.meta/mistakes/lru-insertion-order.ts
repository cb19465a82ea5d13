// Classic mistake: evicts by insertion order (FIFO): neither a hit nor a rewrite moves a key to the most recently used end.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override refreshesOnHit(): boolean {
    return false;
  }

  protected override refreshesOnReplace(): boolean {
    return false;
  }
}
