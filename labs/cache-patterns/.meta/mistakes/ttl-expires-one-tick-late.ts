// Off-by-one mistake: an entry counts as expired only after written + ttl (> where >= belongs), so it lives one instant too long.
import { VariantLru, type Entry } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override isExpired(entry: Entry<V>, now: number): boolean {
    return now > entry.expiresAtMs;
  }
}
