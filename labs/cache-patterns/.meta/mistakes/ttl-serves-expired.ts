// Classic mistake: get returns an expired value (a hit) because it looks the key up but never at its expiry.
import { VariantLru, type Entry } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override sweepsOnGet(): boolean {
    return false;
  }

  protected override readExpired(entry: Entry<V>): V | undefined {
    this.counters.hits++;
    return entry.value;
  }
}
