// Classic mistake: no check of the key, so get(42) quietly misses instead of throwing a TypeError.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override checkKey(): void {}
}
