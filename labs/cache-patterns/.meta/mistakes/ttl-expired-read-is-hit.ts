// Classic mistake: a get that finds an expired entry returns undefined but counts a hit, which inflates the hit ratio.
import { VariantLru, type Entry } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override sweepsOnGet(): boolean {
    return false;
  }

  protected override readExpired(_entry: Entry<V>, index: number): V | undefined {
    this.entries.splice(index, 1);
    this.counters.expirations++;
    this.counters.hits++;
    return undefined;
  }
}
