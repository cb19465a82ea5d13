// Classic mistake: a hit restarts the TTL (sliding expiry), so an entry that is read often never expires, however old its data.
import { VariantLru, type Entry } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override onHit(entry: Entry<V>): void {
    entry.expiresAtMs = this.clock.now() + entry.ttlMs;
  }
}
