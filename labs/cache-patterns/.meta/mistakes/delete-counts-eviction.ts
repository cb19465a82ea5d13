// Classic mistake: counts a delete as an eviction; deletes are the application's choice, evictions are the cache running out of room.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override onDelete(): void {
    this.counters.evictions++;
  }
}
