// JavaScript slip: Map.set on an existing key keeps the key's old place, so replacing a value does not make it the most recently used.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override refreshesOnReplace(): boolean {
    return false;
  }
}
