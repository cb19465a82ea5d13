// Classic mistake: writing a key again keeps the old entry's expiry time, so fresh data expires on the old schedule.
import { VariantLru, type Entry } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override replacementExpiry(old: Entry<V>): number {
    return old.expiresAtMs;
  }
}
