// Classic mistake: evicts from the wrong end of the recency list, throwing out the entry used most recently.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override victimIndex(): number {
    return this.entries.length - 1;
  }
}
