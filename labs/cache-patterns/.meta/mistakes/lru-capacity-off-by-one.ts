// Off-by-one mistake: the room check uses <= where < belongs, so the cache holds capacity + 1 entries.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override hasRoom(): boolean {
    return this.entries.length <= this.capacity;
  }
}
